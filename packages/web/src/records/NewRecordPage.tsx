import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useSearch } from 'wouter';
import { api, ApiError } from '../api/client.js';
import type { AnyRecord } from '../api/types.js';
import { ENTITIES, type EntityKey } from '../entities/entity-meta.js';
import { useSession } from '../session/SessionProvider.js';
import { FieldEditor } from './FieldEditor.js';
import { parseInput } from './field-input.js';

/** Fields a new record does not take: the system sets them, or the record's own rules do (currency defaults to the org's). */
const NOT_ON_CREATE = new Set(['createdAt', 'updatedAt', 'closedAt', 'isClosed', 'isWon']);

/** A form for a new record; fields the address names (`?accountId=…`) start filled, as from an account's page. */
export function NewRecordPage({ entity }: { entity: EntityKey }) {
  const meta = ENTITIES[entity];
  const { me, can } = useSession();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const preset = new URLSearchParams(useSearch());
  const fields = meta.fields.filter((f) => !f.readOnly && !NOT_ON_CREATE.has(f.name));
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.name, preset.get(f.name) ?? ''])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!can(`${meta.resource}:create`)) return <p role="alert">You may not create {meta.plural.toLowerCase()}.</p>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const currency = texts.currency || me.org.defaultCurrency;
    const body: Record<string, unknown> = {};
    const found: Record<string, string> = {};
    for (const field of fields) {
      const text = texts[field.name] ?? '';
      if (text.trim() === '') continue;
      const parsed = parseInput(field, text, currency);
      if (parsed.ok) body[field.name] = parsed.value;
      else found[field.name] = parsed.message;
    }
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const created = await api<AnyRecord>(`/${entity}`, { method: 'POST', body });
      void queryClient.invalidateQueries({ queryKey: ['list', entity] });
      navigate(`/${entity}/${created.id}`, { replace: true });
    } catch (error) {
      if (!(error instanceof ApiError)) return setFormError('The server cannot be reached.');
      const onForm = (field: string) => fields.some((f) => f.name === field);
      setErrors(Object.fromEntries(error.issues.filter((i) => onForm(i.field)).map((i) => [i.field, i.message])));
      // What is not about a field on the form (or has no field) is said above the buttons.
      const elsewhere = error.issues.filter((i) => !onForm(i.field)).map((i) => `${i.field}: ${i.message}`);
      if (error.issues.length === 0 || elsewhere.length > 0) setFormError(elsewhere.length > 0 ? elsewhere.join('; ') : error.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="new-title">
      <h1 id="new-title">New {meta.singular.toLowerCase()}</h1>
      <p className="muted small">Fields marked * are required.</p>
      <form className="card" onSubmit={submit} noValidate>
        <div className="form-grid">
          {fields.map((field) => (
            <div className="field" key={field.name}>
              <span>
                <label htmlFor={`new-${field.name}`}>{field.label}</label>
                {field.required && <span aria-hidden="true" className="required"> *</span>}
              </span>
              <FieldEditor id={`new-${field.name}`} field={field} required={field.required} placeholder={field.whenEmpty} text={texts[field.name] ?? ''} invalid={field.name in errors}
                onChange={(text) => setTexts((t) => ({ ...t, [field.name]: text }))} />
              {errors[field.name] && <p className="field-error" role="alert" id={`new-${field.name}-error`}>{errors[field.name]}</p>}
            </div>
          ))}
        </div>
        {formError && <p role="alert" className="error">{formError}</p>}
        <div className="actions form-actions">
          <button type="submit" className="primary" disabled={busy}>Create {meta.singular.toLowerCase()}</button>
          <button type="button" onClick={() => history.back()}>Cancel</button>
        </div>
      </form>
    </section>
  );
}
