export * from './types.js';
export { creditTransactions, transactionCreditor, type TransactionCreditor } from './credit-transactions.js';
export { directCreditId, rollupCreditId } from './credit-ids.js';
