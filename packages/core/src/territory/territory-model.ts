import { isCalendarDate } from '../calendar.js';
import { readAccountFilter, writeAccountFilter, type AccountFilter } from '../coverage/account-filter.js';
import { DomainError, type FieldIssue } from '../errors.js';

/*
 * A territory model: territories in a hierarchy (territory, district, region, area or any
 * depth), each with a type and members (people or to-be-hired placeholders with a role, dated),
 * assignment rules in an order of precedence (the "coin sort": the first rule an account passes
 * places it, rules of territories with a higher-priority type first), manual assignments and
 * locks that override the rules. The member holding `ownerRole` owns the territory's accounts.
 */

export interface TerritoryType {
  readonly key: string;
  readonly name: string;
  /** 1 is evaluated first. */
  readonly priority: number;
}

export interface TerritoryMember {
  /** Null for a to-be-hired placeholder. */
  readonly personId: string | null;
  readonly placeholder: string | null;
  readonly role: string;
  /** Both inclusive; null is open. */
  readonly from: string | null;
  readonly to: string | null;
}

export interface Territory {
  readonly key: string;
  readonly name: string;
  readonly parent: string | null;
  /** territory, district, region, area or any word the organisation uses. */
  readonly level: string;
  readonly type: string | null;
  readonly members: readonly TerritoryMember[];
}

export interface AssignmentRule {
  readonly territory: string;
  readonly filter: AccountFilter;
}

export interface TerritoryModel {
  readonly ownerRole: string;
  readonly types: readonly TerritoryType[];
  readonly territories: readonly Territory[];
  readonly rules: readonly AssignmentRule[];
  /** Accounts placed by hand: they override the rules. */
  readonly manual: readonly { readonly accountId: string; readonly territory: string }[];
  /** Accounts that keep the territory they are in, whatever the rules say. */
  readonly locks: readonly string[];
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
const LIMITS = { types: 50, territories: 5000, rules: 10_000, members: 50, manual: 200_000 };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Reads a territory model from JSON, reporting every problem at once, each named by its path
 * (`territories[3].members[0].from`): keys unique, parents and types that exist and no parent
 * cycle, members with a person or a placeholder and ordered dates, rules and manual assignments
 * pointing at territories of the model.
 */
export function readTerritoryModel(raw: unknown): TerritoryModel {
  const issues: FieldIssue[] = [];
  const bad = (field: string, message: string): undefined => {
    issues.push({ field, message });
    return undefined;
  };
  const text = (v: unknown, field: string, max = 100): string | undefined => (typeof v === 'string' && v.trim() !== '' && v.length <= max ? v.trim() : bad(field, `must be a text of 1 to ${max} characters`));
  const key = (v: unknown, field: string): string | undefined => (typeof v === 'string' && KEY.test(v) ? v : bad(field, 'must be a key of 1 to 40 letters, digits, dots, dashes or underscores'));
  const list = (v: unknown, field: string, max: number): unknown[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.length > max) bad(field, `must be a list of at most ${max}`);
    return listOf(v).slice(0, max);
  };
  const date = (v: unknown, field: string): string | null | undefined => (v === null || v === undefined ? null : typeof v === 'string' && isCalendarDate(v) ? v : bad(field, 'must be a date YYYY-MM-DD or null'));
  if (!isObject(raw)) throw new DomainError('validation_failed', 'the territory model must be an object with territories and rules', [{ field: 'model', message: 'must be an object' }]);

  const ownerRole = key(raw.ownerRole, 'ownerRole');

