import type { PlanPreview } from '@attain/contract';
import { ExplanationTable } from './ExplanationTable.js';
import { PayoutChart } from './PayoutChart.js';

export interface PreviewInputs {
  readonly targetIncentive: string;
  readonly quota: string;
  readonly sampleAmount: string;
}

interface Props {
  readonly inputs: PreviewInputs;
  readonly onInputs: (inputs: PreviewInputs) => void;
  readonly preview: PlanPreview | undefined;
  /** Why there is no (fresh) preview: the plan has problems, an input is refused... */
  readonly note?: string;
  readonly inputErrors?: Partial<Record<keyof PreviewInputs, string>>;
}

/** An amount as typed: digits with an optional decimal part; sent as the exact string. */
export const isAmountText = (v: string): boolean => /^\d{1,15}(\.\d{1,4})?$/.test(v.trim());

/**
 * What the plan pays: inputs for the target incentive, quota and an optional sample deal (major
 * units, sent as typed so nothing is rounded on the way), the payout curve and the sample's
 * step-by-step explanation.
 */
export function PreviewPanel({ inputs, onInputs, preview, note, inputErrors = {} }: Props) {
  const field = (key: keyof PreviewInputs, label: string, hint: string) => {
    const error = inputErrors[key] ?? (inputs[key] !== '' && !isAmountText(inputs[key]) ? 'Type an amount such as 50000.00' : undefined);
    return (
      <div className="field">
        <label htmlFor={`plan-${key}`}>{label}</label>
        <input
          id={`plan-${key}`}
          inputMode="decimal"
          value={inputs[key]}
          placeholder={hint}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `plan-${key}-error` : undefined}
          onChange={(e) => onInputs({ ...inputs, [key]: e.target.value })}
        />
        {error && <p className="field-error" id={`plan-${key}-error`}>{error}</p>}
      </div>
    );
  };
  return (
    <section className="plan-preview card" aria-labelledby="plan-preview-title" data-testid="plan-preview">
      <h2 id="plan-preview-title" className="plan-panel-title">Preview{preview ? ` · ${preview.period.from} to ${preview.period.to} · ${preview.currency}` : ''}</h2>
      <div className="plan-preview-inputs">
        {field('targetIncentive', 'Target incentive', '50000.00')}
        {field('quota', 'Quota', '500000.00')}
        {field('sampleAmount', 'Sample deal amount (optional)', '120000.00')}
      </div>
      {note && <p className="muted" role="status">{note}</p>}
      {preview && (
        <div className={note ? 'plan-preview-stale' : undefined}>
          <PayoutChart preview={preview} />
          {preview.sample && <ExplanationTable sample={preview.sample} currency={preview.currency} />}
        </div>
      )}
    </section>
  );
}
