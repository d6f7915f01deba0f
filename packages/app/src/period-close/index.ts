export * from './approve-statement.js';
export * from './export-payroll.js';
export * from './period-close.js';
export * from './statement-standing.js';
