export * from './opportunity-splits.js';
export * from './split-rules.js';
export * from './sync-deal-transactions.js';
export * from './to-crediting.js';
export * from './transaction-queries.js';
export * from './transaction-sync.js';
export * from './import-transactions.js';
