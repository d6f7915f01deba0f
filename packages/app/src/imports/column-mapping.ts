import { DomainError, type FieldIssue } from '@attain/core';
import { nativeColumns, type CsvEntitySpec, type FieldColumn, type RefColumn } from './csv-entities.js';
import type { Preset } from '@attain/core';

/** What one header of the file feeds: a field, a relation, our record id, or nothing. */
export type ColumnTarget = FieldColumn | RefColumn | 'id' | 'ignored';

export interface MappedColumn {
  readonly index: number;
  /** The header as written in the file. */
  readonly header: string;
  /** The native column name it maps to. */
  readonly native: string;
  readonly target: Exclude<ColumnTarget, 'ignored'>;
}

export interface ColumnMapping {
  readonly columns: readonly MappedColumn[];
  readonly headerCount: number;
  /** Native column name -> the mapped columns that feed it, in file order (the first non-empty wins). */
  readonly byNative: ReadonlyMap<string, readonly MappedColumn[]>;
  /** Record field -> the header to name in errors about it. */
  readonly headerOfField: ReadonlyMap<string, string>;
  readonly warnings: readonly string[];
}

/** A custom mapping: source header -> native column name, or null to skip the column. */
export type CustomMapping = Readonly<Record<string, string | null>>;

const fold = (s: string): string => s.trim().toLowerCase();

function lookup<T>(table: Readonly<Record<string, T>> | ReadonlyMap<string, T>, header: string): T | undefined {
  const entries = table instanceof Map ? [...table.entries()] : Object.entries(table);
  const exact = entries.find(([k]) => k === header);
  if (exact) return exact[1];
  return entries.find(([k]) => fold(k) === fold(header))?.[1];
}

/** Checks a custom mapping names only columns the entity has, naming each bad entry. */
export function checkCustomMapping(spec: CsvEntitySpec, mapping: unknown): CustomMapping {
  const native = nativeColumns(spec);
  if (mapping === null || typeof mapping !== 'object' || Array.isArray(mapping)) {
    throw new DomainError('validation_failed', 'The mapping must be a JSON object of "source column": "target column".', [{ field: 'mapping', message: 'must be an object' }]);
  }
  const issues: FieldIssue[] = [];
  for (const [source, target] of Object.entries(mapping as Record<string, unknown>)) {
    if (target === null || target === '') continue;
    if (typeof target !== 'string' || !native.has(target)) {
      issues.push({ field: `mapping.${source}`, message: `"${String(target)}" is not a column of ${spec.entity}; use one of: ${[...native.keys()].join(', ')}` });
    }
  }
  if (issues.length) throw new DomainError('validation_failed', `The mapping names unknown columns of ${spec.entity}.`, issues);
  return mapping as CustomMapping;
}

/**
 * Maps the header of a file to native columns: the custom mapping first, then the preset,
 * then our own column names (all matched case-insensitively). Unknown headers are reported
 * as warnings and ignored; columns of our export that carry nothing to import are ignored silently.
 */
export function mapColumns(spec: CsvEntitySpec, headers: readonly string[], preset: Preset, custom: CustomMapping = {}): ColumnMapping {
  const native = nativeColumns(spec);
  const columns: MappedColumn[] = [];
  const warnings: string[] = [];
  headers.forEach((raw, index) => {
    const header = raw.trim();
    const customTarget = lookup(custom, header);
    if (customTarget === null || customTarget === '') return;
    const name = customTarget ?? lookup(preset.columns, header) ?? (native.has(header) ? header : [...native.keys()].find((k) => fold(k) === fold(header)));
    const target = name === undefined ? undefined : native.get(name);
    if (name === undefined || target === undefined) {
      warnings.push(header === '' ? `column ${index + 1} has no header and is ignored` : `column "${header}" is not a column of ${spec.entity} and is ignored`);
      return;
    }
    if (target === 'ignored') return;
    columns.push({ index, header, native: name, target });
  });
  const byNative = new Map<string, MappedColumn[]>();
  for (const c of columns) byNative.set(c.native, [...(byNative.get(c.native) ?? []), c]);
  const headerOfField = new Map<string, string>();
  for (const c of columns) {
    const field = c.target === 'id' ? 'id' : 'field' in c.target ? c.target.field : c.target.ref.field;
    if (!headerOfField.has(field)) headerOfField.set(field, c.header);
  }
  return { columns, headerCount: headers.length, byNative, headerOfField, warnings };
}