  const types: TerritoryType[] = [];
  list(raw.types, 'types', LIMITS.types).forEach((t, i) => {
    const at = `types[${i}]`;
    if (!isObject(t)) return bad(at, 'must be an object');
    const k = key(t.key, `${at}.key`);
    if (k && types.some((x) => x.key === k)) bad(`${at}.key`, `${k} is listed twice`);
    const name = text(t.name, `${at}.name`);
    const priority = Number.isInteger(t.priority) && (t.priority as number) >= 1 && (t.priority as number) <= 1000 ? (t.priority as number) : bad(`${at}.priority`, 'must be a whole number from 1 (first) to 1,000');
    if (k && name && priority !== undefined) types.push({ key: k, name, priority });
    return undefined;
  });

  const rawTerritories = list(raw.territories, 'territories', LIMITS.territories);
  const keys = new Set(rawTerritories.map((t) => (isObject(t) ? t.key : undefined)).filter((k): k is string => typeof k === 'string'));
  const territories: Territory[] = [];
  rawTerritories.forEach((t, i) => {
    const at = `territories[${i}]`;
    if (!isObject(t)) return bad(at, 'must be an object');
    let k = key(t.key, `${at}.key`);
    if (k && rawTerritories.slice(0, i).some((x) => isObject(x) && x.key === k)) k = bad(`${at}.key`, `${k} is listed twice`);
    const name = text(t.name, `${at}.name`);
    const level = t.level === undefined ? 'territory' : text(t.level, `${at}.level`, 40);
    const parent = t.parent === null || t.parent === undefined ? null : typeof t.parent === 'string' && keys.has(t.parent) && t.parent !== k ? t.parent : bad(`${at}.parent`, 'must be the key of another territory of the model, or null');
    const type = t.type === null || t.type === undefined ? null : typeof t.type === 'string' && types.some((x) => x.key === t.type) ? t.type : bad(`${at}.type`, 'must be the key of one of the types, or null');
    const members: TerritoryMember[] = [];
    list(t.members, `${at}.members`, LIMITS.members).forEach((m, j) => {
      const mat = `${at}.members[${j}]`;
      if (!isObject(m)) return bad(mat, 'must be an object');
      const personId = m.personId === null || m.personId === undefined ? null : text(m.personId, `${mat}.personId`);
      const placeholder = m.placeholder === null || m.placeholder === undefined ? null : text(m.placeholder, `${mat}.placeholder`);
      if (personId === null && placeholder === null) bad(`${mat}.personId`, 'a member is a person, or a placeholder named for the hire to come');
      if (personId && placeholder) bad(`${mat}.placeholder`, 'a member is a person or a placeholder, not both');
      const role = key(m.role, `${mat}.role`);
      const from = date(m.from, `${mat}.from`);
      const to = date(m.to, `${mat}.to`);
      if (from && to && to < from) bad(`${mat}.to`, `must not be before from (${from})`);
      if (personId !== undefined && placeholder !== undefined && role && from !== undefined && to !== undefined) members.push({ personId, placeholder, role, from, to });
      return undefined;
    });
    if (k && name && level && parent !== undefined && type !== undefined) territories.push({ key: k, name, parent, level, type, members });
    return undefined;
  });
  // A parent chain that comes back to itself has no top.
  const parentOf = new Map(territories.map((t) => [t.key, t.parent]));
  territories.forEach((t) => {
    const seen = new Set<string>([t.key]);
    for (let p = t.parent; p !== null; p = parentOf.get(p) ?? null) {
      if (seen.has(p)) return void bad(`territories[${rawTerritories.findIndex((x) => isObject(x) && x.key === t.key)}].parent`, `${t.key}'s parents come back to ${p}: the hierarchy must have a top`);
      seen.add(p);
    }
  });

  const territoryKey = (v: unknown, field: string): string | undefined => (typeof v === 'string' && keys.has(v) ? v : bad(field, 'must be the key of a territory of the model'));
  const rules: AssignmentRule[] = [];
  list(raw.rules, 'rules', LIMITS.rules).forEach((r, i) => {
    const at = `rules[${i}]`;
    if (!isObject(r)) return bad(at, 'must be an object');
    const territory = territoryKey(r.territory, `${at}.territory`);
    const filter = readAccountFilter(r.filter, `${at}.filter`, issues);
    if (territory && filter) rules.push({ territory, filter });
    return undefined;
  });

