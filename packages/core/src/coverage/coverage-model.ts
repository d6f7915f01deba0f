import { DomainError, type FieldIssue } from '../errors.js';
import { matchesFilter, readAccountFilter, writeAccountFilter, type AccountFilter, type FilterableAccount } from './account-filter.js';

/*
 * The coverage model: segments (ordered rules over account fields that place every account in
 * exactly one), which roles cover an account of each segment and the hours a year it needs from
 * each, and per role the hours a rep has and, optionally, the headcount planned. Hours are exact
 * hundredths (bigint), never floats.
 */

export interface SegmentCoverage {
  readonly role: string;
  /** Hours a year an account of the segment needs from the role, in hundredths. */
  readonly hundredthsPerAccount: bigint;
}

export interface CoverageSegment {
  readonly key: string;
  readonly name: string;
  /** Null for the last segment: every account no earlier segment took. */
  readonly rule: AccountFilter | null;
  readonly coverage: readonly SegmentCoverage[];
}

export interface CoverageRole {
  readonly key: string;
  readonly name: string;
  /** Hours a year one rep of the role has for accounts, in hundredths. */
  readonly hundredthsPerRep: bigint;
  /** The reps planned, if any: which accounts they can cover, and what is left uncovered. */
  readonly headcount: number | null;
}

export interface CoverageModel {
  readonly segments: readonly CoverageSegment[];
  readonly roles: readonly CoverageRole[];
}

