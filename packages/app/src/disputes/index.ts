export * from './dispute-actions.js';
export * from './dispute-queries.js';
export * from './dispute.presenter.js';
