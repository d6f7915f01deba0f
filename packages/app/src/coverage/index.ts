export * from './coverage-model.js';
