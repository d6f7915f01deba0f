import { FormField, invalidProps } from '../assignments/FormField.js';
import { ConditionRow } from './ConditionRow.js';
import { addCondition, changeCondition, removeCondition, removeSegment, renameSegment, setHours } from './draft-edits.js';
import type { FieldErrors, ModelDraft } from './draft-model.js';
import { conditionPath, hoursPath, messageAt } from './draft-paths.js';

interface Props {
  readonly draft: ModelDraft;
  readonly index: number;
  readonly currency: string;
  readonly errors: FieldErrors;
  readonly onEdit: (next: ModelDraft) => void;
}

const idOf = (path: string) => `coverage-${path}`;

/** One segment of the draft: name and key, its rule as "all of" conditions (or read-only), hours per role. */
export function SegmentEditor({ draft, index, currency, errors, onEdit }: Props) {
  const segment = draft.segments[index];
  if (!segment) return null;
  const at = `segments[${index}]`;
  const last = index === draft.segments.length - 1;
  const { rule } = segment;
  const ruleError = rule.kind === 'conditions' && rule.conditions.length === 1 ? undefined : messageAt(errors, `${at}.rule`);
  const field = (name: 'name' | 'key', label: string) => {
    const path = `${at}.${name}`;
    const error = messageAt(errors, path);
    return (
      <FormField id={idOf(path)} label={label} error={error}>
        <input id={idOf(path)} value={segment[name]} onChange={(e) => onEdit(renameSegment(draft, index, { [name]: e.target.value }))} {...invalidProps(idOf(path), error)} />
      </FormField>
    );
  };
  return (
    <fieldset className="coverage-segment card" data-testid="segment-editor" data-segment={segment.key}>
      <legend>Segment {index + 1}: {segment.name}</legend>
      <div className="coverage-fields">
        {field('name', 'Name')}
        {field('key', 'Key')}
      </div>
      <div className="coverage-rule-edit">
        {rule.kind === 'rest' && <p className="muted">Every account no segment above takes.</p>}
        {rule.kind === 'fixed' && (
          <>
            <p className="muted small">This rule uses “any of”, “not” or nesting, which the form cannot edit; it is kept as it is.</p>
            <pre className="coverage-json" data-testid="fixed-rule">{JSON.stringify(rule.rule, null, 2)}</pre>
          </>
        )}
        {rule.kind === 'conditions' && (
          <>
            <p className="label">Accounts where all of:</p>
            <ol className="coverage-conditions">
              {rule.conditions.map((c, j) => {
                const path = conditionPath(index, j, rule.conditions.length);
                return (
                  <ConditionRow key={j} condition={c} number={j + 1} currency={currency} error={messageAt(errors, path, true)} errorId={`${idOf(path)}-error`}
                    onChange={(change) => onEdit(changeCondition(draft, index, j, change))} onRemove={() => onEdit(removeCondition(draft, index, j))} />
                );
              })}
            </ol>
            <button type="button" onClick={() => onEdit(addCondition(draft, index))}>Add condition</button>
          </>
        )}
        {ruleError && <p className="field-error" role="alert">{ruleError}</p>}
      </div>
      <div className="coverage-fields">
        {draft.roles.map((role, k) => {
          const path = hoursPath(draft, index, k);
          const error = (segment.hours[k] ?? '').trim() === '' ? undefined : messageAt(errors, path);
          const id = idOf(`${at}.hours.${role.key}`);
          return (
            <FormField key={role.key} id={id} label={`${role.name} hours per account`} error={error} hint="empty: not covered">
              <input id={id} inputMode="decimal" value={segment.hours[k] ?? ''} onChange={(e) => onEdit(setHours(draft, index, k, e.target.value))} {...invalidProps(id, error)} />
            </FormField>
          );
        })}
      </div>
      {!last && <button type="button" className="danger" onClick={() => onEdit(removeSegment(draft, index))}>Remove segment</button>}
    </fieldset>
  );
}
