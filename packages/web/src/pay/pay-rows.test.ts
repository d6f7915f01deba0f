import { describe, expect, it } from 'vitest';
import type { CalcRunItem, StatementSummaryItem } from '@attain/contract';
import { sortRuns, statementCsvHref, statementHref, visibleStatements } from './pay-rows.js';
import { matchesText, nextSort } from './table-sort.js';

const s = (personId: string, personName: string, earnedMinor: string, payoutMinor: string): StatementSummaryItem => ({
  personId, personName, periodKey: 'FY2027-Q1', currency: 'USD', runId: 'run_1', earnedMinor, payoutMinor, hash: 'sha256:x', approval: 'pending-manager',
});
const items = [s('p1', 'Zoë Adams', '100', '100'), s('p2', 'ann lee', '9007199254740993', '900'), s('p3', 'Bob Ray', '20', '-50')];

describe('visibleStatements', () => {
  it('sorts by name ignoring case, and money as bigint', () => {
    expect(visibleStatements(items, { key: 'name', descending: false }, '').map((x) => x.personId)).toEqual(['p2', 'p3', 'p1']);
    expect(visibleStatements(items, { key: 'earned', descending: true }, '').map((x) => x.personId)).toEqual(['p2', 'p1', 'p3']);
    expect(visibleStatements(items, { key: 'payout', descending: false }, '').map((x) => x.personId)).toEqual(['p3', 'p1', 'p2']);
  });

  it('filters by name, ignoring case and accents', () => {
    expect(visibleStatements(items, { key: 'name', descending: false }, 'ZOE').map((x) => x.personId)).toEqual(['p1']);
    expect(visibleStatements(items, { key: 'name', descending: false }, '  ').map((x) => x.personId)).toHaveLength(3);
    expect(visibleStatements(items, { key: 'name', descending: false }, 'nobody')).toEqual([]);
  });
});

describe('sortRuns', () => {
  const run = (id: string, startedAt: string, status: CalcRunItem['status'], payoutMinor: string | null): CalcRunItem => ({
    id, periodKey: 'FY2027-Q1', kind: 'full', status, trigger: 'manual', preparedBy: null, worker: 'w', startedAt, heartbeatAt: startedAt, finishedAt: null,
    progressDone: 0, progressTotal: 0, seqThrough: '1', inputsHash: null, outputsHash: null, payeeCount: null, payoutMinor, currency: 'USD', publication: null, error: null,
  });
  const runs = [run('a', '2026-11-01T10:00:00Z', 'published', '500'), run('b', '2026-11-02T10:00:00Z', 'failed', null), run('c', '2026-11-03T10:00:00Z', 'published', '1000')];
  it('sorts by start, payout (no payout first) or status; ties latest first', () => {
    expect(sortRuns(runs, { key: 'startedAt', descending: true }).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(sortRuns(runs, { key: 'payout', descending: false }).map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(sortRuns(runs, { key: 'status', descending: false }).map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('table helpers', () => {
  it('flips the direction of the same column and starts another ascending', () => {
    expect(nextSort({ key: 'name', descending: false }, 'name')).toEqual({ key: 'name', descending: true });
    expect(nextSort<'name' | 'payout'>({ key: 'name', descending: true }, 'payout')).toEqual({ key: 'payout', descending: false });
  });
  it('matches text loosely', () => {
    expect(matchesText('Renée Roux', 'renee')).toBe(true);
    expect(matchesText('Renée Roux', 'rex')).toBe(false);
  });
  it('builds the addresses of a statement and its CSV', () => {
    expect(statementHref('per_1', 'FY2027-Q1')).toBe('/statements/per_1/FY2027-Q1');
    expect(statementCsvHref('per_1', 'FY2027-Q1')).toBe('/api/v1/statements/per_1/FY2027-Q1/csv');
  });
});
