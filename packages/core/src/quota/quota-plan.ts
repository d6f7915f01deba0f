import { addDays, dateParts, isCalendarDate } from '../calendar.js';
import { canonicalJson } from '../canonical-json.js';
import { checkQuotaPhasing, type QuotaPhasing } from '../comp/quota-phasing.js';
import { PERSON_KINDS, type PersonKind } from '../crm.js';
import { formatDecimal, parseDecimal, pow10, type Decimal } from '../decimal.js';
import { DomainError, invalid } from '../errors.js';

/*
 * A quota plan: one fiscal year's quotas for one measure, as a document saved in versions.
 * Its lines form the cascade: sellers and to-be-hired placeholders under their managers, each
 * manager a line with her own quota. The sum of a manager's children against her quota (and of
 * the top lines against the company target) is always computed; children above their parent by
 * more than the padding bound need approval (padding at each level leaves few sellers at quota).
 * Ramp profiles per role and the seasonality go with the plan into the plan assignments.
 */

export type QuotaLineKind = 'seller' | 'manager' | 'placeholder';

export interface QuotaPlanLine {
  /** The person's id, or "tbh-N" for a placeholder. */
  readonly key: string;
  readonly kind: QuotaLineKind;
  /** Null for a placeholder. */
  readonly personId: string | null;
  readonly name: string;
  readonly role: PersonKind;
  /** The key of the manager's line above, null at the top. */
  readonly parentKey: string | null;
  /** The first day she carries quota when inside the year (a hire, a placeholder's planned start); null otherwise. */
  readonly startDate: string | null;
  /** The annual quota (the full year's run rate before ramp and start), minor units. */
  readonly annualMinor: bigint;
  /** Why it was set by hand; null when the allocation set it. */
  readonly reason: string | null;
  /**
   * Changes inside the year (mid-year, territory moves): the quotas she held before, in date
   * order, each until the day before `until`; `annualMinor` holds from the last `until` on. The
   * year's quota is the time-weighted blend. Empty: one quota all year.
   */
  readonly earlier: readonly { readonly annualMinor: bigint; readonly until: string }[];
  /** Last year's bookings and the potential covered, minor units, as of the allocation. */
  readonly historyMinor: bigint;
  readonly potentialMinor: bigint;
}

/** How the sellers' lines were allocated (kept to re-allocate and to show). */
export interface QuotaAllocationSettings {
  readonly historyWeight: string;
  readonly weightsByRole: Readonly<Partial<Record<PersonKind, string>>>;
  readonly roles: readonly PersonKind[];
  readonly minGrowth: string | null;
  readonly maxGrowth: string | null;
  /** Allocated over a territory model's territories (absent: over the sellers). */
  readonly basis?: 'territories';
  readonly territoryModelId?: string;
}

export interface QuotaPlanDocument {
  readonly currency: string;
  readonly targetMinor: bigint;
  readonly settings: QuotaAllocationSettings;
  /** Seasonality; null = by days, as the plan assignments' own plans phase. */
  readonly phasing: QuotaPhasing | null;
  /** A ramp per role: one factor in [0, 1] per month from the month of the start; 1 after the last. */
  readonly ramps: Readonly<Partial<Record<PersonKind, readonly string[]>>>;
  /** Children may sum above their parent by this share before it needs approval (0.05 = 5%). */
  readonly paddingBound: Decimal;
  /** The share of their quota sellers are expected to book, for quota-to-capacity (0.6 = 60%). */
  readonly expectedAttainment: Decimal;
  /**
   * Approval waits until every manager of the plan who can sign off has signed off the version in
   * review. Absent (as in plans saved before the setting): approval does not wait.
   */
  readonly signOffsRequired?: boolean;
  readonly lines: readonly QuotaPlanLine[];
}

