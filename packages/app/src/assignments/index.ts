export * from './assign-plan.js';
export * from './assignment-queries.js';
export * from './assignment-terms.js';
export * from './change-assignment.js';
export { presentTerms } from './assignment.presenter.js';
