import { useId } from 'react';
import { ApiError } from '../api/client.js';

interface Props {
  readonly name: string;
  readonly onName: (name: string) => void;
  readonly dirty: boolean;
  /** Moves made since the last save, for the unsaved-changes line. */
  readonly moves: number;
  readonly saving: boolean;
  readonly error: Error | null;
  readonly onSave: () => void;
  readonly onDiscard: () => void;
  readonly onReload: () => void;
}

/** The draft's name, whether it has unsaved changes, and Save / Discard; a refusal of the save says why. */
export function DraftBar({ name, onName, dirty, moves, saving, error, onSave, onDiscard, onReload }: Props) {
  const ids = useId();
  const nameProblem = name.trim() === '' ? 'a name is needed' : name.length > 100 ? 'at most 100 characters' : null;
  const conflict = error instanceof ApiError && error.status === 409;
  const issues = error instanceof ApiError && error.status === 422 ? error.issues : [];
  return (
    <section className={`card tm-draft${dirty ? ' is-dirty' : ''}`} aria-label="Draft" data-testid="draft-bar">
      <form className="tm-draft-form" onSubmit={(e) => { e.preventDefault(); if (dirty && !nameProblem) onSave(); }}>
        <div className="field compact">
          <label htmlFor={`${ids}-name`}>Model name</label>
          <input id={`${ids}-name`} value={name} maxLength={100} onChange={(e) => onName(e.target.value)} aria-invalid={nameProblem !== null} aria-describedby={nameProblem ? `${ids}-name-error` : undefined} />
          {nameProblem && <p className="field-error" id={`${ids}-name-error`}>{nameProblem}</p>}
        </div>
        <p className="tm-draft-state" data-testid="unsaved-state" aria-live="polite">
          {dirty ? <><span className="badge warn">Unsaved changes</span>{moves > 0 && ` ${moves} move${moves === 1 ? '' : 's'} since the last save`}</> : <span className="muted">All changes saved</span>}
        </p>
        <div className="actions">
          <button type="submit" className="primary" disabled={!dirty || saving || nameProblem !== null}>{saving ? 'Saving…' : 'Save'}</button>
          <button type="button" onClick={onDiscard} disabled={!dirty || saving}>Discard</button>
        </div>
      </form>
      {conflict && (
        <p className="error" role="alert" data-testid="save-conflict">
          Someone saved a newer version of the model since you opened it. <button type="button" className="link" onClick={onReload}>Reload it</button> to edit the newest (your changes here are dropped).
        </p>
      )}
      {issues.length > 0 && (
        <div className="error" role="alert" data-testid="save-issues">
          The model could not be saved:
          <ul>{issues.map((i) => <li key={`${i.field}:${i.message}`}><code>{i.field}</code>: {i.message}</li>)}</ul>
        </div>
      )}
      {error && !conflict && issues.length === 0 && <p className="error" role="alert">The model could not be saved: {error.message}</p>}
    </section>
  );
}
