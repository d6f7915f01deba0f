import { isTermMonths, MAX_TERM_MONTHS } from '../annual-value.js';
import { isCalendarDate } from '../../calendar.js';
import { formatDecimal, toScaled, type Decimal } from '../../decimal.js';
import { invalid } from '../../errors.js';
import type { ReportingLine } from '../../hierarchy.js';
import { isCurrencyCode } from '../../money.js';
import type { CreditingSplit, CreditingSplitKind, CreditingTerritoryMember, CreditingTransaction } from './types.js';

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function requireText(value: unknown, field: string): void {
  if (!nonEmpty(value)) throw invalid(field, 'must be a non-empty string');
}

function requireDate(value: unknown, field: string): void {
  if (typeof value !== 'string' || !isCalendarDate(value)) throw invalid(field, `must be a calendar date YYYY-MM-DD (got ${JSON.stringify(value)})`);
}

/** A Decimal that is a real, non-negative exact fraction. */
export function requireShare(share: Decimal | undefined, field: string): void {
  if (share === null || typeof share !== 'object' || typeof share.units !== 'bigint' || !Number.isInteger(share.scale) || share.scale < 0) {
    throw invalid(field, 'must be an exact decimal {units: bigint, scale: non-negative integer}');
  }
  if (share.units < 0n) throw invalid(field, `must not be negative (got ${formatDecimal(share)})`);
}

/** Exact sum of decimals at their largest scale (never rounds: every input scale is <= it). */
function sumShares(shares: readonly Decimal[]): Decimal {
  const scale = shares.reduce((max, s) => Math.max(max, s.scale), 0);
  return { units: shares.reduce((sum, s) => sum + toScaled(s, scale), 0n), scale };
}

const isOne = (d: Decimal): boolean => d.units === 10n ** BigInt(d.scale);

function validateSplits(splits: readonly CreditingSplit[], ownerId: string, base: string): void {
  const seen = new Map<string, number>();
  const byKind: Record<CreditingSplitKind, Decimal[]> = { credit: [], payout: [], overlay: [] };
  splits.forEach((s, j) => {
    const field = `${base}[${j}]`;
    requireText(s.personId, `${field}.personId`);
    if (s.kind !== 'credit' && s.kind !== 'payout' && s.kind !== 'overlay') throw invalid(`${field}.kind`, `must be 'credit', 'payout' or 'overlay' (got ${JSON.stringify(s.kind)})`);
    requireShare(s.share, `${field}.share`);
    // One person, one split line: two lines would give her two credits with one id.
    const earlier = seen.get(s.personId);
    if (earlier !== undefined) throw invalid(`${field}.personId`, `person "${s.personId}" is already in ${base}[${earlier}]`);
    seen.set(s.personId, j);
    byKind[s.kind].push(s.share);
  });
  // Credit and payout splits each decide who stands for the owner; both at once has no single meaning.
  if (byKind.credit.length > 0 && byKind.payout.length > 0) throw invalid(base, 'a transaction has credit splits or payout splits, not both');
  for (const kind of ['credit', 'payout'] as const) {
    if (byKind[kind].length === 0) continue;
    const total = sumShares(byKind[kind]);
    if (!isOne(total)) throw invalid(base, `${kind} shares must total exactly 1, they total ${formatDecimal(total)}`);
  }
  // Without credit or payout splits the owner holds the 100%; an overlay on top would be a second credit with her id.
  if (byKind.credit.length === 0 && byKind.payout.length === 0) {
    const j = splits.findIndex((s) => s.personId === ownerId);
    if (j >= 0) throw invalid(`${base}[${j}].personId`, `the owner "${ownerId}" is already credited 100%; an overlay cannot name her`);
  }
}

function validateLineItems(tx: CreditingTransaction, base: string): void {
  const items = tx.lineItems ?? [];
  let total = 0n;
  items.forEach((item, j) => {
    requireText(item.productId, `${base}[${j}].productId`);
    if (item.productFamily !== undefined) requireText(item.productFamily, `${base}[${j}].productFamily`);
    if (typeof item.amountMinor !== 'bigint') throw invalid(`${base}[${j}].amountMinor`, 'must be a bigint (minor units)');
    total += item.amountMinor;
  });
  // A product filter credits line amounts; if they did not add up, a filter-free rule and a
  // rule matching every product would credit different amounts for the same deal.
  if (items.length > 0 && total !== tx.amountMinor) throw invalid(base, `line items total ${total}, the transaction amount is ${tx.amountMinor}`);
}

const fieldOf = (i: number, suffix: string): string => `transactions[${i}]${suffix}`;

/**
 * Checks one transaction, naming the field as `transactions[i]...`. Runs once per transaction of
 * a calc run (over a million in a quarter): field names are built only when something is wrong,
 * dates and currencies already seen valid (in `seen`) are not checked again, and empty lists cost
 * nothing. Unique ids are checked over a whole list by validateTransactions.
 */
