import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { AnyRecord, Labels } from '../api/types.js';
import { ENTITIES, fieldOf, isEntityKey, type EntityMeta, type FieldMeta } from '../entities/entity-meta.js';
import { humanize } from '../ui/format.js';
import { useRefChoices } from './use-options.js';

type Filters = Readonly<Record<string, string>>;

/** The filters of a list: a control per filterable field, and a removable chip for every filter in force. */
export function FilterBar({ meta, filters, labels, onChange }: {
  meta: EntityMeta;
  filters: Filters;
  labels: Labels;
  onChange: (filters: Filters) => void;
}) {
  const set = (name: string, value: string) => {
    const next = { ...filters };
    if (value === '') delete next[name];
    else next[name] = value;
    onChange(next);
  };
  const fields = meta.fields.filter((f) => f.filter);
  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      {fields.map((field) => <FilterControl key={field.name} field={field} filters={filters} set={set} />)}
      {Object.keys(filters).length > 0 && (
        <ul className="chips" aria-label="Filters in force">
          {Object.entries(filters).map(([name, value]) => {
            const [fieldName = '', op] = name.split('.');
            const field = fieldOf(meta, fieldName);
            const relation = op === 'gte' ? '≥' : op === 'lte' ? '≤' : 'is';
            return (
              <li key={name} className="chip">
                {field?.label ?? name} {relation} <ChipValue field={field} value={value} labels={labels} />
                <button type="button" className="ghost" aria-label={`Remove filter ${field?.label ?? name}`} onClick={() => set(name, '')}>×</button>
              </li>
            );
          })}
          <li><button type="button" className="link" onClick={() => onChange({})}>Clear all</button></li>
        </ul>
      )}
    </div>
  );
}

/** A filter's value as a person reads it: a name rather than an id, even when no row on the page carries it. */
function ChipValue({ field, value, labels }: { field: FieldMeta | undefined; value: string; labels: Labels }) {
  const kind = field?.kind;
  const refEntity = kind?.type === 'ref' ? kind.entity : '';
  const choices = useRefChoices(refEntity);
  const single = !value.includes(',') && labels[value] === undefined && choices === null && isEntityKey(refEntity);
  const record = useQuery({ queryKey: ['record', refEntity, value], enabled: single, queryFn: () => api<AnyRecord>(`/${refEntity}/${value}`), retry: false });
  const nameOf = (v: string): string => {
    if (labels[v]) return labels[v];
    const choice = choices?.find((c) => c.id === v);
    if (choice) return choice.name;
    if (record.data && isEntityKey(refEntity)) return ENTITIES[refEntity].title(record.data);
    if (kind?.type === 'enum') return humanize(v);
    if (kind?.type === 'bool') return v === 'true' ? 'yes' : 'no';
    return v;
  };
  return <>{value.split(',').map(nameOf).join(', ')}</>;
}

function FilterControl({ field, filters, set }: { field: FieldMeta; filters: Filters; set: (name: string, value: string) => void }) {
  const id = `filter-${field.name}`;
  const kind = field.kind;
  const choices = useRefChoices(kind.type === 'ref' ? kind.entity : '');
  if (kind.type === 'date') {
    return (
      <>
        <span className="field compact">
          <label htmlFor={`${id}-from`}>{field.label} from</label>
          <DateInput id={`${id}-from`} value={filters[`${field.name}.gte`] ?? ''} onCommit={(v) => set(`${field.name}.gte`, v)} />
        </span>
        <span className="field compact">
          <label htmlFor={`${id}-to`}>{field.label} to</label>
          <DateInput id={`${id}-to`} value={filters[`${field.name}.lte`] ?? ''} onCommit={(v) => set(`${field.name}.lte`, v)} />
        </span>
      </>
    );
  }
  let options: { value: string; label: string }[] | null = null;
  if (kind.type === 'enum') options = kind.options.map((o) => ({ value: o, label: humanize(o) }));
  else if (kind.type === 'bool') options = [{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }];
  else if (kind.type === 'ref' && choices) options = choices.map((c) => ({ value: c.id, label: c.name }));
  // References to long lists (accounts) are set by following a link, and shown as a chip.
  if (kind.type === 'ref' && !choices) return null;
  return (
    <span className="field compact">
      <label htmlFor={id}>{field.label}</label>
      {options ? (
        <select id={id} value={filters[field.name] ?? ''} onChange={(e) => set(field.name, e.target.value)}>
          <option value="">Any</option>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      ) : (
        <input
          id={id}
          // Re-created when the filter changes elsewhere (a chip removed), so it never shows a stale value.
          key={filters[field.name] ?? ''}
          defaultValue={filters[field.name] ?? ''}
          placeholder="is exactly…"
          onKeyDown={(e) => e.key === 'Enter' && set(field.name, e.currentTarget.value.trim())}
          onBlur={(e) => set(field.name, e.currentTarget.value.trim())}
        />
      )}
    </span>
  );
}

/**
 * A date filter applied when the user leaves the input or presses Enter, not on every
 * keystroke (typing a year would otherwise ask the server for 0002, 0020, 0202…).
 */
function DateInput({ id, value, onCommit }: { id: string; value: string; onCommit: (value: string) => void }) {
  const commit = (next: string) => next !== value && onCommit(next);
  return (
    <input id={id} key={value} type="date" defaultValue={value}
      onBlur={(e) => commit(e.currentTarget.value)}
      onKeyDown={(e) => e.key === 'Enter' && commit(e.currentTarget.value)} />
  );
}
