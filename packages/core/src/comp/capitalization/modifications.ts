import { invalid } from '../../errors.js';
import { formatMinorAsMajor } from '../../money.js';
import { monthIndexOf, monthIndexOfDate, monthLabelOf, requireCalendarDate } from './months.js';
import type { CapitalizationPolicy } from './policy.js';
import { benefitMonthsOf, spreadStraightLine, type CostSchedule, type CostScheduleLine, type CostScheduleRevision } from './schedule.js';

/** Something that happens to a contract after its costs were capitalized. Dates are 'YYYY-MM-DD'. */
export type CapitalizationEvent =
  | { readonly kind: 'modification'; readonly contractId: string; readonly on: string; readonly newContractEnd: string }
  | { readonly kind: 'churn'; readonly contractId: string; readonly on: string };

const money = (minor: bigint, s: CostSchedule): string => `${formatMinorAsMajor(minor, s.cost.currency)} ${s.cost.currency}`;

/** Where a revision takes effect and what is still capitalized at the start of that month. */
function revisionPoint(schedule: CostSchedule, on: string): { month: number; kept: CostScheduleLine[]; balanceMinor: bigint } {
  const month = Math.max(monthIndexOfDate('on', on), monthIndexOf('schedule.capitalizedMonth', schedule.capitalizedMonth));
  const kept = schedule.lines.filter((l) => monthIndexOf('schedule.lines.month', l.month) < month);
  const balanceMinor = kept.reduce((left, l) => left - l.amountMinor, schedule.capitalizedMinor);
  return { month, kept, balanceMinor };
}

function revised(schedule: CostSchedule, revision: CostScheduleRevision, changes: Partial<CostSchedule> = {}): CostSchedule {
  return { ...schedule, ...changes, revisions: [...schedule.revisions, revision] };
}

const isClosed = (s: CostSchedule): boolean => s.lines.some((l) => l.kind === 'impairment');

/**
 * A contract modification that moves the contract end (an extension, renewal folded into the
 * term, or an early end agreed with the customer): a prospective true-up. Lines before the
 * event month stay as they were (closed periods never change); the balance still capitalized at
 * the start of the event month is re-spread straight line over the months from the event month
 * to the end of the new benefit period, which keeps its original start. If the new period has
 * already ended by then, the whole balance is amortized in the event month.
 *
 * No effect (recorded as a revision with effect 'none') when the policy's benefit period is the
 * customer life (the contract end does not change it), when the balance is already zero, or
 * when the schedule was impaired.
 */
export function modifyContractTerm(
  policy: CapitalizationPolicy,
  schedule: CostSchedule,
  event: { readonly on: string; readonly newContractEnd: string },
): CostSchedule {
  requireCalendarDate('newContractEnd', event.newContractEnd);
  if (event.newContractEnd < schedule.cost.contractStart) throw invalid('newContractEnd', 'must not be before the contract start');
  const { month, kept, balanceMinor } = revisionPoint(schedule, event.on);
  const base = { kind: 'modification' as const, on: event.on, month: monthLabelOf(month), balanceMinor };
  const none = (why: string): CostSchedule => revised(schedule, { ...base, effect: 'none', explanation: `Contract ${schedule.cost.contractId} modified on ${event.on}: no change, ${why}.` });
  if (isClosed(schedule)) return none('the cost was already impaired');
  if (policy.benefitPeriod.basis === 'customer-life') return none('the benefit period is the customer life, not the contract term');
  if (balanceMinor === 0n) return none('nothing is left to amortize');
  const cost = { ...schedule.cost, contractEnd: event.newContractEnd };
  const benefitMonths = benefitMonthsOf(policy, cost);
  const newLast = monthIndexOf('schedule.benefitStartMonth', schedule.benefitStartMonth) + benefitMonths - 1;
  const months = Math.max(1, newLast - month + 1);
  const respread = spreadStraightLine(balanceMinor, months, month);
  const explanation =
    `Contract ${cost.contractId} modified on ${event.on} to end ${event.newContractEnd}: the ${money(balanceMinor, schedule)} still capitalized for cost ${cost.id} ` +
    (newLast >= month
      ? `is re-spread over the ${months} months ${monthLabelOf(month)} to ${monthLabelOf(newLast)} (prospective true-up).`
      : `is amortized in ${monthLabelOf(month)}: the new term had already ended.`);
  return revised(schedule, { ...base, effect: 're-spread', explanation }, { cost, benefitMonths, lines: [...kept, ...respread] });
}

