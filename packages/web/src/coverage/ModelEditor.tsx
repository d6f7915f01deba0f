import type { ReactNode } from 'react';
import { addSegment } from './draft-edits.js';
import type { FieldErrors, ModelDraft } from './draft-model.js';
import { RolesEditor } from './RolesEditor.js';
import { SegmentEditor } from './SegmentEditor.js';

interface Props {
  readonly draft: ModelDraft;
  readonly currency: string;
  readonly errors: FieldErrors;
  readonly onEdit: (next: ModelDraft) => void;
  /** What no input shows (a conflict, a message without a field), said above the buttons. */
  readonly formMessage: ReactNode;
  readonly canSave: boolean;
  readonly saving: boolean;
  readonly dirty: boolean;
  readonly onSave: () => void;
  readonly onDiscard: () => void;
}

/** The draft model's form: segments in order (the first whose rule an account passes takes it), then roles. */
export function ModelEditor({ draft, currency, errors, onEdit, formMessage, canSave, saving, dirty, onSave, onDiscard }: Props) {
  return (
    <form className="coverage-editor" aria-labelledby="coverage-edit" data-testid="model-editor" onSubmit={(e) => { e.preventDefault(); onSave(); }}>
      <h2 id="coverage-edit">Edit the model</h2>
      <p className="muted small">An account goes to the first segment whose rule it passes; the tables above follow the draft as you type. Amounts in {currency}.</p>
      {draft.segments.map((_, i) => <SegmentEditor key={i} draft={draft} index={i} currency={currency} errors={errors} onEdit={onEdit} />)}
      <button type="button" onClick={() => onEdit(addSegment(draft))}>Add segment</button>
      <h3>Roles</h3>
      <RolesEditor draft={draft} errors={errors} onEdit={onEdit} />
      <div aria-live="polite">{formMessage}</div>
      <div className="coverage-actions">
        <button type="submit" className="primary" disabled={!canSave || saving}>{saving ? 'Saving…' : 'Save'}</button>
        {dirty && <button type="button" onClick={onDiscard}>Discard changes</button>}
      </div>
    </form>
  );
}
