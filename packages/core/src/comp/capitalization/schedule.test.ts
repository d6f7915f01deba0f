import { describe, expect, it } from 'vitest';
import { issueOf } from '../../test-support/domain-error.js';
import type { CapitalizationPolicy } from './policy.js';
import { capitalizeCost, type CapitalizationExplanation, type CapitalizationOutcome, type CommissionCost, type CostSchedule } from './schedule.js';

const accounts = { deferredCommissionAsset: '1400', commissionExpense: '6100', commissionsPayable: '2100', impairmentExpense: '6190' };
const contractTerm: CapitalizationPolicy = { incrementalComponentIds: ['new-logo'], benefitPeriod: { basis: 'contract-term' }, practicalExpedient: true, accounts };
const customerLife: CapitalizationPolicy = { ...contractTerm, benefitPeriod: { basis: 'customer-life', months: 60 } };

const cost = (over: Partial<CommissionCost> = {}): CommissionCost => ({
  id: 'k1',
  contractId: 'c1',
  payeeId: 'ana',
  componentId: 'new-logo',
  amountMinor: 6_000_00n,
  currency: 'USD',
  recognizedOn: '2026-03-10',
  contractStart: '2026-03-01',
  contractEnd: '2028-02-29',
  ...over,
});

function scheduleOf(outcome: CapitalizationOutcome): CostSchedule {
  if (outcome.treatment !== 'capitalized') throw new Error(`expected capitalized, got ${outcome.reason}`);
  return outcome.schedule;
}
function explanationOf(outcome: CapitalizationOutcome): CapitalizationExplanation {
  if (outcome.treatment !== 'capitalized') throw new Error(`expected capitalized, got ${outcome.reason}`);
  return outcome.explanation;
}
const amounts = (s: CostSchedule): bigint[] => s.lines.map((l) => l.amountMinor);

describe('capitalizeCost: golden example 7', () => {
  it('3,000 over a 60-month customer life amortizes 50 a month from the month of recognition (velocityhq.com)', () => {
    const outcome = capitalizeCost({ policy: customerLife, cost: cost({ amountMinor: 3_000_00n, recognizedOn: '2026-01-15', contractStart: '2026-01-01', contractEnd: '2026-12-31' }) });
    const s = scheduleOf(outcome);
    expect(s).toMatchObject({ capitalizedMonth: '2026-01', capitalizedMinor: 3_000_00n, benefitMonths: 60 });
    expect(amounts(s)).toEqual(Array<bigint>(60).fill(50_00n));
    expect([s.lines[0]?.month, s.lines[59]?.month, s.lines[59]?.remainingMinor]).toEqual(['2026-01', '2030-12', 0n]);
    expect(outcome.explanation).toMatchObject({ basis: 'customer-life', months: 60, firstMonth: '2026-01', lastMonth: '2030-12', baseMonthlyMinor: 50_00n, remainderMinor: 0n });
    expect(explanationOf(outcome).text).toContain('3000.00 USD');
    expect(explanationOf(outcome).text).toContain('50.00 USD a month');
  });

  it('6,000 over a 24-month contract amortizes 250 a month', () => {
    const s = scheduleOf(capitalizeCost({ policy: contractTerm, cost: cost() }));
    expect(amounts(s)).toEqual(Array<bigint>(24).fill(250_00n));
    expect([s.lines[0]?.month, s.lines[23]?.month]).toEqual(['2026-03', '2028-02']);
  });
});

describe('capitalizeCost: treatment', () => {
  it('expenses a component that is not an incremental cost', () => {
    const outcome = capitalizeCost({ policy: contractTerm, cost: cost({ componentId: 'mbo' }) });
    expect(outcome).toMatchObject({ treatment: 'expensed', reason: 'not-incremental', month: '2026-03' });
    if (outcome.treatment === 'expensed') expect(outcome.explanation).toContain('component mbo');
  });

  it('applies the practical expedient to a benefit period of 12 months or less, only when it is on', () => {
    const oneYear = cost({ contractStart: '2026-03-01', contractEnd: '2027-02-28' });
    expect(capitalizeCost({ policy: contractTerm, cost: oneYear })).toMatchObject({ treatment: 'expensed', reason: 'practical-expedient' });
    expect(amounts(scheduleOf(capitalizeCost({ policy: { ...contractTerm, practicalExpedient: false }, cost: oneYear })))).toEqual(Array<bigint>(12).fill(500_00n));
    const thirteen = cost({ contractStart: '2026-03-01', contractEnd: '2027-03-31' });
    expect(scheduleOf(capitalizeCost({ policy: contractTerm, cost: thirteen })).lines).toHaveLength(13);
    // Under customer life, the life decides, not the one-year contract.
    expect(capitalizeCost({ policy: { ...customerLife, benefitPeriod: { basis: 'customer-life', months: 12 } }, cost: cost() })).toMatchObject({ reason: 'practical-expedient' });
  });

  it('puts the minor units that do not divide evenly in the last month', () => {
    const outcome = capitalizeCost({ policy: contractTerm, cost: cost({ amountMinor: 1_000_00n, contractEnd: '2029-02-28' }) });
    const s = scheduleOf(outcome);
    expect(s.lines).toHaveLength(36);
    expect(new Set(amounts(s).slice(0, 35))).toEqual(new Set([2_777n]));
    expect(s.lines[35]).toEqual({ month: '2029-02', kind: 'amortization', amountMinor: 2_805n, remainingMinor: 0n });
    expect(outcome.explanation).toMatchObject({ baseMonthlyMinor: 2_777n, remainderMinor: 28n });
    expect(explanationOf(outcome).text).toContain('0.28 USD that does not divide evenly');
  });
});

