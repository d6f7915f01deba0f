import type { ConditionDraft } from './draft-model.js';
import { FIELD_LABELS, MONEY_FIELDS, NUMBER_FIELDS, OP_LABELS, TEXT_FIELDS, opsOf } from './rule-words.js';

interface Props {
  readonly condition: ConditionDraft;
  /** 1-based, for the labels. */
  readonly number: number;
  readonly currency: string;
  readonly error: string | undefined;
  readonly errorId: string;
  readonly onChange: (change: Partial<ConditionDraft>) => void;
  readonly onRemove: () => void;
}

/** One condition of a rule: field, operator and value (money in major units, lists comma-separated). */
export function ConditionRow({ condition, number, currency, error, errorId, onChange, onRemove }: Props) {
  const { field, op, value } = condition;
  const noValue = op === 'isEmpty' || op === 'isSet';
  const money = MONEY_FIELDS.includes(field);
  const invalid = error ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};
  return (
    <li className="coverage-condition" data-testid="condition">
      <select aria-label={`Condition ${number} field`} value={field} onChange={(e) => onChange({ field: e.target.value })}>
        <optgroup label="Text">{TEXT_FIELDS.map((f) => <option key={f} value={f}>{FIELD_LABELS[f]}</option>)}</optgroup>
        <optgroup label="Number">{NUMBER_FIELDS.map((f) => <option key={f} value={f}>{FIELD_LABELS[f]}{MONEY_FIELDS.includes(f) ? ` (${currency})` : ''}</option>)}</optgroup>
      </select>
      <select aria-label={`Condition ${number} operator`} value={op} onChange={(e) => onChange({ op: e.target.value })}>
        {opsOf(field).map((o) => <option key={o} value={o}>{OP_LABELS[o]}</option>)}
      </select>
      {!noValue && (
        <input
          aria-label={`Condition ${number} value${money ? ` in ${currency}` : ''}`}
          value={value}
          inputMode={money || field === 'employees' ? 'decimal' : undefined}
          placeholder={op === 'in' || op === 'notIn' ? 'a, b, c' : money ? '250000.00' : ''}
          onChange={(e) => onChange({ value: e.target.value })}
          {...invalid}
        />
      )}
      <button type="button" className="link" onClick={onRemove} aria-label={`Remove condition ${number}`}>Remove</button>
      {error && <p className="field-error" role="alert" id={errorId} data-testid="condition-error">{error}</p>}
    </li>
  );
}
