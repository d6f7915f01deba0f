import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../decimal.js';
import { DomainError } from '../errors.js';
import { cascadeOf, checkQuotaPlan, compareQuotaPlans, editQuotaLines, inHierarchyOrder, lineDepths, quotaPieces, rampRemaining, readQuotaPlan, writeQuotaPlan, type QuotaPlanDocument, type QuotaPlanLine } from './quota-plan.js';

const line = (key: string, over: Partial<QuotaPlanLine> = {}): QuotaPlanLine => ({
  key, kind: 'seller', personId: key, name: key, role: 'ae', parentKey: 'm', startDate: null, annualMinor: 100n, reason: null, historyMinor: 0n, potentialMinor: 0n,
  earlier: [], ...over,
});
const doc = (lines: QuotaPlanLine[], over: Partial<QuotaPlanDocument> = {}): QuotaPlanDocument => ({
  currency: 'USD', targetMinor: 300n, settings: { historyWeight: '0.5', weightsByRole: {}, roles: ['ae'], minGrowth: null, maxGrowth: null },
  phasing: null, ramps: {}, paddingBound: parseDecimal('0.05'), expectedAttainment: parseDecimal('0.6'), lines, ...over,
});
const team = [line('m', { kind: 'manager', role: 'manager', parentKey: null, annualMinor: 200n }), line('b'), line('a')];

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
    return [];
  } catch (e) {
    return e instanceof DomainError ? e.issues.map((i) => i.field) : ['?'];
  }
};

describe('quota plans', () => {
  it('sums each manager\'s children against her quota, bounded by the padding share, exactly', () => {
    expect(cascadeOf(doc(team))).toEqual([
      { key: null, quotaMinor: 300n, childrenMinor: 200n, children: 1, padding: -1 / 3, overBound: false, short: true },
      { key: 'm', quotaMinor: 200n, childrenMinor: 200n, children: 2, padding: 0, overBound: false, short: false },
    ]);
    // 210 over 200 is exactly 5%: at the bound, not over it; 211 is over.
    expect(cascadeOf(editQuotaLines(doc(team), [{ key: 'a', annualMinor: 110n, reason: 'r' }]))[1]?.overBound).toBe(false);
    expect(cascadeOf(editQuotaLines(doc(team), [{ key: 'a', annualMinor: 111n, reason: 'r' }]))[1]?.overBound).toBe(true);
  });

  it('names every structural problem by its path', () => {
    const bad = doc([
      ...team, line('a'), line('x', { parentKey: 'nobody' }), line('y', { parentKey: 'a' }), line('p', { kind: 'placeholder', personId: null }), line('n', { annualMinor: -1n }),
    ], { ramps: { ae: ['0', '1.5'] }, phasing: { by: 'quarter', weights: ['0.5', '0.5'].map(parseDecimal) } });
    expect(fieldsOf(() => checkQuotaPlan(bad))).toEqual(['phasing.weights', 'ramps.ae[1]', 'lines[3].key', 'lines[6].startDate', 'lines[7].annualMinor', 'lines[4].parentKey', 'lines[5].parentKey']);
    const loop = [line('m1', { kind: 'manager', parentKey: 'm2' }), line('m2', { kind: 'manager', parentKey: 'm1' })];
    expect(fieldsOf(() => checkQuotaPlan(doc(loop)))).toEqual(['lines[0].parentKey', 'lines[1].parentKey']);
    expect(fieldsOf(() => editQuotaLines(doc(team), [{ key: 'a', annualMinor: 1n, reason: ' ' }]))).toEqual(['edits[0].reason']);
  });

  it('leaves the rest of a ramp to someone who started before the day, counted in months from her start', () => {
    expect(rampRemaining(['0', '0.25', '0.5', '0.75'], '2026-12-15', '2027-02-01')).toEqual(['0.5', '0.75']);
    expect(rampRemaining(['0', '0.5'], '2026-01-10', '2027-02-01')).toBeNull();
    expect(rampRemaining(['0', '0.5'], null, '2027-02-01')).toBeNull();
    expect(rampRemaining(['0.5', '1.0'], '2027-03-01', '2027-03-01')).toEqual(['0.5', '1.0']);
  });

  it('keeps each quota held before a change inside the year, and cuts the year into its pieces', () => {
    const once = editQuotaLines(doc(team), [{ key: 'a', annualMinor: 150n, reason: 'more' }], '2027-07-01');
    const twice = editQuotaLines(once, [{ key: 'a', annualMinor: 0n, reason: 'moved' }], '2027-10-01');
    expect(twice.lines.find((l) => l.key === 'a')?.earlier).toEqual([{ annualMinor: 100n, until: '2027-07-01' }, { annualMinor: 150n, until: '2027-10-01' }]);
    expect(quotaPieces(twice.lines.find((l) => l.key === 'a') as QuotaPlanLine, '2027-01-01', '2027-12-31')).toEqual([
      { from: '2027-01-01', to: '2027-06-30', annualMinor: 100n }, { from: '2027-07-01', to: '2027-09-30', annualMinor: 150n }, { from: '2027-10-01', to: '2027-12-31', annualMinor: 0n },
    ]);
    // From August only: the first piece is gone; a change before July replaces the later ones.
    expect(quotaPieces(twice.lines.find((l) => l.key === 'a') as QuotaPlanLine, '2027-08-01', '2027-12-31').map((p) => p.from)).toEqual(['2027-08-01', '2027-10-01']);
    expect(editQuotaLines(twice, [{ key: 'a', annualMinor: 90n, reason: 'again' }], '2027-05-01').lines.find((l) => l.key === 'a')?.earlier).toEqual([{ annualMinor: 100n, until: '2027-05-01' }]);
  });

  it('knows how deep each line sits, and survives a loop of parents', () => {
    expect([...lineDepths([line('vp', { parentKey: null }), line('m', { parentKey: 'vp' }), line('r', { parentKey: 'm' })])]).toEqual([['vp', 0], ['m', 1], ['r', 2]]);
    expect(lineDepths([line('a', { parentKey: 'b' }), line('b', { parentKey: 'a' })]).get('a')).toBe(2);
  });

  it('orders lines as the hierarchy reads, and compares versions', () => {
    expect(inHierarchyOrder([line('b'), line('x', { parentKey: null }), ...team]).map((l) => l.key)).toEqual(['m', 'a', 'b', 'x']);
    const after = editQuotaLines(doc(team.filter((l) => l.key !== 'b')), [{ key: 'a', annualMinor: 150n, reason: 'more' }]);
    expect(compareQuotaPlans(doc(team), { ...after, paddingBound: parseDecimal('0.1') })).toEqual({
      target: { beforeMinor: 300n, afterMinor: 300n },
      lines: [{ key: 'a', name: 'a', kind: 'seller', beforeMinor: 100n, afterMinor: 150n, reason: 'more' }, { key: 'b', name: 'b', kind: 'seller', beforeMinor: 100n, afterMinor: null, reason: null }],
      settings: ['padding bound: 0.05 -> 0.1'],
    });
  });

  it('reads back exactly what it wrote', () => {
    const d = doc(team, { phasing: { by: 'quarter', weights: ['0.2', '0.2', '0.2', '0.4'].map(parseDecimal) }, ramps: { ae: ['0', '0.5'] } });
    expect(readQuotaPlan(writeQuotaPlan(d))).toEqual(d);
    expect(writeQuotaPlan(readQuotaPlan(writeQuotaPlan(d)))).toBe(writeQuotaPlan(d));
  });
});
