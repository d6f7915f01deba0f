export * from './own-person.js';
export * from './my-earnings.js';
export * from './estimate-deal.js';
