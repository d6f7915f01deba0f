export * from './calc-inputs.js';
export * from './calculate-payees.js';
export * from './crediting-rules.js';
export * from './publish-calc-run.js';
export * from './run-calc.js';
export * from './statement-queries.js';
export * from './verify-calc-run.js';