const KEY = /^[a-z][a-z0-9-]{0,39}$/;
const HOURS = /^\d{1,7}(?:\.\d{1,2})?$/;
const MAX_SEGMENTS = 50;
const MAX_ROLES = 20;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** "12.5" hours as 1250 hundredths. */
const hundredths = (text: string): bigint => {
  const [whole = '0', frac = ''] = text.split('.');
  return BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
};
/** 1250 hundredths as "12.5". */
export const formatHours = (h: bigint): string => {
  const frac = (h % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${h / 100n}${frac ? `.${frac}` : ''}`;
};

/**
 * Reads a coverage model from JSON: `{ segments: [{ key, name, rule, coverage: [{ role,
 * hoursPerAccount }] }], roles: [{ key, name, hoursPerRep, headcount? }] }`, the last segment's
 * rule null. Every problem is reported at once, named by its path (422 with all of them).
 */
export function readCoverageModel(raw: unknown): CoverageModel {
  const issues: FieldIssue[] = [];
  const bad = (field: string, message: string): undefined => {
    issues.push({ field, message });
    return undefined;
  };
  const text = (v: unknown, field: string, max = 100): string | undefined => (typeof v === 'string' && v.trim() !== '' && v.length <= max ? v.trim() : bad(field, `must be a text of 1 to ${max} characters`));
  const hours = (v: unknown, field: string): bigint | undefined => (typeof v === 'string' && HOURS.test(v) ? hundredths(v) : bad(field, 'must be hours as a decimal string with at most two decimals, e.g. "12.5"'));
  if (!isObject(raw)) throw new DomainError('validation_failed', 'the coverage model must be an object with segments and roles', [{ field: 'model', message: 'must be an object' }]);

  const roleList = Array.isArray(raw.roles) ? raw.roles : [];
  if (!Array.isArray(raw.roles) || roleList.length === 0 || roleList.length > MAX_ROLES) bad('roles', `must list 1 to ${MAX_ROLES} roles`);
  const roles: CoverageRole[] = [];
  roleList.forEach((r, i) => {
    const at = `roles[${i}]`;
    if (!isObject(r)) return bad(at, 'must be an object');
    const key = typeof r.key === 'string' && KEY.test(r.key) ? r.key : bad(`${at}.key`, 'must be a short key: lowercase letters, digits and dashes, starting with a letter');
    if (key && roles.some((x) => x.key === key)) bad(`${at}.key`, `${key} is listed twice`);
    const name = text(r.name, `${at}.name`);
    const perRep = hours(r.hoursPerRep, `${at}.hoursPerRep`);
    if (perRep === 0n) bad(`${at}.hoursPerRep`, 'must be more than 0');
    const headcount = r.headcount === undefined || r.headcount === null ? null : Number.isInteger(r.headcount) && (r.headcount as number) >= 0 && (r.headcount as number) <= 100_000 ? (r.headcount as number) : bad(`${at}.headcount`, 'must be a whole number from 0 to 100,000, or absent');
    if (key && name && perRep && headcount !== undefined) roles.push({ key, name, hundredthsPerRep: perRep, headcount });
    return undefined;
  });

  const segmentList = Array.isArray(raw.segments) ? raw.segments : [];
  if (!Array.isArray(raw.segments) || segmentList.length === 0 || segmentList.length > MAX_SEGMENTS) bad('segments', `must list 1 to ${MAX_SEGMENTS} segments`);
  const segments: CoverageSegment[] = [];
  segmentList.forEach((s, i) => {
    const at = `segments[${i}]`;
    if (!isObject(s)) return bad(at, 'must be an object');
    const last = i === segmentList.length - 1;
    const key = typeof s.key === 'string' && KEY.test(s.key) ? s.key : bad(`${at}.key`, 'must be a short key: lowercase letters, digits and dashes, starting with a letter');
    if (key && segments.some((x) => x.key === key)) bad(`${at}.key`, `${key} is listed twice`);
    const name = text(s.name, `${at}.name`);
    // The last segment takes every account the others did not, so every account has a segment.
    let rule: AccountFilter | null | undefined = null;
    if (last && s.rule !== null && s.rule !== undefined) bad(`${at}.rule`, 'the last segment takes every account left: its rule must be null');
    else if (!last) rule = s.rule === null || s.rule === undefined ? bad(`${at}.rule`, 'is required (only the last segment has none)') : readAccountFilter(s.rule, `${at}.rule`, issues);
    const coverageList = Array.isArray(s.coverage) ? s.coverage : s.coverage === undefined ? [] : bad(`${at}.coverage`, 'must be a list');
    const coverage: SegmentCoverage[] = [];
    (coverageList ?? []).forEach((c: unknown, j: number) => {
      const cat = `${at}.coverage[${j}]`;
      if (!isObject(c)) return bad(cat, 'must be an object');
      const role = typeof c.role === 'string' && roleList.some((r) => isObject(r) && r.key === c.role) ? c.role : bad(`${cat}.role`, 'must be the key of one of the roles');
      if (role && coverage.some((x) => x.role === role)) bad(`${cat}.role`, `${role} is listed twice`);
      const perAccount = hours(c.hoursPerAccount, `${cat}.hoursPerAccount`);
      if (role && perAccount !== undefined) coverage.push({ role, hundredthsPerAccount: perAccount });
      return undefined;
    });
    if (key && name && rule !== undefined) segments.push({ key, name, rule, coverage });
    return undefined;
  });
  if (issues.length > 0) throw new DomainError('validation_failed', `the coverage model has ${issues.length} problem${issues.length === 1 ? '' : 's'}: ${issues[0]?.field}: ${issues[0]?.message}`, issues);
  return { segments, roles };
}

/** The model as JSON again (hours as decimal strings), so what is stored reads back the same. */
export function writeCoverageModel(model: CoverageModel): unknown {
  return {
    segments: model.segments.map((s) => ({
      key: s.key, name: s.name, rule: s.rule === null ? null : writeAccountFilter(s.rule),
      coverage: s.coverage.map((c) => ({ role: c.role, hoursPerAccount: formatHours(c.hundredthsPerAccount) })),
    })),
    roles: model.roles.map((r) => ({ key: r.key, name: r.name, hoursPerRep: formatHours(r.hundredthsPerRep), headcount: r.headcount })),
  };
}

/** The key of the first segment whose rule the account passes (the last takes the rest). */
export function segmentOf(model: CoverageModel, account: FilterableAccount): string {
  for (const s of model.segments) if (s.rule === null || matchesFilter(s.rule, account)) return s.key;
  // readCoverageModel makes the last segment's rule null, so this is not reached.
  throw new Error('a coverage model needs a last segment without a rule');
}
