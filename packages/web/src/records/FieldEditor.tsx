import type { FieldMeta } from '../entities/entity-meta.js';
import { humanize } from '../ui/format.js';
import { useRefChoices } from '../lists/use-options.js';
import { useSession } from '../session/SessionProvider.js';

type Common = { id: string; autoFocus: boolean | undefined; 'aria-invalid': true | undefined; 'aria-required': true | undefined; 'aria-describedby': string | undefined };

/** One of the organisation's currencies. */
function CurrencySelect({ common, text, placeholder, onChange }: { common: Common; text: string; placeholder: string | undefined; onChange: (text: string) => void }) {
  const { me } = useSession();
  return (
    <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
      <option value="">{placeholder ?? '—'}</option>
      {me.org.currencies.map((c) => <option key={c} value={c}>{c}</option>)}
    </select>
  );
}
import { RefPicker } from './RefPicker.js';

/** The input for one field, by its kind. `text` is the input's text; references hold the id. */
export function FieldEditor({ id, field, text, label, invalid, required, placeholder, describedBy, autoFocus, pipelineId, onChange, onCommit }: {
  id: string;
  /** For a stage: the pipeline whose stages are offered ('' for the default pipeline). */
  pipelineId?: string | undefined;
  /** The id of the field's error message. */
  describedBy?: string | undefined;
  autoFocus?: boolean;
  required?: boolean | undefined;
  /** What an empty value means (on a new record: "From the stage"). */
  placeholder?: string | undefined;
  field: FieldMeta;
  text: string;
  /** Display name of a reference's current value. */
  label?: string | undefined;
  invalid: boolean;
  onChange: (text: string) => void;
  /** Enter in a one-line input. */
  onCommit?: () => void;
}) {
  const kind = field.kind;
  const choices = useRefChoices(kind.type === 'ref' ? kind.entity : '', pipelineId);
  const common: Common = { id, autoFocus, 'aria-invalid': invalid || undefined, 'aria-required': required || undefined, 'aria-describedby': describedBy };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && onCommit) {
      e.preventDefault();
      onCommit();
    }
  };
  if (kind.type === 'currency') return <CurrencySelect common={common} text={text} placeholder={placeholder} onChange={onChange} />;
  if (kind.type === 'enum' || kind.type === 'bool' || (kind.type === 'ref' && choices)) {
    const options =
      kind.type === 'enum' ? kind.options.map((o) => ({ value: o, label: humanize(o) }))
        : kind.type === 'bool' ? [{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }]
          : (choices ?? []).map((c) => ({ value: c.id, label: c.name }));
    return (
      <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
        <option value="">{placeholder ?? '—'}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    );
  }
  if (kind.type === 'ref') {
    return <RefPicker id={id} entity={kind.entity} value={text || null} label={label} invalid={invalid} autoFocus={autoFocus} describedBy={describedBy} onChange={(value) => onChange(value ?? '')} />;
  }
  if (kind.type === 'text' && kind.long) return <textarea {...common} value={text} onChange={(e) => onChange(e.target.value)} />;
  const type = kind.type === 'date' ? 'date' : kind.type === 'email' ? 'email' : kind.type === 'instant' ? 'datetime-local' : 'text';
  const inputMode = kind.type === 'money' || kind.type === 'bps' ? 'decimal' : kind.type === 'int' ? 'numeric' : undefined;
  return (
    <span className={kind.type === 'bps' ? 'with-suffix' : undefined}>
      <input {...common} type={type} inputMode={inputMode} value={text} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} onKeyDown={onKeyDown} />
      {kind.type === 'bps' && <span aria-hidden="true">%</span>}
    </span>
  );
}
