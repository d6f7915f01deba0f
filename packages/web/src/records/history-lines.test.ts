import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../api/types.js';
import { historyLines } from './history-lines.js';

const base: HistoryEntry = {
  seq: 1, changedAt: '2027-01-05T10:00:00.000Z', actorUserId: 'usr_1', changedFields: [], stageId: 'stg_a', amountMinor: '100000',
  currency: 'USD', closeDate: '2027-03-31', forecastCategory: 'pipeline', ownerId: 'per_1', territoryId: null,
};
const names = (id: string | null) => ({ stg_a: 'Discovery', stg_b: 'Proposal', per_1: 'Ray', per_2: 'Rita' })[id ?? ''] ?? 'nobody';

describe('opportunity history lines', () => {
  it('describes the first entry as the creation', () => {
    expect(historyLines(base, undefined, names)[0]).toMatch(/^Created in Discovery at \$1,000\.00/);
  });

  it('describes each changed field from the previous entry', () => {
    const next: HistoryEntry = { ...base, seq: 2, changedFields: ['stageId', 'amountMinor', 'ownerId'], stageId: 'stg_b', amountMinor: '150000', ownerId: 'per_2' };
    expect(historyLines(next, base, names)).toEqual(['Stage: Discovery → Proposal', 'Amount: $1,000.00 → $1,500.00', 'Owner: Ray → Rita']);
  });
});
