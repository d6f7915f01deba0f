export * from './plan-curve.js';
export * from './plan-queries.js';
export * from './preview-plan.js';
export * from './save-plan-version.js';
export * from './seed-plan-templates.js';
export { readPlanSource, type PlanReading } from './read-plan-source.js';