describe('capitalizeCost: clawbacks (negative costs)', () => {
  const original = cost({ id: 'k1', amountMinor: 2_400_00n, recognizedOn: '2026-01-05', contractStart: '2026-01-01', contractEnd: '2027-12-31' });

  it('unwinds over what is left of the reduced cost benefit period, so both end together at zero', () => {
    const clawback = { ...original, id: 'k2', amountMinor: -1_200_00n, recognizedOn: '2026-07-05' };
    const outcome = capitalizeCost({ policy: contractTerm, cost: clawback });
    const s = scheduleOf(outcome);
    expect(s).toMatchObject({ capitalizedMonth: '2026-07', capitalizedMinor: -1_200_00n, benefitStartMonth: '2026-01', benefitMonths: 24 });
    expect(s.lines).toHaveLength(18);
    expect(s.lines[0]).toMatchObject({ month: '2026-07', amountMinor: -6_666n });
    expect(s.lines[17]).toEqual({ month: '2027-12', kind: 'amortization', amountMinor: -6_678n, remainingMinor: 0n });
    expect(explanationOf(outcome).text).toContain('the 18 months left of a 24-month benefit period');
    const first = scheduleOf(capitalizeCost({ policy: contractTerm, cost: original }));
    expect(first.lines.at(-1)?.month).toBe(s.lines.at(-1)?.month);
  });

  it('is expensed when the reduced cost is already fully amortized, and refused before it', () => {
    const late = { ...original, id: 'k2', amountMinor: -100_00n, recognizedOn: '2028-01-10' };
    expect(capitalizeCost({ policy: contractTerm, cost: late })).toMatchObject({ treatment: 'expensed', reason: 'benefit-period-ended', month: '2028-01' });
    const anchored = { ...late, recognizedOn: '2028-01-10', originalRecognizedOn: '2026-03-31' };
    expect(scheduleOf(capitalizeCost({ policy: contractTerm, cost: anchored })).lines).toEqual([
      { month: '2028-01', kind: 'amortization', amountMinor: -50_00n, remainingMinor: -50_00n },
      { month: '2028-02', kind: 'amortization', amountMinor: -50_00n, remainingMinor: 0n },
    ]);
    expect(issueOf(() => capitalizeCost({ policy: contractTerm, cost: { ...original, amountMinor: -1n, recognizedOn: '2025-12-31' } })).field).toBe('cost.recognizedOn');
  });

  it('mirrors the treatment of an expensed component', () => {
    expect(capitalizeCost({ policy: contractTerm, cost: { ...original, componentId: 'mbo', amountMinor: -5n } })).toMatchObject({ treatment: 'expensed', reason: 'not-incremental' });
  });
});

describe('capitalizeCost: input checks', () => {
  it('refuses a malformed cost naming the field', () => {
    const fieldOf = (over: Record<string, unknown>): string | undefined => issueOf(() => capitalizeCost({ policy: contractTerm, cost: cost(over as Partial<CommissionCost>) })).field;
    expect(fieldOf({ id: '' })).toBe('cost.id');
    expect(fieldOf({ payeeId: undefined })).toBe('cost.payeeId');
    expect(fieldOf({ amountMinor: 100 })).toBe('cost.amountMinor');
    expect(fieldOf({ currency: 'usd' })).toBe('cost.currency');
    expect(fieldOf({ recognizedOn: '2026-02-30' })).toBe('cost.recognizedOn');
    expect(fieldOf({ contractEnd: '2026-02-28' })).toBe('cost.contractEnd');
    expect(fieldOf({ originalRecognizedOn: '2026-1-1' })).toBe('cost.originalRecognizedOn');
  });
});
