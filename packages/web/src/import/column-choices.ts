import { nativeColumnsOf, type ImportEntity } from './import-columns.js';
import { presetFor } from '@attain/core';
import type { ImportSource } from './import-presets.js';

/*
 * The mapping step's model: for each header of the file, the native column it feeds or
 * null (skipped). Defaults are what the server does without a custom mapping
 * (packages/app/src/imports/column-mapping.ts: the preset first, then our own column
 * names, both matched exactly and then case-insensitively); the user's changes sit on top.
 */

/** A native column name, or null to skip the column. */
export type Choice = string | null;
export type Choices = Readonly<Record<string, Choice>>;

export interface DefaultChoice {
  readonly choice: Choice;
  /** False when neither the preset nor our column names know the header (the server would warn and skip it). */
  readonly known: boolean;
}

const fold = (s: string): string => s.trim().toLowerCase();

function lookup<T>(table: Readonly<Record<string, T>>, header: string): T | undefined {
  if (Object.hasOwn(table, header)) return table[header];
  const key = Object.keys(table).find((k) => fold(k) === fold(header));
  return key === undefined ? undefined : table[key];
}

/** What the server maps a header to when the custom mapping does not name it. */
export function defaultChoice(entity: ImportEntity, source: ImportSource, header: string): DefaultChoice {
  const trimmed = header.trim();
  const native = nativeColumnsOf(entity);
  const name = lookup(presetFor(source, entity).columns, trimmed) ?? [...native.keys()].find((k) => k === trimmed) ?? [...native.keys()].find((k) => fold(k) === fold(trimmed));
  const kind = name === undefined ? undefined : native.get(name);
  if (name === undefined || kind === undefined) return { choice: null, known: false };
  // Columns our export writes but an import does not read (createdAt...): skipped without a warning.
  return { choice: kind === 'ignored' ? null : name, known: true };
}

/** The distinct headers of a file, in order (two columns with one header share their choice, as on the server). */
export const distinctHeaders = (header: readonly string[]): string[] => [...new Set(header.map((h) => h.trim()))];

export function defaultChoices(entity: ImportEntity, source: ImportSource, header: readonly string[]): Choices {
  return Object.fromEntries(distinctHeaders(header).map((h) => [h, defaultChoice(entity, source, h).choice]));
}

/** The longest `mapping` parameter the API takes (characters). */
export const MAX_MAPPING_CHARS = 20_000;

/**
 * The `mapping` query parameter: every header with its choice, so the server does exactly
 * what the table showed even where our copy of the presets differs from the server's; when
 * that is too long for the API, only the choices that differ from the defaults. Null when
 * even those do not fit (the CLI takes a mapping file of any size).
 */
export function mappingParam(header: readonly string[], choices: Choices, defaults: Choices): string | null {
  const headers = distinctHeaders(header);
  const full = JSON.stringify(Object.fromEntries(headers.map((h) => [h, choices[h] ?? null])));
  if (full.length <= MAX_MAPPING_CHARS) return full;
  const changed = JSON.stringify(Object.fromEntries(headers.filter((h) => (choices[h] ?? null) !== (defaults[h] ?? null)).map((h) => [h, choices[h] ?? null])));
  return changed.length <= MAX_MAPPING_CHARS ? changed : null;
}

/** For each native column fed by more than one header, those headers in file order (the first non-empty cell wins). */
export function sharedTargets(header: readonly string[], choices: Choices): ReadonlyMap<string, readonly string[]> {
  const byTarget = new Map<string, string[]>();
  for (const h of distinctHeaders(header)) {
    const target = choices[h];
    if (target) byTarget.set(target, [...(byTarget.get(target) ?? []), h]);
  }
  return new Map([...byTarget].filter(([, headers]) => headers.length > 1));
}
