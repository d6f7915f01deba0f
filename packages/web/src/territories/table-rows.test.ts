import { describe, expect, it } from 'vitest';
import type { TerritoryModelSummary } from '@attain/contract';
import { moveCounty } from './draft-moves.js';
import { draftPlacement } from './draft-figures.js';
import { filterTerritories, sortModels, sortReps, sortTerritories, territoryRows, type Rep } from './table-rows.js';
import { DEFINITION, MAP, accountCounty } from './test-fixtures.js';

const model = (id: string, name: string, status: TerritoryModelSummary['status'], territories: number, effectiveFrom: string | null): TerritoryModelSummary => ({
  id, name, status, version: 1, effectiveFrom, activatedAt: null, activatedBy: null, archivedAt: null, createdBy: 'usr_1',
  createdAt: '2026-01-01T00:00:00Z', updatedAt: `2026-0${territories}-01T00:00:00Z`, territories,
});

describe('table rows', () => {
  it('sorts models by status in the order work happens, by counts as numbers, with no date first', () => {
    const models = [model('a', 'Zeta', 'archived', 2, '2025-01-01'), model('b', 'Alpha', 'planning', 10, null), model('c', 'Mid', 'active', 8, '2026-02-01')];
    expect(sortModels(models, { key: 'status', descending: false }).map((m) => m.id)).toEqual(['b', 'c', 'a']);
    expect(sortModels(models, { key: 'territories', descending: true }).map((m) => m.id)).toEqual(['b', 'c', 'a']);
    expect(sortModels(models, { key: 'effectiveFrom', descending: false }).map((m) => m.id)).toEqual(['b', 'a', 'c']);
  });

  it('gives each territory its parent\'s name, its owner or a vacant seat, and the draft\'s loads', () => {
    const draft = moveCounty(DEFINITION, '06059', 'east');
    const rows = territoryRows(draft, MAP, draftPlacement({ map: MAP, saved: DEFINITION, draft, accountCounty }).loads);
    expect(rows.map((r) => [r.key, r.owner, r.vacant, r.accounts, r.potentialMinor])).toEqual([['west', 'Wendy West', false, 2, 500n], ['east', null, true, 4, 1000n]]);
    expect(sortTerritories(rows, { key: 'potential', descending: true }).map((r) => r.key)).toEqual(['east', 'west']);
    expect(filterTerritories(rows, 'wendy').map((r) => r.key)).toEqual(['west']);
    expect(filterTerritories(rows, '  ').length).toBe(2);
  });

  it('sorts reps by money past 2^53 exactly, and a missing quota first', () => {
    const v = (potentialMinor: string) => ({ accounts: 1, potentialMinor, pipelineMinor: '0', bookMinor: '0' });
    const rep = (name: string, potential: string, quotaMinor: string | null): Rep => ({ personId: name, name, before: v('0'), after: v(potential), gained: 0, lost: 0, quotaMinor, quotaImpactMinor: null });
    const reps = [rep('A', '9007199254740993', '5'), rep('B', '9007199254740992', null), rep('C', '1', '7')];
    expect(sortReps(reps, { key: 'potential', descending: false }).map((r) => r.name)).toEqual(['C', 'B', 'A']);
    expect(sortReps(reps, { key: 'quota', descending: false }).map((r) => r.name)).toEqual(['B', 'A', 'C']);
  });
});
