import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesFilter, readAccountFilter, type AccountFilter } from './account-filter.js';
import { analyzeCoverage, type CoverageAccount } from './coverage-analysis.js';
import { formatHours, readCoverageModel, segmentOf, writeCoverageModel } from './coverage-model.js';
import type { FieldIssue } from '../errors.js';

const account = (id: string, over: Partial<CoverageAccount> = {}): CoverageAccount => ({
  id, industry: null, region: null, country: null, city: null, postalCode: null, county: null, employees: null, annualRevenueMinor: null, potentialMinor: null, ...over,
});

const read = (raw: unknown): { filter: AccountFilter | undefined; issues: FieldIssue[] } => {
  const issues: FieldIssue[] = [];
  return { filter: readAccountFilter(raw, 'rule', issues), issues };
};

const MODEL = {
  segments: [
    { key: 'enterprise', name: 'Enterprise', rule: { field: 'employees', op: 'gte', value: '1000' }, coverage: [{ role: 'ae', hoursPerAccount: '40' }, { role: 'am', hoursPerAccount: '20' }] },
    { key: 'mid-market', name: 'Mid-market', rule: { field: 'employees', op: 'gte', value: '100' }, coverage: [{ role: 'ae', hoursPerAccount: '10' }] },
    { key: 'smb', name: 'SMB', rule: null, coverage: [{ role: 'ae', hoursPerAccount: '2' }] },
  ],
  roles: [{ key: 'ae', name: 'Account executive', hoursPerRep: '50', headcount: 1 }, { key: 'am', name: 'Account manager', hoursPerRep: '1000' }],
};

const ACCOUNTS = [
  account('e1', { employees: 5000n, potentialMinor: 1_000_000n }), account('e2', { employees: 2000n, potentialMinor: 500_000n }),
  account('m1', { employees: 500n, potentialMinor: 100_000n }), account('m2', { employees: 150n }),
  account('s1', { employees: 10n, potentialMinor: 5_000n }), account('s2', { potentialMinor: 1_000n }),
];

describe('account filters', () => {
  it('compare text without case or surrounding space, numbers exactly, and an empty field only as empty', () => {
    const a = account('a', { industry: ' Retail ', employees: 100n });
    const f = (raw: unknown) => matchesFilter(read(raw).filter as AccountFilter, a);
    expect([f({ field: 'industry', op: 'is', value: 'retail' }), f({ field: 'industry', op: 'in', values: ['Banking', 'RETAIL'] })]).toEqual([true, true]);
    expect([f({ field: 'employees', op: 'gte', value: '100' }), f({ field: 'employees', op: 'gt', value: '100' }), f({ field: 'employees', op: 'lt', value: '101' })]).toEqual([true, false, true]);
    // No region: not "is", but "isNot", "notIn" and "isEmpty"; no revenue: no comparison passes.
    expect([f({ field: 'region', op: 'is', value: 'CA' }), f({ field: 'region', op: 'isNot', value: 'CA' }), f({ field: 'region', op: 'notIn', values: ['CA'] }), f({ field: 'region', op: 'isEmpty' })]).toEqual([false, true, true, true]);
    expect([f({ field: 'annualRevenueMinor', op: 'lt', value: '1' }), f({ field: 'annualRevenueMinor', op: 'gte', value: '0' })]).toEqual([false, false]);
    expect(f({ all: [{ field: 'industry', op: 'isSet' }, { not: { field: 'employees', op: 'lt', value: '50' } }] })).toBe(true);
    expect(f({ any: [{ field: 'industry', op: 'is', value: 'Banking' }, { field: 'country', op: 'isSet' }] })).toBe(false);
  });

  it('name every bad part by its path', () => {
    expect(read({ all: [{ field: 'employees', op: 'is', value: '5' }, { field: 'colour', op: 'is', value: 'red' }, { field: 'potentialMinor', op: 'gte', value: '1.5' }] }).issues).toEqual([
      { field: 'rule.all[0].op', message: 'for a number field must be gte, gt, lte, lt, isEmpty or isSet' },
      { field: 'rule.all[1].field', message: expect.stringContaining('must be one of industry') },
      { field: 'rule.all[2].value', message: 'must be a whole number as a string (money in minor units)' },
    ]);
    expect(read({ any: [] }).issues).toEqual([{ field: 'rule.any', message: 'must be a non-empty list of filters' }]);
  });
});

