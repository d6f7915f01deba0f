import { columnFields, type EntityMeta } from '../entities/entity-meta.js';
import { useDismiss } from '../ui/use-dismiss.js';

/** Which columns the list shows besides its name, in the entity's field order; at least one stays. */
export function ColumnChooser({ meta, columns, onChange }: { meta: EntityMeta; columns: readonly string[]; onChange: (columns: string[]) => void }) {
  const menu = useDismiss();
  const toggle = (name: string, on: boolean) => {
    const next = columnFields(meta).map((f) => f.name).filter((n) => (n === name ? on : columns.includes(n)));
    if (next.length > 0) onChange(next);
  };
  return (
    <details className="menu" ref={menu}>
      <summary className="button">Columns</summary>
      <fieldset className="menu-body">
        <legend className="muted small">Show columns</legend>
        {columnFields(meta).map((field) => (
          <label key={field.name} className="check">
            <input type="checkbox" checked={columns.includes(field.name)} onChange={(e) => toggle(field.name, e.target.checked)} />
            {field.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