  const manual: { accountId: string; territory: string }[] = [];
  const placed = new Set<string>();
  list(raw.manual, 'manual', LIMITS.manual).forEach((m, i) => {
    const at = `manual[${i}]`;
    if (!isObject(m)) return bad(at, 'must be an object');
    const accountId = text(m.accountId, `${at}.accountId`);
    if (accountId && placed.has(accountId)) bad(`${at}.accountId`, `${accountId} is placed twice`);
    const territory = territoryKey(m.territory, `${at}.territory`);
    if (accountId && territory) {
      placed.add(accountId);
      manual.push({ accountId, territory });
    }
    return undefined;
  });
  const locks: string[] = [];
  list(raw.locks, 'locks', LIMITS.manual).forEach((l, i) => {
    const accountId = text(l, `locks[${i}]`);
    if (accountId && placed.has(accountId)) bad(`locks[${i}]`, `${accountId} is placed by hand already: a lock keeps an account where it is`);
    else if (accountId && !locks.includes(accountId)) locks.push(accountId);
  });

  if (issues.length > 0) throw new DomainError('validation_failed', `the territory model has ${issues.length} problem${issues.length === 1 ? '' : 's'}: ${issues[0]?.field}: ${issues[0]?.message}`, issues);
  return { ownerRole: ownerRole as string, types, territories, rules, manual, locks };
}

/** The model as JSON again, so what is stored reads back the same. */
export function writeTerritoryModel(model: TerritoryModel): unknown {
  return {
    ownerRole: model.ownerRole,
    types: model.types.map((t) => ({ ...t })),
    territories: model.territories.map((t) => ({ key: t.key, name: t.name, parent: t.parent, level: t.level, type: t.type, members: t.members.map((m) => ({ ...m })) })),
    rules: model.rules.map((r) => ({ territory: r.territory, filter: writeAccountFilter(r.filter) })),
    manual: model.manual.map((m) => ({ ...m })),
    locks: [...model.locks],
  };
}

/** An empty model to start from: one owner role, no territories. */
export const EMPTY_TERRITORY_MODEL: TerritoryModel = { ownerRole: 'ae', types: [], territories: [], rules: [], manual: [], locks: [] };

/**
 * The rules in the order they are tried: by their territory's type priority (1 first; a
 * territory without a type after every typed one), then as listed.
 */
export function rulesInOrder(model: TerritoryModel): readonly AssignmentRule[] {
  const priority = new Map(model.types.map((t) => [t.key, t.priority]));
  const rank = new Map(model.territories.map((t) => [t.key, t.type === null ? Number.MAX_SAFE_INTEGER : (priority.get(t.type) ?? Number.MAX_SAFE_INTEGER)]));
  return model.rules.map((r, i) => ({ r, i, p: rank.get(r.territory) ?? Number.MAX_SAFE_INTEGER })).sort((a, b) => a.p - b.p || a.i - b.i).map((x) => x.r);
}

/** Who owns a territory's accounts on a date: the first member listed with the owner role in force then. */
export function territoryOwnerOn(model: TerritoryModel, territory: string, date: string): TerritoryMember | null {
  const t = model.territories.find((x) => x.key === territory);
  return t?.members.find((m) => m.role === model.ownerRole && (m.from === null || m.from <= date) && (m.to === null || date <= m.to)) ?? null;
}

/** The keys of a territory and every territory above it, nearest first. */
export function territoryPath(model: TerritoryModel, territory: string): string[] {
  const parentOf = new Map(model.territories.map((t) => [t.key, t.parent]));
  const path: string[] = [];
  for (let k: string | null = territory; k !== null && !path.includes(k); k = parentOf.get(k) ?? null) path.push(k);
  return path;
}
