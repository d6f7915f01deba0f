import { describe, expect, it } from 'vitest';
import { issueOf } from '../../test-support/domain-error.js';
import { applyContractEvents, impairOnChurn, modifyContractTerm, type CapitalizationEvent } from './modifications.js';
import type { CapitalizationPolicy } from './policy.js';
import { capitalizeCost, type CommissionCost, type CostSchedule } from './schedule.js';

const accounts = { deferredCommissionAsset: '1400', commissionExpense: '6100', commissionsPayable: '2100', impairmentExpense: '6190' };
const policy: CapitalizationPolicy = { incrementalComponentIds: ['new-logo'], benefitPeriod: { basis: 'contract-term' }, practicalExpedient: true, accounts };

const cost: CommissionCost = {
  id: 'k1',
  contractId: 'c1',
  payeeId: 'ana',
  componentId: 'new-logo',
  amountMinor: 2_400_00n,
  currency: 'USD',
  recognizedOn: '2026-01-20',
  contractStart: '2026-01-01',
  contractEnd: '2027-12-31',
};

function scheduleOf(c: CommissionCost, p: CapitalizationPolicy = policy): CostSchedule {
  const outcome = capitalizeCost({ policy: p, cost: c });
  if (outcome.treatment !== 'capitalized') throw new Error('expected capitalized');
  return outcome.schedule;
}
const total = (s: CostSchedule): bigint => s.lines.reduce((t, l) => t + l.amountMinor, 0n);
const original = scheduleOf(cost); // 100.00 a month, 2026-01..2027-12

describe('contract modification: prospective true-up', () => {
  it('re-spreads the remaining balance over the remaining new term, keeping earlier months', () => {
    const s = modifyContractTerm(policy, original, { on: '2026-07-15', newContractEnd: '2028-12-31' });
    expect(s.lines.slice(0, 6)).toEqual(original.lines.slice(0, 6));
    expect(s.lines.slice(6).map((l) => l.amountMinor)).toEqual(Array<bigint>(30).fill(60_00n));
    expect([s.lines[6]?.month, s.lines.at(-1)?.month, s.lines.at(-1)?.remainingMinor]).toEqual(['2026-07', '2028-12', 0n]);
    expect(total(s)).toBe(2_400_00n);
    expect(s).toMatchObject({ benefitMonths: 36, cost: { contractEnd: '2028-12-31' } });
    expect(s.revisions).toEqual([
      {
        kind: 'modification',
        on: '2026-07-15',
        month: '2026-07',
        balanceMinor: 1_800_00n,
        effect: 're-spread',
        explanation: 'Contract c1 modified on 2026-07-15 to end 2028-12-31: the 1800.00 USD still capitalized for cost k1 is re-spread over the 30 months 2026-07 to 2028-12 (prospective true-up).',
      },
    ]);
  });

  it('amortizes the whole balance in the event month when the new term has already ended', () => {
    const s = modifyContractTerm(policy, original, { on: '2026-07-01', newContractEnd: '2026-05-31' });
    expect(s.lines.slice(6)).toEqual([{ month: '2026-07', kind: 'amortization', amountMinor: 1_800_00n, remainingMinor: 0n }]);
    expect(s.revisions[0]?.explanation).toContain('the new term had already ended');
  });

  it('changes nothing under a customer-life basis, or once fully amortized', () => {
    const life: CapitalizationPolicy = { ...policy, benefitPeriod: { basis: 'customer-life', months: 48 } };
    const s = modifyContractTerm(life, scheduleOf(cost, life), { on: '2026-07-15', newContractEnd: '2028-12-31' });
    expect(s.lines).toEqual(scheduleOf(cost, life).lines);
    expect(s.revisions[0]).toMatchObject({ effect: 'none' });
    expect(modifyContractTerm(policy, original, { on: '2028-03-01', newContractEnd: '2029-12-31' }).revisions[0]).toMatchObject({ effect: 'none', balanceMinor: 0n });
  });

  it('refuses a bad new end naming the field', () => {
    expect(issueOf(() => modifyContractTerm(policy, original, { on: '2026-07-15', newContractEnd: '2025-12-31' })).field).toBe('newContractEnd');
    expect(issueOf(() => modifyContractTerm(policy, original, { on: '2026-07-15', newContractEnd: 'soon' })).field).toBe('newContractEnd');
    expect(issueOf(() => modifyContractTerm(policy, original, { on: '15/07/2026', newContractEnd: '2028-12-31' })).field).toBe('on');
  });
});

