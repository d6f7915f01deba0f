export * from './plan-schema.js';
export * from './plan-file.js';
export * from './plan-calculate.js';
export * from './credits-csv.js';
export * from './plan-examples.js';
export * from './plan-hash.js';