/** One node of the cascade: a manager's quota, or the company target, against the sum of its children. */
export interface CascadeNode {
  /** A manager's line key, or null for the company. */
  readonly key: string | null;
  readonly quotaMinor: bigint;
  readonly childrenMinor: bigint;
  readonly children: number;
  /** childrenMinor / quotaMinor - 1 (0.05 = 5% over); null when the quota is 0. */
  readonly padding: number | null;
  /** Above the quota by more than the bound: needs approval. */
  readonly overBound: boolean;
  /** Below the quota: the parent's number is not covered. */
  readonly short: boolean;
}

const fraction = (text: string, field: string, max?: bigint): Decimal => {
  let d: Decimal;
  try {
    d = parseDecimal(text);
  } catch {
    throw invalid(field, `must be a decimal such as 0.25 (got "${text}")`);
  }
  if (d.units < 0n || (max !== undefined && d.units > max * pow10(d.scale))) throw invalid(field, `must be between 0 and ${max ?? 'more'} (got ${text})`);
  return d;
};

/** Refuses a ramp whose factors are not decimals in [0, 1]. */
export function checkRampProfile(ramp: readonly string[], field: string): void {
  if (ramp.length === 0 || ramp.length > 36) throw invalid(field, 'needs 1 to 36 monthly factors');
  ramp.forEach((r, i) => fraction(r, `${field}[${i}]`, 1n));
}

/** Every problem of the document's structure, by its path; throws when there is any. */
export function checkQuotaPlan(doc: QuotaPlanDocument): void {
  const issues: { field: string; message: string }[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  if (doc.targetMinor < 0n) add('targetMinor', 'must be 0 or more');
  const catching = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof DomainError) issues.push(...e.issues);
      else throw e;
    }
  };
  if (doc.phasing) catching(() => checkQuotaPhasing(doc.phasing as QuotaPhasing));
  for (const [role, ramp] of Object.entries(doc.ramps)) {
    if (!(PERSON_KINDS as readonly string[]).includes(role)) add(`ramps.${role}`, `is not a role (${PERSON_KINDS.join(', ')})`);
    else catching(() => checkRampProfile(ramp ?? [], `ramps.${role}`));
  }
  const byKey = new Map<string, QuotaPlanLine>();
  doc.lines.forEach((l, i) => {
    const at = `lines[${i}]`;
    if (byKey.has(l.key)) add(`${at}.key`, `"${l.key}" is there twice`);
    byKey.set(l.key, l);
    if (l.annualMinor < 0n) add(`${at}.annualMinor`, 'must be 0 or more');
    if (l.kind === 'placeholder' && l.startDate === null) add(`${at}.startDate`, 'a placeholder needs the day she is expected to start');
    if (l.startDate !== null && !isCalendarDate(l.startDate)) add(`${at}.startDate`, `must be a date YYYY-MM-DD (got "${l.startDate}")`);
    if (l.kind !== 'placeholder' && l.personId === null) add(`${at}.personId`, 'a seller or manager is a person');
    l.earlier.forEach((e, k) => {
      if (e.annualMinor < 0n) add(`${at}.earlier[${k}].annualMinor`, 'must be 0 or more');
      if (!isCalendarDate(e.until) || (k > 0 && e.until <= (l.earlier[k - 1]?.until ?? ''))) add(`${at}.earlier[${k}].until`, 'must be dates in order');
    });
    if (l.name.trim() === '') add(`${at}.name`, 'must not be empty');
  });
  doc.lines.forEach((l, i) => {
    if (l.parentKey === null) return;
    const parent = byKey.get(l.parentKey);
    if (!parent) add(`lines[${i}].parentKey`, `no line "${l.parentKey}"`);
    else if (parent.kind !== 'manager') add(`lines[${i}].parentKey`, `"${parent.name}" is not a manager's line`);
    // Walking up must end at the top.
    const seen = new Set<string>([l.key]);
    for (let p = parent; p && p.parentKey !== null; p = byKey.get(p.parentKey)) {
      if (seen.has(p.key)) {
        add(`lines[${i}].parentKey`, 'the lines above her come back to her');
        break;
      }
      seen.add(p.key);
    }
  });
  if (issues.length > 0) throw new DomainError('validation_failed', issues.map((x) => `${x.field}: ${x.message}`).join('; '), issues);
}

