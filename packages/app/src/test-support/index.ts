export * from '@attain/store/test-support';
export * from './factories.js';
export * from './pay-cycle-org.js';
export * from './sellers-book.js';
export * from './territory-model.js';
