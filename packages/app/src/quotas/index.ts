export { allocateQuotas } from './allocate-quotas.js';
export { carryTerritoryQuota, saveQuotaPlan } from './quota-plan-changes.js';
export { approveQuotaPlan, compareQuotaPlanVersions, createQuotaPlan, getQuotaPlan, listQuotaPlans, rejectQuotaPlan, submitQuotaPlan } from './quota-plans.js';
export { getTeamQuotaPlan, listTeamQuotaPlans, proposeQuotas, signOffQuotaPlan } from './team-quotas.js';
export { quotaByTerritory } from './quota-territories.js';
