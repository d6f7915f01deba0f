export { allocateQuotas } from './allocate-quotas.js';
