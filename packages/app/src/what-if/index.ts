export * from './distribution.js';
export * from './payout-at.js';
export * from './what-if-inputs.js';
export * from './what-if-plan-version.js';
export * from './plan-cost-scenarios.js';
