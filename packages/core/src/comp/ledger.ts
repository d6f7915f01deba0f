import { invalid } from '../errors.js';

/**
 * The ledger: every money movement of a payee is an entry, and entries are never edited.
 * Amounts are minor units, positive when owed to the payee.
 * - earning / bonus: what a component earned (commission; bonus and SPIF components);
 * - draw-advance (+), draw-recovery (-), draw-forgiveness: the draw;
 * - clawback (-): a cancelled deal's commission coming back;
 * - adjustment (+/-): a manual correction with a reason;
 * - hold (-) / hold-release (+): money kept back and later let go;
 * - payout (-): money handed to payroll.
 */
export const LEDGER_ENTRY_TYPES = ['earning', 'adjustment', 'bonus', 'draw-advance', 'draw-recovery', 'draw-forgiveness', 'clawback', 'hold', 'hold-release', 'payout'] as const;
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number];

/** Entry types a calc run owns: it posts them as deltas so their sum per key equals what the latest calculation says. */
export const CALCULATED_ENTRY_TYPES: readonly LedgerEntryType[] = ['earning', 'bonus', 'draw-advance', 'draw-recovery', 'clawback'];

/** What a calculation says one payee is owed for one period on one line (type, plan, component). */
export interface LedgerTarget {
  readonly personId: string;
  readonly forPeriod: string;
  readonly type: LedgerEntryType;
  readonly planId: string | null;
  readonly componentId: string | null;
  readonly amountMinor: bigint;
}

/** An entry already in the ledger, as far as the deltas care. */
export type LedgerPosting = LedgerTarget;

/** A new entry to append: `amountMinor` moves the key's sum from `beforeMinor` to `targetMinor`. */
export interface LedgerDelta extends LedgerTarget {
  readonly beforeMinor: bigint;
  readonly targetMinor: bigint;
}

const keyOf = (e: Omit<LedgerTarget, 'amountMinor'>): string => JSON.stringify([e.personId, e.forPeriod, e.type, e.planId, e.componentId]);

/**
 * The entries to append so that, for the people and periods in `scope`, every calculated key
 * sums to its target: one delta per key whose sum differs, none where it already agrees. A key
 * with entries but no target (a payee or component gone from the plan) is brought to zero.
 * Entries outside the scope, and manual types (adjustments, holds, payouts), are left alone.
 * The result is sorted by key, so it does not depend on the order of the inputs.
 */
export function ledgerDeltas(input: {
  readonly targets: readonly LedgerTarget[];
  readonly existing: readonly LedgerPosting[];
  readonly scope: { readonly personIds: ReadonlySet<string>; readonly periods: ReadonlySet<string> };
}): LedgerDelta[] {
  const inScope = (e: LedgerTarget): boolean => input.scope.personIds.has(e.personId) && input.scope.periods.has(e.forPeriod) && CALCULATED_ENTRY_TYPES.includes(e.type);
  const rows = new Map<string, { base: Omit<LedgerTarget, 'amountMinor'>; before: bigint; target: bigint }>();
  const row = (e: LedgerTarget) => {
    const key = keyOf(e);
    let r = rows.get(key);
    if (!r) {
      r = { base: { personId: e.personId, forPeriod: e.forPeriod, type: e.type, planId: e.planId, componentId: e.componentId }, before: 0n, target: 0n };
      rows.set(key, r);
    }
    return r;
  };
  for (const e of input.existing) if (inScope(e)) row(e).before += e.amountMinor;
  for (const t of input.targets) {
    if (!inScope(t)) throw invalid('targets', `${t.type} for ${t.personId} in ${t.forPeriod} is outside the run's scope`);
    row(t).target += t.amountMinor;
  }
  return [...rows.entries()]
    .filter(([, r]) => r.before !== r.target)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => ({ ...r.base, amountMinor: r.target - r.before, beforeMinor: r.before, targetMinor: r.target }));
}

/** The sum of entries per key (the ledger's view of what each line now says). */
export function ledgerBalances(entries: readonly LedgerPosting[]): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const e of entries) out.set(keyOf(e), (out.get(keyOf(e)) ?? 0n) + e.amountMinor);
  return out;
}

/** The key a posting sums under (person, period, type, plan, component). */
export const ledgerKey = keyOf;

/**
 * Checks a hold release: it names a hold of the same payee and releases at most what is still
 * held (the hold's amount less earlier releases). Throws naming `amountMinor` or `holdId`.
 */
export function checkHoldRelease(input: { readonly holdMinor: bigint; readonly releasedMinor: bigint; readonly releaseMinor: bigint }): void {
  if (input.holdMinor >= 0n) throw invalid('holdId', 'not a hold');
  if (input.releaseMinor <= 0n) throw invalid('amountMinor', 'a release must be positive');
  const stillHeld = -input.holdMinor - input.releasedMinor;
  if (input.releaseMinor > stillHeld) throw invalid('amountMinor', `at most ${stillHeld} minor units are still held`);
}