describe('churn: impairment', () => {
  it('impairs the remaining balance in the month of the event', () => {
    const s = impairOnChurn(original, { on: '2026-10-20' });
    expect(s.lines).toHaveLength(10);
    expect(s.lines.slice(0, 9)).toEqual(original.lines.slice(0, 9));
    expect(s.lines[9]).toEqual({ month: '2026-10', kind: 'impairment', amountMinor: 1_500_00n, remainingMinor: 0n });
    expect(s.revisions[0]).toMatchObject({ kind: 'churn', effect: 'impaired', balanceMinor: 1_500_00n });
    expect(s.revisions[0]?.explanation).toBe('Churn on 2026-10-20: the 1500.00 USD still capitalized for cost k1 of contract c1 is impaired in 2026-10.');
  });

  it('ignores a later event once impaired, and a churn after full amortization', () => {
    const churned = impairOnChurn(original, { on: '2026-10-20' });
    expect(modifyContractTerm(policy, churned, { on: '2026-11-01', newContractEnd: '2030-12-31' }).lines).toEqual(churned.lines);
    expect(impairOnChurn(churned, { on: '2026-12-01' }).lines).toEqual(churned.lines);
    expect(impairOnChurn(original, { on: '2028-01-01' }).revisions[0]).toMatchObject({ effect: 'none' });
  });

  it('impairs a clawback that arrives after the churn whole in its own month, netting the asset to zero', () => {
    const clawback = scheduleOf({ ...cost, id: 'k2', amountMinor: -1_500_00n, recognizedOn: '2026-11-03' });
    const [k1, k2] = applyContractEvents(policy, [clawback, original], [{ kind: 'churn', contractId: 'c1', on: '2026-10-20' }]);
    expect(k1?.lines.at(-1)).toMatchObject({ month: '2026-10', kind: 'impairment', amountMinor: 1_500_00n });
    expect(k2?.lines).toEqual([{ month: '2026-11', kind: 'impairment', amountMinor: -1_500_00n, remainingMinor: 0n }]);
  });
});

describe('applyContractEvents', () => {
  const events: CapitalizationEvent[] = [
    { kind: 'churn', contractId: 'c1', on: '2027-03-02' },
    { kind: 'modification', contractId: 'c1', on: '2026-07-15', newContractEnd: '2028-12-31' },
    { kind: 'churn', contractId: 'c2', on: '2026-02-01' },
  ];

  it('applies the events of each contract in date order, whatever the input order', () => {
    const other = scheduleOf({ ...cost, id: 'k0', contractId: 'c3' });
    const result = applyContractEvents(policy, [original, other], events);
    expect(result.map((s) => s.cost.id)).toEqual(['k0', 'k1']);
    expect(result[0]).toEqual(other);
    const k1 = result[1];
    expect(k1?.revisions.map((r) => r.effect)).toEqual(['re-spread', 'impaired']);
    expect(k1?.lines.at(-1)).toEqual({ month: '2027-03', kind: 'impairment', amountMinor: 1_800_00n - 8n * 60_00n, remainingMinor: 0n });
    expect(applyContractEvents(policy, [other, original], [...events].reverse())).toEqual(result);
  });

  it('refuses a malformed event naming it', () => {
    expect(issueOf(() => applyContractEvents(policy, [original], [{ kind: 'churn', contractId: 'c1', on: '2026-02-30' }])).field).toBe('events[0].on');
    expect(issueOf(() => applyContractEvents(policy, [original], [events[0]!, { kind: 'renewal', contractId: 'c1', on: '2026-02-01' } as unknown as CapitalizationEvent])).field).toBe('events[1].kind');
    expect(issueOf(() => applyContractEvents(policy, [original], [{ kind: 'modification', contractId: '', on: '2026-02-01', newContractEnd: '2027-01-01' }])).field).toBe('events[0].contractId');
  });
});
