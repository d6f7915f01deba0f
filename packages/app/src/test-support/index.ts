export * from './test-db.js';
export * from './factories.js';