export function validateTransaction(tx: CreditingTransaction, i: number, seen: { readonly dates: Set<string>; readonly currencies: Set<string> }): void {
  if (!nonEmpty(tx.id)) requireText(tx.id, fieldOf(i, '.id'));
  if (!seen.dates.has(tx.date)) {
    requireDate(tx.date, fieldOf(i, '.date'));
    seen.dates.add(tx.date);
  }
  if (typeof tx.amountMinor !== 'bigint') throw invalid(fieldOf(i, '.amountMinor'), 'must be a bigint (minor units)');
  if (!seen.currencies.has(tx.currency)) {
    if (typeof tx.currency !== 'string' || !isCurrencyCode(tx.currency)) throw invalid(fieldOf(i, '.currency'), 'must be an ISO 4217 code');
    seen.currencies.add(tx.currency);
  }
  if (!nonEmpty(tx.kind)) requireText(tx.kind, fieldOf(i, '.kind'));
  if (!nonEmpty(tx.ownerId)) requireText(tx.ownerId, fieldOf(i, '.ownerId'));
  // Field by field: a loop over the names read each through a generic (megamorphic) property lookup.
  if (tx.territoryId !== undefined && !nonEmpty(tx.territoryId)) requireText(tx.territoryId, fieldOf(i, '.territoryId'));
  if (tx.productId !== undefined && !nonEmpty(tx.productId)) requireText(tx.productId, fieldOf(i, '.productId'));
  if (tx.productFamily !== undefined && !nonEmpty(tx.productFamily)) requireText(tx.productFamily, fieldOf(i, '.productFamily'));
  if (tx.pipelineId !== undefined && !nonEmpty(tx.pipelineId)) requireText(tx.pipelineId, fieldOf(i, '.pipelineId'));
  if (tx.lineItems !== undefined && tx.lineItems.length > 0) validateLineItems(tx, fieldOf(i, '.lineItems'));
  if (tx.splits !== undefined && tx.splits.length > 0) validateSplits(tx.splits, tx.ownerId, fieldOf(i, '.splits'));
  if (tx.termMonths !== undefined && !isTermMonths(tx.termMonths)) throw invalid(fieldOf(i, '.termMonths'), `must be whole months from 1 to ${MAX_TERM_MONTHS}`);
}

/** Refuses malformed transactions and duplicate ids, naming the field (transactions[3].splits[1].share). */
export function validateTransactions(transactions: readonly CreditingTransaction[]): void {
  const ids = new Map<string, number>();
  const seen = { dates: new Set<string>(), currencies: new Set<string>() };
  for (let i = 0; i < transactions.length; i++) {
    const tx = transactions[i] as CreditingTransaction;
    validateTransaction(tx, i, seen);
    const earlier = ids.get(tx.id);
    if (earlier !== undefined) throw invalid(fieldOf(i, '.id'), `duplicate transaction id "${tx.id}" (also transactions[${earlier}])`);
    ids.set(tx.id, i);
  }
}

export function validateTerritoryMembers(members: readonly CreditingTerritoryMember[]): void {
  members.forEach((m, i) => {
    const base = `territoryMembers[${i}]`;
    requireText(m.territoryId, `${base}.territoryId`);
    requireText(m.personId, `${base}.personId`);
    requireText(m.role, `${base}.role`);
    requireDate(m.from, `${base}.from`);
    if (m.to !== undefined) {
      requireDate(m.to, `${base}.to`);
      if (m.to < m.from) throw invalid(`${base}.to`, `ends (${m.to}) before it starts (${m.from})`);
    }
  });
}

/**
 * Refuses malformed lines and two lines of one person in force on the same day: with two
 * managers at once, who gets the roll-up would depend on the order of the list.
 */
export function validateReportingLines(lines: readonly ReportingLine[]): void {
  const byPerson = new Map<string, number[]>();
  lines.forEach((line, i) => {
    const base = `reportingLines[${i}]`;
    requireText(line.personId, `${base}.personId`);
    requireText(line.managerId, `${base}.managerId`);
    requireDate(line.validFrom, `${base}.validFrom`);
    if (line.validTo !== null) {
      requireDate(line.validTo, `${base}.validTo`);
      if (line.validTo <= line.validFrom) throw invalid(`${base}.validTo`, `must be after validFrom (${line.validFrom}); validTo is exclusive`);
    }
    if (line.personId === line.managerId) throw invalid(`${base}.managerId`, `cycle: "${line.personId}" would manage herself`);
    const list = byPerson.get(line.personId) ?? [];
    list.push(i);
    byPerson.set(line.personId, list);
  });
  for (const indexes of byPerson.values()) {
    const sorted = [...indexes].sort((a, b) => {
      const [x, y] = [lines[a] as ReportingLine, lines[b] as ReportingLine];
      return x.validFrom < y.validFrom ? -1 : x.validFrom > y.validFrom ? 1 : a - b;
    });
    for (let k = 1; k < sorted.length; k++) {
      const prev = lines[sorted[k - 1] as number] as ReportingLine;
      const next = lines[sorted[k] as number] as ReportingLine;
      if (prev.validTo === null || next.validFrom < prev.validTo) {
        throw invalid(`reportingLines[${sorted[k] as number}].validFrom`, `overlaps reportingLines[${sorted[k - 1] as number}]: "${next.personId}" would have two managers on ${next.validFrom}`);
      }
    }
  }
}
