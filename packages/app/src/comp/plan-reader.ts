import { parseDecimal, parseMajorToMinor, type Decimal } from '@attain/core';
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import { PLAN_FILE_LIMITS, type PlanIssue } from './plan-schema.js';

// Typed reading of YAML nodes for plan files: each reader returns a value or records an
// issue at the node's line and column and returns undefined, so one pass reports everything.

export const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export interface Reader {
  readonly text: string;
  readonly doc: Document;
  readonly lines: LineCounter;
  readonly issues: PlanIssue[];
  /** Where each field path sits, so issues found later (by core) can be placed. */
  readonly positions: Map<string, { line: number; column: number }>;
  aliases: number;
}

export type Field = YamlNode | null | undefined;

export function where(r: Reader, offset: number | undefined): { line: number; column: number } {
  if (offset === undefined) return { line: 1, column: 1 };
  const { line, col } = r.lines.linePos(offset);
  return { line, column: col };
}

export function add(r: Reader, path: string, node: Field, message: string): undefined {
  const at = node?.range ? where(r, node.range[0]) : (nearest(r, path) ?? { line: 1, column: 1 });
  r.issues.push({ field: path, message, ...at });
  return undefined;
}

/** The position of a path, or of its closest recorded ancestor. */
export function nearest(r: Reader, path: string): { line: number; column: number } | undefined {
  for (let p = path; p.length > 0; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
    const at = r.positions.get(p);
    if (at) return at;
    if (!/(\.[^.[\]]+|\[\d+\])$/.test(p)) break;
  }
  return undefined;
}

/** Follows an alias to its anchor, within a budget: expansions, not the file, are what grow. */
export function deref(r: Reader, node: unknown, path: string): Field {
  let current = node;
  while (isAlias(current)) {
    r.aliases += 1;
    if (r.aliases > PLAN_FILE_LIMITS.maxAliases) {
      add(r, path, current, `more than ${PLAN_FILE_LIMITS.maxAliases} alias expansions`);
      return undefined;
    }
    const target: unknown = current.resolve(r.doc);
    if (target === undefined) {
      add(r, path, current, `alias *${current.source} has no anchor before it`);
      return undefined;
    }
    current = target;
  }
  return current as Field;
}

export function record(r: Reader, path: string, node: Field): void {
  if (node?.range) r.positions.set(path, where(r, node.range[0]));
}

/** A mapping with only the allowed keys: unknown keys are errors, so a typo never passes silently. */
export function mapping(r: Reader, raw: unknown, path: string, allowed: readonly string[], required: readonly string[] = []): Map<string, Field> | undefined {
  // An absent required key was already reported by its parent mapping.
  if (raw === undefined) return undefined;
  const node = deref(r, raw, path);
  if (!isMap(node)) return add(r, path, node, 'must be a mapping');
  record(r, path, node);
  const out = new Map<string, Field>();
  for (const pair of node.items) {
    const keyNode = pair.key as Field;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    if (key === undefined) {
      add(r, path, keyNode ?? node, 'keys must be plain names');
      continue;
    }
    const at = `${path}.${key}`;
    if (!allowed.includes(key)) {
      add(r, at, keyNode, `unknown key '${key}' (expected one of ${allowed.join(', ')})`);
      continue;
    }
    const value = deref(r, pair.value, at);
    record(r, at, value ?? keyNode);
    out.set(key, value);
  }
  for (const key of required) if (!out.has(key)) add(r, `${path}.${key}`, node, 'is required');
  return out;
}

export function sequence(r: Reader, raw: Field, path: string, max: number): Field[] | undefined {
  if (raw === undefined) return undefined;
  if (!isSeq(raw)) return add(r, path, raw, 'must be a list');
  if (raw.items.length > max) return add(r, path, raw, `at most ${max} entries`);
  return raw.items.map((item, i) => {
    const node = deref(r, item, `${path}[${i}]`);
    record(r, `${path}[${i}]`, node);
    return node;
  });
}

/**
 * The text of a scalar. Numbers are taken from the source, never from the parsed float,
 * so `0.1` stays exactly "0.1" and `100000.005` is not silently rounded.
 */
export function text(r: Reader, node: Field, path: string): string | undefined {
  if (node === undefined) return undefined;
  if (!isScalar(node)) return add(r, path, node, 'must be a single value');
  if (typeof node.value === 'string') return node.value;
  if (typeof node.value === 'number' && node.range) return r.text.slice(node.range[0], node.range[1]).trim();
  return add(r, path, node, 'must be a string or a number');
}

export function oneOf<T extends string>(r: Reader, node: Field, path: string, values: readonly T[]): T | undefined {
  const v = text(r, node, path);
  if (v === undefined) return undefined;
  if (!(values as readonly string[]).includes(v)) return add(r, path, node, `must be one of ${values.join(', ')}`);
  return v as T;
}

