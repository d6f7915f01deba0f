export * from './server.js';
export * from './route.js';
export * from './route-registry.js';
export * from './env.js';
export * from './auth.middleware.js';
export { listInputOf } from './routes/crm.routes.js';
