export { allocateQuotas } from './allocate-quotas.js';
export { approveQuotaPlan, carryTerritoryQuota, compareQuotaPlanVersions, createQuotaPlan, getQuotaPlan, listQuotaPlans, rejectQuotaPlan, saveQuotaPlan, submitQuotaPlan } from './quota-plans.js';
export { getTeamQuotaPlan, listTeamQuotaPlans, proposeQuotas, signOffQuotaPlan } from './team-quotas.js';