/**
 * The lines as the grid reads them: each manager followed by her team (managers under her first,
 * then the others, each by name), depth first from the top.
 */
export function inHierarchyOrder(lines: readonly QuotaPlanLine[]): QuotaPlanLine[] {
  const keys = new Set(lines.map((l) => l.key));
  const children = new Map<string | null, QuotaPlanLine[]>();
  for (const l of lines) {
    const parent = l.parentKey !== null && keys.has(l.parentKey) ? l.parentKey : null;
    children.set(parent, [...(children.get(parent) ?? []), l]);
  }
  const out: QuotaPlanLine[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null) => {
    const kids = [...(children.get(parent) ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.key < b.key ? -1 : 1));
    for (const l of [...kids.filter((k) => k.kind === 'manager'), ...kids.filter((k) => k.kind !== 'manager')]) {
      if (seen.has(l.key)) continue;
      seen.add(l.key);
      out.push(l);
      visit(l.key);
    }
  };
  visit(null);
  // Lines on a loop of parents are never reached from the top: keep them, last.
  return [...out, ...lines.filter((l) => !seen.has(l.key))];
}

/** The quotas a line holds from `from` to `to`, piece by piece (its changes inside the year). */
export function quotaPieces(line: Pick<QuotaPlanLine, 'annualMinor' | 'earlier'>, from: string, to: string): { from: string; to: string; annualMinor: bigint }[] {
  const pieces: { from: string; to: string; annualMinor: bigint }[] = [];
  let start = from;
  for (const e of line.earlier) {
    if (e.until > start) pieces.push({ from: start, to: addDays(e.until, -1) < to ? addDays(e.until, -1) : to, annualMinor: e.annualMinor });
    if (e.until > start) start = e.until;
  }
  if (start <= to) pieces.push({ from: start, to, annualMinor: line.annualMinor });
  return pieces.filter((p) => p.from <= p.to);
}

/** A manager's team in the plan: her own line and every line below it (empty when she has none). */
export function teamOf(lines: readonly QuotaPlanLine[], key: string): QuotaPlanLine[] {
  const parent = new Map(lines.map((l) => [l.key, l.parentKey]));
  const under = (l: QuotaPlanLine): boolean => {
    let steps = 0;
    for (let p: string | null = l.key; p !== null && steps <= lines.length; p = parent.get(p) ?? null, steps += 1) if (p === key) return true;
    return false;
  };
  return lines.filter(under);
}

/** How deep each line sits below the top (0 for the top lines; a loop of parents stops the walk). */
export function lineDepths(lines: readonly Pick<QuotaPlanLine, 'key' | 'parentKey'>[]): Map<string, number> {
  const parent = new Map(lines.map((l) => [l.key, l.parentKey]));
  const out = new Map<string, number>();
  for (const l of lines) {
    let depth = 0;
    for (let p = l.parentKey; p !== null && depth < lines.length; p = parent.get(p) ?? null) depth += 1;
    out.set(l.key, depth);
  }
  return out;
}

/** Is `over` above `base` by more than the share `bound`? Exact. */
function exceeds(over: bigint, base: bigint, bound: Decimal): boolean {
  return over * pow10(bound.scale) > base * (pow10(bound.scale) + bound.units);
}

/** The company and every manager against the sum of their children. */
export function cascadeOf(doc: QuotaPlanDocument): CascadeNode[] {
  const sums = new Map<string | null, { minor: bigint; count: number }>();
  for (const l of doc.lines) {
    const s = sums.get(l.parentKey) ?? { minor: 0n, count: 0 };
    sums.set(l.parentKey, { minor: s.minor + l.annualMinor, count: s.count + 1 });
  }
  const node = (key: string | null, quotaMinor: bigint): CascadeNode => {
    const s = sums.get(key) ?? { minor: 0n, count: 0 };
    return {
      key, quotaMinor, childrenMinor: s.minor, children: s.count,
      padding: quotaMinor === 0n ? null : Number(s.minor - quotaMinor) / Number(quotaMinor),
      overBound: s.count > 0 && exceeds(s.minor, quotaMinor, doc.paddingBound),
      short: s.count > 0 && s.minor < quotaMinor,
    };
  };
  return [node(null, doc.targetMinor), ...doc.lines.filter((l) => l.kind === 'manager').map((l) => node(l.key, l.annualMinor))];
}