describe('coverage model', () => {
  it('reads and writes back the same, with exact hours', () => {
    const model = readCoverageModel(MODEL);
    expect(writeCoverageModel(model)).toEqual({ ...MODEL, roles: MODEL.roles.map((r) => ({ headcount: null, ...r })) });
    expect(formatHours(1250n)).toBe('12.5');
  });

  it('refuses a model with every problem named: a rule on the last segment, an unknown role, bad hours', () => {
    const bad = {
      segments: [{ key: 'a', name: 'A', rule: null, coverage: [] }, { key: 'b', name: 'B', rule: { field: 'industry', op: 'isSet' }, coverage: [{ role: 'sdr', hoursPerAccount: '1.234' }] }],
      roles: [{ key: 'ae', name: 'AE', hoursPerRep: '0' }],
    };
    expect(() => readCoverageModel(bad)).toThrow(expect.objectContaining({
      code: 'validation_failed',
      issues: [
        { field: 'roles[0].hoursPerRep', message: 'must be more than 0' },
        { field: 'segments[0].rule', message: 'is required (only the last segment has none)' },
        { field: 'segments[1].rule', message: 'the last segment takes every account left: its rule must be null' },
        { field: 'segments[1].coverage[0].role', message: 'must be the key of one of the roles' },
        { field: 'segments[1].coverage[0].hoursPerAccount', message: expect.stringContaining('at most two decimals') },
      ],
    }));
  });
});

describe('coverage analysis', () => {
  const model = readCoverageModel(MODEL);

  it('places every account in the first segment that takes it, the last taking the rest', () => {
    expect(ACCOUNTS.map((a) => segmentOf(model, a))).toEqual(['enterprise', 'enterprise', 'mid-market', 'mid-market', 'smb', 'smb']);
  });

  it('sums accounts, potential and workload per segment, and the reps each role needs and covers', () => {
    const r = analyzeCoverage(model, ACCOUNTS);
    expect(r.segments.map((s) => [s.key, s.accounts, s.potentialMinor])).toEqual([['enterprise', 2, 1_500_000n], ['mid-market', 2, 100_000n], ['smb', 2, 6_000n]]);
    expect(r.segments[0]?.workload).toEqual([{ role: 'ae', hundredths: 8000n }, { role: 'am', hundredths: 4000n }]);
    // AE: 2 x 40 + 2 x 10 + 2 x 2 = 104 hours; 50 a rep -> 3 reps. One rep's 50 hours, best potential per hour first:
    // e1 (25,000/h, 40 h) fits, e2 (12,500/h, 40 h) does not, m1 (10,000/h, 10 h) does: 50 hours used, the rest uncovered.
    expect(r.roles[0]).toEqual({
      key: 'ae', name: 'Account executive', workloadHundredths: 10400n, hundredthsPerRep: 5000n, repsNeeded: 3n, headcount: 1,
      covered: { accounts: 2, potentialMinor: 1_100_000n, hundredths: 5000n },
      uncovered: { accounts: 4, potentialMinor: 506_000n, largest: [{ id: 'e2', potentialMinor: 500_000n }, { id: 's1', potentialMinor: 5_000n }, { id: 's2', potentialMinor: 1_000n }, { id: 'm2', potentialMinor: 0n }] },
    });
    expect(r.roles[1]).toMatchObject({ key: 'am', workloadHundredths: 4000n, repsNeeded: 1n, covered: null, uncovered: null });
    expect([r.accounts, r.potentialMinor]).toEqual([6, 1_606_000n]);
  });

  it('gives the same result for the accounts in any order', () => {
    fc.assert(fc.property(fc.shuffledSubarray(ACCOUNTS, { minLength: ACCOUNTS.length }), fc.integer({ min: 0, max: 4 }), (shuffled, headcount) => {
      const m = readCoverageModel({ ...MODEL, roles: [{ ...MODEL.roles[0], headcount }, MODEL.roles[1]] });
      expect(analyzeCoverage(m, shuffled)).toEqual(analyzeCoverage(m, ACCOUNTS));
    }));
  });
});
