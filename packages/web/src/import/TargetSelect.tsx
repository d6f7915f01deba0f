import { targetGroups, type ImportEntity } from './import-columns.js';
import type { Choice } from './column-choices.js';

/** The select of the native column a source column feeds, with "skip" first. */
export function TargetSelect({ id, entity, value, label, onChange }: { id: string; entity: ImportEntity; value: Choice; label: string; onChange: (choice: Choice) => void }) {
  return (
    <select id={id} aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
      <option value="">Skip this column</option>
      {targetGroups(entity).map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.options.map((o) => <option key={o.column} value={o.column}>{o.label} ({o.column})</option>)}
        </optgroup>
      ))}
    </select>
  );
}
