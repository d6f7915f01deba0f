import type { Labels } from '../api/types.js';
import { fieldOf, type EntityMeta, type FieldMeta } from '../entities/entity-meta.js';
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
            const shown = value.split(',').map((v) => labels[v] ?? (field?.kind.type === 'enum' ? humanize(v) : v)).join(', ');
            const relation = op === 'gte' ? '≥' : op === 'lte' ? '≤' : 'is';
            return (
              <li key={name} className="chip">
                {field?.label ?? name} {relation} {shown}
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

function FilterControl({ field, filters, set }: { field: FieldMeta; filters: Filters; set: (name: string, value: string) => void }) {
  const id = `filter-${field.name}`;
  const kind = field.kind;
  const choices = useRefChoices(kind.type === 'ref' ? kind.entity : '');
  if (kind.type === 'date') {
    return (
      <>
        <span className="field compact">
          <label htmlFor={`${id}-from`}>{field.label} from</label>
          <input id={`${id}-from`} type="date" value={filters[`${field.name}.gte`] ?? ''} onChange={(e) => set(`${field.name}.gte`, e.target.value)} />
        </span>
        <span className="field compact">
          <label htmlFor={`${id}-to`}>{field.label} to</label>
          <input id={`${id}-to`} type="date" value={filters[`${field.name}.lte`] ?? ''} onChange={(e) => set(`${field.name}.lte`, e.target.value)} />
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
          defaultValue={filters[field.name] ?? ''}
          placeholder="is exactly…"
          onKeyDown={(e) => e.key === 'Enter' && set(field.name, e.currentTarget.value.trim())}
          onBlur={(e) => set(field.name, e.currentTarget.value.trim())}
        />
      )}
    </span>
  );
}
