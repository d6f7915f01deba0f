export * from './types.js';
export { creditTransactions } from './credit-transactions.js';
export { directCreditId, rollupCreditId } from './credit-ids.js';
