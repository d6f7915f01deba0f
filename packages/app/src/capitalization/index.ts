export * from './capitalization-policy.rules.js';
export * from './capitalization-policy.js';
export * from './contract-costs.js';
export * from './capitalization-costs.js';
export * from './capitalization-reports.js';
