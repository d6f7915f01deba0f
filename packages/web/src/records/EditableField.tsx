import { useRef, useState } from 'react';
import { ApiError } from '../api/client.js';
import type { Labels } from '../api/types.js';
import type { FieldMeta } from '../entities/entity-meta.js';
import { FieldEditor } from './FieldEditor.js';
import { inputTextOf, parseInput } from './field-input.js';
import { FieldValue } from './FieldValue.js';

/**
 * A field of a record page: its value, and when the user may change it, an Edit button that
 * turns it into an input. Enter or Save sends just this field; the API's message for the
 * field appears under it, and the value stays as typed so nothing is lost.
 */
export function EditableField({ field, record, labels, orgCurrency, editable, save }: {
  field: FieldMeta;
  record: Record<string, unknown>;
  labels: Labels;
  orgCurrency: string;
  editable: boolean;
  save: (changes: Record<string, unknown>) => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `field-${field.name}`;
  const errorId = `${id}-error`;
  const editButton = useRef<HTMLButtonElement>(null);
  // Back on the Edit button once the input closes, so the keyboard user keeps her place.
  const close = () => {
    setEditing(false);
    setError(null);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const currency = String(record.currency ?? orgCurrency);

  const start = () => {
    setText(inputTextOf(field, record, orgCurrency));
    setError(null);
    setEditing(true);
  };
  const commit = async () => {
    const parsed = parseInput(field, text, currency);
    if (!parsed.ok) return setError(parsed.message);
    setBusy(true);
    try {
      await save({ [field.name]: parsed.value });
      close();
    } catch (e) {
      setError(e instanceof ApiError ? (e.issueOf(field.name) ?? e.message) : 'The change could not be saved.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="field" data-field={field.name} role={editing ? undefined : 'group'} aria-labelledby={editing ? undefined : `${id}-label`}>
      {editing ? <label htmlFor={id}>{field.label}</label> : <span className="label" id={`${id}-label`}>{field.label}</span>}
      {editing ? (
        <div
          className="edit-row"
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <FieldEditor id={id} field={field} text={text} label={labels[String(record[field.name] ?? '')]} invalid={error !== null} autoFocus
            pipelineId={typeof record.pipelineId === 'string' ? record.pipelineId : undefined}
            describedBy={error ? errorId : undefined} onChange={setText} onCommit={() => void commit()} />
          <button type="button" className="primary" disabled={busy} onClick={() => void commit()}>Save</button>
          <button type="button" onClick={close}>Cancel</button>
        </div>
      ) : (
        <div className="value-row">
          <span><FieldValue field={field} record={record} labels={labels} orgCurrency={orgCurrency} /></span>
          {editable && <button ref={editButton} type="button" className="ghost small edit" aria-label={`Edit ${field.label}`} onClick={start}>Edit</button>}
        </div>
      )}
      {error && <p className="field-error" role="alert" id={errorId}>{error}</p>}
    </div>
  );
}
