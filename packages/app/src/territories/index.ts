export * from './optimize-counties.js';
export { contiguousUsCounties, countyAt, type CountyGraph, type CountyUnit } from './us-counties.js';
export { archiveTerritoryModel, createTerritoryModel, getTerritoryModel, listTerritoryModels, saveTerritoryModel } from './territory-models.js';
export { optimizeTerritoryModel } from './optimize-territory-model.js';
export { territoryMap } from './territory-map.js';
export { diffTerritoryModel, quotaImpact } from './territory-diff.js';
export { activateTerritoryModel, applyAllDueTerritoryOwners, applyDueTerritoryOwners } from './activate-territory-model.js';
export { accountTerritoryHistory } from './account-territories.js';
export { territoriesSupported } from './territories-supported.js';
