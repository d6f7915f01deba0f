import { Link } from 'wouter';
import type { Labels } from '../api/types.js';
import type { FieldMeta } from '../entities/entity-meta.js';
import { formatBps, formatDate, formatInstant, formatMoney, humanize } from '../ui/format.js';

/** Related records that have a page of their own. */
const LINKED = new Set(['accounts', 'contacts', 'leads', 'opportunities', 'activities', 'people']);

/** One field of a record, shown as a person reads it: money formatted, references by name and linked. */
export function FieldValue({ field, record, labels, orgCurrency }: {
  field: FieldMeta;
  record: Record<string, unknown>;
  labels: Labels;
  orgCurrency: string;
}) {
  const value = record[field.name];
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  const kind = field.kind;
  switch (kind.type) {
    case 'money':
      return <>{formatMoney(String(value), String(record[kind.currencyField] ?? orgCurrency))}</>;
    case 'date':
      return <>{formatDate(String(value))}</>;
    case 'instant':
      return <>{formatInstant(String(value))}</>;
    case 'bps':
      return <>{formatBps(Number(value))}</>;
    case 'bool':
      return <>{value ? 'Yes' : 'No'}</>;
    case 'enum':
      return <>{humanize(String(value))}</>;
    case 'email':
      return <a href={`mailto:${String(value)}`}>{String(value)}</a>;
    case 'ref': {
      const id = String(value);
      const label = labels[id];
      if (label === undefined) return <span className="muted" title={id}>(not visible to you)</span>;
      return LINKED.has(kind.entity) ? <Link href={`/${kind.entity}/${id}`}>{label}</Link> : <>{label}</>;
    }
    default:
      return <>{String(value)}</>;
  }
}

/** Right-aligned kinds (amounts and counts line up by their digits). */
export function isNumeric(field: FieldMeta): boolean {
  return field.kind.type === 'money' || field.kind.type === 'int' || field.kind.type === 'bps';
}