/**
 * What is left of a ramp profile on `from` for someone who started on `start`: the factors from
 * the month of `from` on (months counted from the month of the start, as plan assignments count
 * them). Null when nothing below 1 is left.
 */
export function rampRemaining(profile: readonly string[] | undefined, start: string | null, from: string): string[] | null {
  if (!profile || start === null) return null;
  const a = dateParts(start);
  const b = dateParts(from);
  const elapsed = Math.max(0, (b.year - a.year) * 12 + (b.month - a.month));
  const left = profile.slice(elapsed);
  return left.some((f) => parseDecimal(f).units !== pow10(parseDecimal(f).scale)) ? [...left] : null;
}

export interface QuotaLineEdit {
  readonly key: string;
  readonly annualMinor: bigint;
  readonly reason: string;
}

/**
 * Sets lines' quotas by hand, each with its reason; a field-named error for an unknown line or no
 * reason. With `changeFrom` (a change inside the year) each line keeps her quota until the day
 * before; changes of hers from that day on are replaced.
 */
export function editQuotaLines(doc: QuotaPlanDocument, edits: readonly QuotaLineEdit[], changeFrom?: string): QuotaPlanDocument {
  const index = new Map(doc.lines.map((l, i) => [l.key, i]));
  const lines = [...doc.lines];
  edits.forEach((e, i) => {
    const at = index.get(e.key);
    if (at === undefined) throw invalid(`edits[${i}].key`, `no line "${e.key}" in the plan`);
    if (e.annualMinor < 0n) throw invalid(`edits[${i}].annualMinor`, 'must be 0 or more');
    if (e.reason.trim() === '') throw invalid(`edits[${i}].reason`, 'must say why');
    const line = lines[at] as QuotaPlanLine;
    // What she holds up to the change: her quota as the earlier changes leave it on that day.
    const kept = changeFrom === undefined ? [] : line.earlier.filter((x) => x.until < changeFrom);
    const held = changeFrom === undefined ? undefined : (line.earlier.find((x) => x.until >= changeFrom)?.annualMinor ?? line.annualMinor);
    lines[at] = { ...line, annualMinor: e.annualMinor, reason: e.reason.trim(), earlier: held === undefined ? line.earlier : [...kept, { annualMinor: held, until: changeFrom as string }] };
  });
  return { ...doc, lines };
}

export interface QuotaLineChange {
  readonly key: string;
  readonly name: string;
  readonly kind: QuotaLineKind;
  /** Null: not in that version. */
  readonly beforeMinor: bigint | null;
  readonly afterMinor: bigint | null;
  readonly reason: string | null;
}

export interface QuotaPlanComparison {
  readonly target: { readonly beforeMinor: bigint; readonly afterMinor: bigint };
  /** The lines whose quota differs, were added or removed, in the later version's order (removed last). */
  readonly lines: readonly QuotaLineChange[];
  /** Settings that differ, in words. */
  readonly settings: readonly string[];
}

const phasingText = (p: QuotaPhasing | null): string => (p ? `${p.by} ${p.weights.map((w) => formatDecimal(w)).join('/')}` : 'by days');

