import { useState } from 'react';
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
      setEditing(false);
    } catch (e) {
      setError(e instanceof ApiError ? (e.issueOf(field.name) ?? e.message) : 'The change could not be saved.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="field" data-field={field.name}>
      {editing ? <label htmlFor={id}>{field.label}</label> : <span className="label" id={`${id}-label`}>{field.label}</span>}
      {editing ? (
        <div
          className="edit-row"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setEditing(false);
          }}
        >
          <FieldEditor id={id} field={field} text={text} label={labels[String(record[field.name] ?? '')]} invalid={error !== null} onChange={setText} onCommit={() => void commit()} />
          <button type="button" className="primary" disabled={busy} onClick={() => void commit()}>Save</button>
          <button type="button" onClick={() => setEditing(false)}>Cancel</button>
        </div>
      ) : (
        <div className="value-row">
          <span aria-labelledby={`${id}-label`}><FieldValue field={field} record={record} labels={labels} orgCurrency={orgCurrency} /></span>
          {editable && <button type="button" className="ghost small edit" aria-label={`Edit ${field.label}`} onClick={start}>Edit</button>}
        </div>
      )}
      {error && <p className="field-error" role="alert" id={`${id}-error`}>{error}</p>}
    </div>
  );
}
