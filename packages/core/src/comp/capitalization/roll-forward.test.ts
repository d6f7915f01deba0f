import { describe, expect, it } from 'vitest';
import { issueOf } from '../../test-support/domain-error.js';
import type { CapitalizationEvent } from './modifications.js';
import type { CapitalizationPolicy } from './policy.js';
import { rollForwardDeferredCommissions } from './roll-forward.js';
import { capitalizeCost, type CommissionCost } from './schedule.js';

const accounts = { deferredCommissionAsset: '1400', commissionExpense: '6100', commissionsPayable: '2100', impairmentExpense: '6190' };
const policy: CapitalizationPolicy = { incrementalComponentIds: ['new-logo'], benefitPeriod: { basis: 'contract-term' }, practicalExpedient: true, accounts };
const base = { currency: 'USD', componentId: 'new-logo' };
const c1 = { contractId: 'c1', payeeId: 'ana', contractStart: '2026-01-01', contractEnd: '2027-12-31' };
const costs: CommissionCost[] = [
  { ...base, ...c1, id: 'k1', amountMinor: 2_400_00n, recognizedOn: '2026-01-20' }, // 100.00 a month
  { ...base, contractId: 'c2', payeeId: 'ben', contractStart: '2026-03-01', contractEnd: '2028-02-29', id: 'k2', amountMinor: 6_000_00n, recognizedOn: '2026-03-10' }, // 250.00 a month
  { ...base, ...c1, componentId: 'mbo', id: 'k3', amountMinor: 500_00n, recognizedOn: '2026-02-05' }, // expensed
  { ...base, ...c1, id: 'k4', amountMinor: -600_00n, recognizedOn: '2026-04-02' }, // clawback: -28.57 a month for 21 months
];
const outcomes = costs.map((cost) => capitalizeCost({ policy, cost }));
const events: CapitalizationEvent[] = [{ kind: 'churn', contractId: 'c2', on: '2026-05-15' }];

describe('deferred commission roll-forward', () => {
  const rf = rollForwardDeferredCommissions({ policy, outcomes, events, currency: 'USD', from: '2026-03', to: '2026-05' });

  it('rolls the asset month by month: capitalization, clawback, amortization, churn impairment', () => {
    expect(rf.months).toEqual([
      { month: '2026-03', openingMinor: 2_200_00n, capitalizedMinor: 6_000_00n, amortizedMinor: 350_00n, impairedMinor: 0n, closingMinor: 7_850_00n },
      { month: '2026-04', openingMinor: 7_850_00n, capitalizedMinor: -600_00n, amortizedMinor: 321_43n, impairedMinor: 0n, closingMinor: 6_928_57n },
      { month: '2026-05', openingMinor: 6_928_57n, capitalizedMinor: 0n, amortizedMinor: 71_43n, impairedMinor: 5_500_00n, closingMinor: 1_357_14n },
    ]);
    expect(rf.total).toEqual({ openingMinor: 2_200_00n, capitalizedMinor: 5_400_00n, amortizedMinor: 742_86n, impairedMinor: 5_500_00n, closingMinor: 1_357_14n });
    expect([rf.currency, rf.from, rf.to]).toEqual(['USD', '2026-03', '2026-05']);
  });

  it('splits the same roll-forward per contract and per payee', () => {
    expect(rf.byContract.map((t) => [t.contractId, t.total])).toEqual([
      ['c1', { openingMinor: 2_200_00n, capitalizedMinor: -600_00n, amortizedMinor: 242_86n, impairedMinor: 0n, closingMinor: 1_357_14n }],
      ['c2', { openingMinor: 0n, capitalizedMinor: 6_000_00n, amortizedMinor: 500_00n, impairedMinor: 5_500_00n, closingMinor: 0n }],
    ]);
    expect(rf.byPayee.map((t) => [t.payeeId, t.total])).toEqual(rf.byContract.map((t) => [t.contractId === 'c1' ? 'ana' : 'ben', t.total]));
    expect(rf.byContract[1]?.months.map((m) => m.closingMinor)).toEqual([5_750_00n, 5_500_00n, 0n]);
  });

  it('leaves out contracts with no balance and no movement in the range', () => {
    const later = rollForwardDeferredCommissions({ policy, outcomes, events, currency: 'USD', from: '2026-07', to: '2026-07' });
    expect(later.byContract.map((t) => t.contractId)).toEqual(['c1']);
    const before = rollForwardDeferredCommissions({ policy, outcomes, events, currency: 'USD', from: '2025-01', to: '2025-12' });
    expect([before.byContract, before.total.closingMinor]).toEqual([[], 0n]);
  });

  it('refuses a bad range, another currency and a duplicate cost id, naming the field', () => {
    const input = { policy, outcomes, events, currency: 'USD', from: '2026-03', to: '2026-05' };
    expect(issueOf(() => rollForwardDeferredCommissions({ ...input, to: '2026-02' })).field).toBe('to');
    expect(issueOf(() => rollForwardDeferredCommissions({ ...input, from: '2026-3' })).field).toBe('from');
    expect(issueOf(() => rollForwardDeferredCommissions({ ...input, currency: 'EUR' })).field).toBe('outcomes[0].cost.currency');
    expect(issueOf(() => rollForwardDeferredCommissions({ ...input, outcomes: [...outcomes, outcomes[2]!] })).field).toBe('outcomes[4].cost.id');
  });
});
