import { useId, useState, type FormEvent } from 'react';
import type { TerritoryModelDetail, TerritoryModelSummary } from '@attain/contract';
import { ApiError } from '../api/client.js';
import { useCreateTerritoryModel } from './use-territories.js';

interface Props {
  readonly models: readonly TerritoryModelSummary[];
  readonly onCreated: (model: TerritoryModelDetail) => void;
}

/** "New model": a planning model, empty or a copy of another one. */
export function NewModelForm({ models, onCreated }: Props) {
  const ids = useId();
  const create = useCreateTerritoryModel();
  const [name, setName] = useState('');
  const [copyOf, setCopyOf] = useState('');
  const problem = name.trim() === '' ? null : name.trim().length > 100 ? 'at most 100 characters' : null;
  const fieldError = create.error instanceof ApiError ? create.error.issueOf('name') : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '' || problem) return;
    create.mutate({ name: name.trim(), ...(copyOf ? { copyOf } : {}) }, { onSuccess: onCreated });
  };
  return (
    <form className="card tm-new" onSubmit={submit} aria-labelledby={`${ids}-title`} data-testid="new-model-form">
      <h2 id={`${ids}-title`}>New model</h2>
      <div className="tm-new-fields">
        <div className="field compact">
          <label htmlFor={`${ids}-name`}>Name</label>
          <input id={`${ids}-name`} value={name} maxLength={100} onChange={(e) => { setName(e.target.value); create.reset(); }}
            aria-invalid={Boolean(problem ?? fieldError)} aria-describedby={problem ?? fieldError ? `${ids}-name-error` : undefined} />
          {(problem ?? fieldError) && <p className="field-error" id={`${ids}-name-error`}>{problem ?? fieldError}</p>}
        </div>
        <div className="field compact">
          <label htmlFor={`${ids}-copy`}>Start from</label>
          <select id={`${ids}-copy`} value={copyOf} onChange={(e) => setCopyOf(e.target.value)}>
            <option value="">An empty model</option>
            {models.map((m) => <option key={m.id} value={m.id}>A copy of {m.name} (version {m.version}, {m.status})</option>)}
          </select>
        </div>
        <button type="submit" className="primary" disabled={name.trim() === '' || problem !== null || create.isPending}>{create.isPending ? 'Creating…' : 'Create model'}</button>
      </div>
      {create.isError && !fieldError && <p className="error" role="alert">The model could not be created: {create.error.message}</p>}
    </form>
  );
}
