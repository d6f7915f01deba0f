import type { RecordMeta } from '@attain/core';

/** How a record field is held in a column; decides conversion in both directions. */
export type FieldKind = 'text' | 'int' | 'bigint' | 'real' | 'bool' | 'date' | 'instant';

/**
 * Describes one CRM table for the generic repository: the fields of its core type (each
 * stored in the snake_case column of the same name), which fields the search text is made
 * of, and which can be filtered and sorted in lists.
 */
export interface EntitySpec<T extends RecordMeta> {
  readonly name: string;
  readonly table: string;
  /** Fields beyond the common meta fields. */
  readonly fields: { readonly [K in Exclude<keyof T, keyof RecordMeta>]: FieldKind };
  readonly search: readonly (keyof T & string)[];
  readonly sortable: readonly (keyof T & string)[];
  readonly filterable: readonly (keyof T & string)[];
  readonly defaultSort: keyof T & string;
}

export const META_FIELDS: Record<keyof RecordMeta, FieldKind> = {
  id: 'text',
  orgId: 'text',
  externalId: 'text',
  createdAt: 'instant',
  updatedAt: 'instant',
  archivedAt: 'instant',
  version: 'int',
};

export const columnOf = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

interface FieldColumn {
  readonly field: string;
  readonly column: string;
  readonly kind: FieldKind;
}

const columnsCache = new WeakMap<object, readonly FieldColumn[]>();

/** All fields of a spec with their columns and kinds, meta fields first; computed once per spec. */
export function fieldColumns<T extends RecordMeta>(spec: EntitySpec<T>): readonly FieldColumn[] {
  let list = columnsCache.get(spec);
  if (!list) {
    list = [...Object.entries(META_FIELDS), ...Object.entries(spec.fields as Record<string, FieldKind>)].map(([field, kind]) => ({ field, column: columnOf(field), kind }));
    columnsCache.set(spec, list);
  }
  return list;
}

/** All fields of a spec with their kinds, meta fields first. */
export function allFields<T extends RecordMeta>(spec: EntitySpec<T>): [string, FieldKind][] {
  return fieldColumns(spec).map((f) => [f.field, f.kind]);
}

/** Converts a column value as either driver returns it into the record's JS value. */
export function fromColumn(kind: FieldKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'bigint':
      return BigInt(value as bigint | number | string);
    case 'int':
    case 'real':
      return Number(value);
    case 'bool':
      return Number(value) === 1 || value === true;
    default:
      return String(value);
  }
}

/** Converts a record's JS value into what both drivers bind. */
export function toColumn(kind: FieldKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'bool') return value ? 1 : 0;
  if (kind === 'int' && typeof value === 'number') return Math.trunc(value);
  return value;
}

export function rowToRecord<T extends RecordMeta>(spec: EntitySpec<T>, row: Record<string, unknown>): T {
  const record: Record<string, unknown> = {};
  for (const { field, column, kind } of fieldColumns(spec)) record[field] = fromColumn(kind, row[column]);
  return record as T;
}

export function recordToRow<T extends RecordMeta>(spec: EntitySpec<T>, record: Partial<T>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const { field, column, kind } of fieldColumns(spec)) {
    if (field in record) row[column] = toColumn(kind, (record as Record<string, unknown>)[field]);
  }
  return row;
}
