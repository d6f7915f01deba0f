export * from '@attain/store/test-support';
export * from './factories.js';