export function identifier(r: Reader, node: Field, path: string): string | undefined {
  const v = text(r, node, path);
  if (v !== undefined && !ID.test(v)) return add(r, path, node, 'must be 1-64 letters, digits, _ . - (starting with a letter or digit)');
  return v;
}

export function name(r: Reader, node: Field, path: string): string | undefined {
  const v = text(r, node, path);
  if (v !== undefined && (v.trim() === '' || v.length > 200)) return add(r, path, node, 'must be 1-200 characters');
  return v;
}

export function date(r: Reader, node: Field, path: string): string | undefined {
  const v = text(r, node, path);
  if (v === undefined) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  if (!DATE.test(v) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) return add(r, path, node, 'must be a date YYYY-MM-DD');
  return v;
}

export function decimal(r: Reader, node: Field, path: string): Decimal | undefined {
  const v = text(r, node, path);
  if (v === undefined) return undefined;
  if (v.length > 40) return add(r, path, node, 'at most 40 characters');
  try {
    return parseDecimal(v);
  } catch {
    return add(r, path, node, `must be a decimal such as "0.10" (got "${v}")`);
  }
}

/** Money in major units of the plan currency, exactly: more decimals than the currency has is an error. */
export function money(r: Reader, node: Field, path: string, currency: string): bigint | undefined {
  const v = text(r, node, path);
  if (v === undefined) return undefined;
  if (v.length > 40 || !/^[+-]?\d+(\.\d+)?$/.test(v.trim())) return add(r, path, node, `must be an amount in ${currency} such as "1234.50" (got "${v}")`);
  try {
    return parseMajorToMinor(v, currency);
  } catch (error) {
    return add(r, path, node, (error as Error).message);
  }
}

export function count(r: Reader, node: Field, path: string): bigint | undefined {
  const v = text(r, node, path);
  if (v === undefined) return undefined;
  if (!/^\d{1,15}$/.test(v)) return add(r, path, node, `must be a whole count (got "${v}")`);
  return BigInt(v);
}

export function positiveInt(r: Reader, node: Field, path: string): number | undefined {
  const v = text(r, node, path);
  if (v === undefined) return undefined;
  if (!/^\d{1,9}$/.test(v) || Number(v) < 1) return add(r, path, node, 'must be a whole number >= 1');
  return Number(v);
}

/** What a measure's values are: money (sum) or a count; edges and thresholds are read accordingly. */
export type Unit = 'money' | 'count';

export function quantity(r: Reader, node: Field, path: string, unit: Unit, currency: string): bigint | undefined {
  return unit === 'money' ? money(r, node, path, currency) : count(r, node, path);
}

export function bool(r: Reader, node: Field, path: string): boolean | undefined {
  if (node === undefined) return undefined;
  if (isScalar(node) && typeof node.value === 'boolean') return node.value;
  return add(r, path, node, 'must be true or false');
}

export function dateRange(r: Reader, raw: Field, path: string): { from: string; to: string } | undefined {
  const m = mapping(r, raw, path, ['from', 'to'], ['from', 'to']);
  if (!m) return undefined;
  const from = date(r, m.get('from'), `${path}.from`);
  const to = date(r, m.get('to'), `${path}.to`);
  if (from && to && from > to) return add(r, `${path}.to`, m.get('to'), `must not be before from (${from})`);
  return from && to ? { from, to } : undefined;
}

/** A mapping from names to values; `allowedKeys` (if given) are the only names it may use. */
export function keyed<T>(r: Reader, raw: Field, path: string, allowedKeys: readonly string[] | undefined, value: (node: Field, path: string, key: string) => T | undefined): Record<string, T> | undefined {
  if (raw === undefined) return {};
  if (!isMap(raw)) return add(r, path, raw, 'must be a mapping');
  if (raw.items.length > PLAN_FILE_LIMITS.maxComponents + 1) return add(r, path, raw, 'too many entries');
  const out: Record<string, T> = {};
  let ok = true;
  for (const pair of raw.items) {
    const keyNode = pair.key as Field;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    if (key === undefined || (allowedKeys && !allowedKeys.includes(key)) || (!allowedKeys && !ID.test(key))) {
      add(r, `${path}.${key ?? '?'}`, keyNode ?? raw, allowedKeys ? `unknown key '${key ?? '?'}' (expected one of ${allowedKeys.join(', ')})` : 'must be a measure name');
      ok = false;
      continue;
    }
    const v = value(deref(r, pair.value, `${path}.${key}`), `${path}.${key}`, key);
    if (v === undefined) ok = false;
    else Object.defineProperty(out, key, { value: v, enumerable: true, writable: false, configurable: false });
  }
  return ok ? out : undefined;
}