/**
 * Churn or cancellation: the benefit is gone, so the balance still capitalized at the start of
 * the event month is impaired in that month, with no amortization that month. Lines before it
 * stay. A churn dated before the schedule's first month impairs the whole amount in the first
 * month (the cost, typically a clawback, arrived after the customer left). No effect when the
 * balance is already zero (fully amortized) or the schedule was impaired before.
 */
export function impairOnChurn(schedule: CostSchedule, event: { readonly on: string }): CostSchedule {
  const { month, kept, balanceMinor } = revisionPoint(schedule, event.on);
  const base = { kind: 'churn' as const, on: event.on, month: monthLabelOf(month), balanceMinor };
  const who = `cost ${schedule.cost.id} of contract ${schedule.cost.contractId}`;
  if (isClosed(schedule)) return revised(schedule, { ...base, effect: 'none', explanation: `Churn on ${event.on}: ${who} was already impaired.` });
  if (balanceMinor === 0n) return revised(schedule, { ...base, effect: 'none', explanation: `Churn on ${event.on}: ${who} was fully amortized, nothing to impair.` });
  const impairment: CostScheduleLine = { month: monthLabelOf(month), kind: 'impairment', amountMinor: balanceMinor, remainingMinor: 0n };
  const explanation = `Churn on ${event.on}: the ${money(balanceMinor, schedule)} still capitalized for ${who} is impaired in ${monthLabelOf(month)}.`;
  return revised(schedule, { ...base, effect: 'impaired', explanation }, { lines: [...kept, impairment] });
}

const KIND_ORDER = { modification: 0, churn: 1 } as const;

/** Events in a deterministic order: by date; on one day a modification before a churn; then contract and new end. */
export function sortContractEvents(events: readonly CapitalizationEvent[]): CapitalizationEvent[] {
  const key = (e: CapitalizationEvent): string => `${e.on}|${KIND_ORDER[e.kind]}|${e.contractId}|${e.kind === 'modification' ? e.newContractEnd : ''}`;
  return [...events].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Throws invalid('events[i].<field>') for a malformed event. */
export function validateContractEvents(events: readonly CapitalizationEvent[]): void {
  events.forEach((e, i) => {
    if (e.kind !== 'modification' && e.kind !== 'churn') throw invalid(`events[${i}].kind`, 'must be "modification" or "churn"');
    if (typeof e.contractId !== 'string' || e.contractId === '') throw invalid(`events[${i}].contractId`, 'must be a non-empty string');
    requireCalendarDate(`events[${i}].on`, e.on);
    if (e.kind === 'modification') requireCalendarDate(`events[${i}].newContractEnd`, e.newContractEnd);
  });
}

/**
 * Applies every event to every schedule of its contract, events in sortContractEvents order.
 * Returns the revised schedules sorted by cost id, so the result does not depend on input order.
 */
export function applyContractEvents(policy: CapitalizationPolicy, schedules: readonly CostSchedule[], events: readonly CapitalizationEvent[]): CostSchedule[] {
  validateContractEvents(events);
  const ordered = sortContractEvents(events);
  return [...schedules]
    .sort((a, b) => (a.cost.id < b.cost.id ? -1 : a.cost.id > b.cost.id ? 1 : 0))
    .map((schedule) =>
      ordered
        .filter((e) => e.contractId === schedule.cost.contractId)
        .reduce((s, e) => (e.kind === 'churn' ? impairOnChurn(s, e) : modifyContractTerm(policy, s, e)), schedule),
    );
}
