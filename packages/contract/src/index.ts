export * from './errors.schema.js';
export * from './primitives.schema.js';
export * from './crm.schema.js';
export * from './auth.schema.js';
export * from './system.schema.js';
export * from './saved-views.schema.js';
export * from './insights.schema.js';
export * from './plans.schema.js';