/** What changed from one version to another. */
export function compareQuotaPlans(before: QuotaPlanDocument, after: QuotaPlanDocument): QuotaPlanComparison {
  const old = new Map(before.lines.map((l) => [l.key, l]));
  const seen = new Set<string>();
  const lines: QuotaLineChange[] = [];
  for (const l of after.lines) {
    seen.add(l.key);
    const o = old.get(l.key);
    if (!o || o.annualMinor !== l.annualMinor) lines.push({ key: l.key, name: l.name, kind: l.kind, beforeMinor: o?.annualMinor ?? null, afterMinor: l.annualMinor, reason: l.reason });
  }
  for (const o of before.lines) if (!seen.has(o.key)) lines.push({ key: o.key, name: o.name, kind: o.kind, beforeMinor: o.annualMinor, afterMinor: null, reason: null });
  const settings: string[] = [];
  const differs = (label: string, a: string, b: string) => a !== b && settings.push(`${label}: ${a} -> ${b}`);
  differs('seasonality', phasingText(before.phasing), phasingText(after.phasing));
  differs('ramps', canonicalJson(before.ramps), canonicalJson(after.ramps));
  differs('padding bound', formatDecimal(before.paddingBound), formatDecimal(after.paddingBound));
  differs('expected attainment', formatDecimal(before.expectedAttainment), formatDecimal(after.expectedAttainment));
  const waits = (d: QuotaPlanDocument) => (d.signOffsRequired ? 'waits for every sign-off' : 'does not wait');
  differs('approval', waits(before), waits(after));
  differs('allocation', canonicalJson(before.settings), canonicalJson(after.settings));
  return { target: { beforeMinor: before.targetMinor, afterMinor: after.targetMinor }, lines, settings };
}

/** The document as stored: canonical JSON, amounts and decimals as strings. */
export function writeQuotaPlan(doc: QuotaPlanDocument): string {
  return canonicalJson({
    ...doc,
    targetMinor: String(doc.targetMinor),
    phasing: doc.phasing && { by: doc.phasing.by, weights: doc.phasing.weights.map((w) => formatDecimal(w)) },
    paddingBound: formatDecimal(doc.paddingBound),
    expectedAttainment: formatDecimal(doc.expectedAttainment),
    lines: doc.lines.map((l) => ({
      ...l, annualMinor: String(l.annualMinor), historyMinor: String(l.historyMinor), potentialMinor: String(l.potentialMinor),
      earlier: l.earlier.map((e) => ({ annualMinor: String(e.annualMinor), until: e.until })),
    })),
  });
}

interface StoredLine extends Omit<QuotaPlanLine, 'annualMinor' | 'historyMinor' | 'potentialMinor' | 'earlier'> {
  readonly earlier?: readonly { readonly annualMinor: string; readonly until: string }[];
  readonly annualMinor: string;
  readonly historyMinor: string;
  readonly potentialMinor: string;
}

/** Reads a stored document back (it was checked when written). */
export function readQuotaPlan(json: string): QuotaPlanDocument {
  const raw = JSON.parse(json) as Omit<QuotaPlanDocument, 'targetMinor' | 'phasing' | 'paddingBound' | 'expectedAttainment' | 'lines'> & {
    targetMinor: string; phasing: { by: 'quarter' | 'month'; weights: string[] } | null; paddingBound: string; expectedAttainment: string; lines: StoredLine[];
  };
  return {
    ...raw,
    targetMinor: BigInt(raw.targetMinor),
    phasing: raw.phasing && { by: raw.phasing.by, weights: raw.phasing.weights.map((w) => parseDecimal(w)) },
    paddingBound: parseDecimal(raw.paddingBound),
    expectedAttainment: parseDecimal(raw.expectedAttainment),
    lines: raw.lines.map((l) => ({
      ...l, annualMinor: BigInt(l.annualMinor), historyMinor: BigInt(l.historyMinor), potentialMinor: BigInt(l.potentialMinor),
      earlier: (l.earlier ?? []).map((e) => ({ annualMinor: BigInt(e.annualMinor), until: e.until })),
    })),
  };
}

/** A share in [0, max] as an exact decimal, naming the field (padding bound, expected attainment). */
export const readShare = (text: string, field: string, max: bigint): Decimal => fraction(text, field, max);
