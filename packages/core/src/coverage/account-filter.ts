import type { FieldIssue } from '../errors.js';

/*
 * Boolean filters over account fields: segments use them, and territory assignment rules
 * will. Text compares trimmed and case-insensitively; numbers exactly, money in minor units.
 * An empty field matches only `isEmpty`, `isNot` and `notIn`.
 */

/** `county` is the five-digit FIPS code of the US county an account's location falls in. */
export const TEXT_FIELDS = ['industry', 'region', 'country', 'city', 'postalCode', 'county'] as const;
export const NUMBER_FIELDS = ['employees', 'annualRevenueMinor', 'potentialMinor'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type NumberField = (typeof NUMBER_FIELDS)[number];

/** What a filter reads of an account. */
export type FilterableAccount = { readonly [F in TextField]: string | null } & { readonly [F in NumberField]: bigint | null };

export type AccountFilter =
  | { readonly all: readonly AccountFilter[] }
  | { readonly any: readonly AccountFilter[] }
  | { readonly not: AccountFilter }
  | { readonly field: TextField; readonly op: 'is' | 'isNot'; readonly value: string }
  | { readonly field: TextField; readonly op: 'in' | 'notIn'; readonly values: readonly string[] }
  | { readonly field: NumberField; readonly op: 'gte' | 'gt' | 'lte' | 'lt'; readonly value: bigint }
  | { readonly field: TextField | NumberField; readonly op: 'isEmpty' | 'isSet' };

const norm = (s: string): string => s.trim().toLowerCase();

/** Whether an account passes a filter. */
export function matchesFilter(filter: AccountFilter, account: FilterableAccount): boolean {
  if ('all' in filter) return filter.all.every((f) => matchesFilter(f, account));
  if ('any' in filter) return filter.any.some((f) => matchesFilter(f, account));
  if ('not' in filter) return !matchesFilter(filter.not, account);
  const value = account[filter.field];
  const empty = value === null || (typeof value === 'string' && value.trim() === '');
  switch (filter.op) {
    case 'isEmpty': return empty;
    case 'isSet': return !empty;
    case 'is': return !empty && norm(value as string) === norm(filter.value);
    case 'isNot': return empty || norm(value as string) !== norm(filter.value);
    case 'in': return !empty && filter.values.some((v) => norm(v) === norm(value as string));
    case 'notIn': return empty || !filter.values.some((v) => norm(v) === norm(value as string));
    case 'gte': return !empty && (value as bigint) >= filter.value;
    case 'gt': return !empty && (value as bigint) > filter.value;
    case 'lte': return !empty && (value as bigint) <= filter.value;
    case 'lt': return !empty && (value as bigint) < filter.value;
  }
}

/** Nesting deeper than this is a mistake, not a rule. */
const MAX_DEPTH = 8;
/** Enough for every US county in one list. */
const MAX_VALUES = 5000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const includes = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
const INTEGER = /^-?\d{1,30}$/;

/**
 * Reads a filter from JSON (numbers as integer strings, money in minor units), adding a
 * problem per bad part to `issues`, each named by its path (`segments[1].rule.all[0].value`).
 */
export function readAccountFilter(raw: unknown, path: string, issues: FieldIssue[], depth = 0): AccountFilter | undefined {
  const bad = (field: string, message: string): undefined => {
    issues.push({ field, message });
    return undefined;
  };
  if (!isObject(raw)) return bad(path, 'must be an object: { all: [...] }, { any: [...] }, { not: ... } or { field, op, ... }');
  if (depth >= MAX_DEPTH) return bad(path, `nests deeper than ${MAX_DEPTH} levels`);
  for (const group of ['all', 'any'] as const) {
    if (group in raw) {
      const list = raw[group];
      if (!Array.isArray(list) || list.length === 0) return bad(`${path}.${group}`, 'must be a non-empty list of filters');
      const parts = list.map((f, i) => readAccountFilter(f, `${path}.${group}[${i}]`, issues, depth + 1));
      if (!parts.every((p) => p !== undefined)) return undefined;
      return group === 'all' ? { all: parts } : { any: parts };
    }
  }
  if ('not' in raw) {
    const inner = readAccountFilter(raw.not, `${path}.not`, issues, depth + 1);
    return inner && { not: inner };
  }
  const { field, op } = raw;
  const isText = includes(TEXT_FIELDS, field);
  if (!isText && !includes(NUMBER_FIELDS, field)) return bad(`${path}.field`, `must be one of ${[...TEXT_FIELDS, ...NUMBER_FIELDS].join(', ')}`);
  if (op === 'isEmpty' || op === 'isSet') return { field, op };
  if (isText) {
    if (op === 'is' || op === 'isNot') return typeof raw.value === 'string' && raw.value.trim() !== '' ? { field, op, value: raw.value } : bad(`${path}.value`, 'must be a text');
    if (op === 'in' || op === 'notIn') {
      const values = raw.values;
      if (!Array.isArray(values) || values.length === 0 || values.length > MAX_VALUES || !values.every((v) => typeof v === 'string')) return bad(`${path}.values`, `must be a list of 1 to ${MAX_VALUES} texts`);
      return { field, op, values: values as string[] };
    }
    return bad(`${path}.op`, 'for a text field must be is, isNot, in, notIn, isEmpty or isSet');
  }
  if (op === 'gte' || op === 'gt' || op === 'lte' || op === 'lt') {
    const value = raw.value;
    if (typeof value !== 'string' || !INTEGER.test(value)) return bad(`${path}.value`, 'must be a whole number as a string (money in minor units)');
    return { field, op, value: BigInt(value) };
  }
  return bad(`${path}.op`, 'for a number field must be gte, gt, lte, lt, isEmpty or isSet');
}

/** A filter as JSON again (numbers as strings). */
export function writeAccountFilter(filter: AccountFilter): unknown {
  if ('all' in filter) return { all: filter.all.map(writeAccountFilter) };
  if ('any' in filter) return { any: filter.any.map(writeAccountFilter) };
  if ('not' in filter) return { not: writeAccountFilter(filter.not) };
  if ('value' in filter) return { field: filter.field, op: filter.op, value: typeof filter.value === 'bigint' ? filter.value.toString() : filter.value };
  return { ...filter };
}

/** Whether a filter reads a field anywhere in it (a field that costs something to compute is computed only then). */
export function filterReads(filter: AccountFilter, field: TextField | NumberField): boolean {
  if ('all' in filter) return filter.all.some((f) => filterReads(f, field));
  if ('any' in filter) return filter.any.some((f) => filterReads(f, field));
  if ('not' in filter) return filterReads(filter.not, field);
  return filter.field === field;
}
