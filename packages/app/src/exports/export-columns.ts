import { formatMinorAsMajor, neutraliseCsvCell, ownerInScope, type Actor, type RecordMeta } from '@attain/core';
import type { Db } from '@attain/store';
import { TARGETS, type CsvEntitySpec, type FieldColumn, type RefSpec, type TargetName } from '../imports/csv-entities.js';

/*
 * The columns of an export and how each cell is written. Text is neutralised against
 * spreadsheet formula injection (a leading quote before = + - @ tab CR, which the import
 * strips again). Numbers (money as major-unit decimals, counts, coordinates) are written
 * as plain numbers: they come from validated numeric fields, so "-1250.00" is a negative
 * amount, never a formula, and must stay a number for the spreadsheet and the round trip.
 */

type Row = Record<string, unknown>;
type Related = Map<string, Row>;

export interface ExportColumn {
  readonly name: string;
  cell(record: Row, related: ReadonlyMap<TargetName, Related>): string;
}

const NUMERIC = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** A cell of a numeric column: written as is when it is a plain number, neutralised otherwise (defence in depth). */
const numberCell = (text: string): string => (NUMERIC.test(text) ? text : neutraliseCsvCell(text));

const textCell = (value: unknown): string => (value === null || value === undefined ? '' : neutraliseCsvCell(String(value)));

function fieldColumn(column: FieldColumn): ExportColumn {
  const { field } = column;
  switch (column.type) {
    case 'money':
      return {
        name: column.column,
        cell: (r) => (typeof r[field] === 'bigint' ? numberCell(formatMinorAsMajor(r[field], String(r.currency))) : ''),
      };
    case 'int':
    case 'real':
      return { name: column.column, cell: (r) => (typeof r[field] === 'number' ? numberCell(String(r[field])) : '') };
    default:
      return { name: column.column, cell: (r) => textCell(r[field]) };
  }
}

/** The columns carrying a relation: the id, and where the target has them its external id, e-mail and name. */
function refExportColumns(ref: RefSpec, actor: Actor): ExportColumn[] {
  const target = TARGETS[ref.target];
  // Owned targets (an account of a contact) show more than the id only when the actor may read them.
  const owned = ['account', 'contact', 'lead', 'opportunity'].includes(ref.target);
  const other = (r: Row, related: ReadonlyMap<TargetName, Related>): Row | undefined => {
    const id = r[ref.field];
    if (typeof id !== 'string') return undefined;
    const found = related.get(ref.target)?.get(id);
    if (!found || (owned && !ownerInScope(actor, (found.ownerId as string | null | undefined) ?? null))) return undefined;
    return found;
  };
  const columns: ExportColumn[] = [{ name: `${ref.prefix}Id`, cell: (r) => textCell(r[ref.field]) }];
  if (target.exportExternalId) columns.push({ name: `${ref.prefix}ExternalId`, cell: (r, rel) => textCell(other(r, rel)?.externalId) });
  if (target.email) columns.push({ name: `${ref.prefix}Email`, cell: (r, rel) => textCell(other(r, rel)?.email) });
  if (target.nameField) {
    const nameField = target.nameField;
    columns.push({ name: `${ref.prefix}Name`, cell: (r, rel) => textCell(other(r, rel)?.[nameField]) });
  }
  return columns;
}

function exportOnlyColumn(name: string): ExportColumn {
  return { name, cell: (r) => (typeof r[name] === 'boolean' ? String(r[name]) : textCell(r[name])) };
}

/** Every column of an entity's export, in order: id, fields, relations, then derived and system fields. */
export function exportColumns(spec: CsvEntitySpec, actor: Actor): ExportColumn[] {
  return [
    { name: 'id', cell: (r) => textCell(r.id) },
    ...spec.fields.filter((f) => f.exported !== false).map(fieldColumn),
    ...spec.refs.flatMap((ref) => refExportColumns(ref, actor)),
    ...spec.exportOnly.map(exportOnlyColumn),
  ];
}

/** Loads the records a page of rows points to, per target; `cache` keeps small configuration targets across pages. */
export async function loadRelated(
  db: Db,
  orgId: string,
  spec: CsvEntitySpec,
  rows: readonly RecordMeta[],
  cache: Map<TargetName, Related>,
): Promise<Map<TargetName, Related>> {
  const related = new Map<TargetName, Related>();
  for (const ref of spec.refs) {
    const keep = ['person', 'team', 'pipeline', 'stage'].includes(ref.target);
    const known = (keep ? cache.get(ref.target) : related.get(ref.target)) ?? new Map<string, Row>();
    const wanted = rows.map((r) => (r as unknown as Row)[ref.field]).filter((id): id is string => typeof id === 'string' && !known.has(id));
    if (wanted.length) {
      const found = await TARGETS[ref.target].repo.getMany(db, orgId, wanted);
      for (const [id, record] of found) known.set(id, record as unknown as Row);
    }
    if (keep) cache.set(ref.target, known);
    related.set(ref.target, known);
  }
  return related;
}
