import { FormField, invalidProps } from './FormField.js';
import type { FieldErrors } from './assignment-form.js';

type AmountField = 'targetIncentiveMinor' | 'annualQuotaMinor' | 'baseSalaryMinor' | 'measureQuotas' | 'acvQuota' | 'ramp';

const AMOUNTS: readonly { field: Exclude<AmountField, 'ramp' | 'measureQuotas' | 'acvQuota'>; label: string; hint: string; required?: boolean }[] = [
  { field: 'targetIncentiveMinor', label: 'Target incentive', hint: 'a year, at 100% attainment', required: true },
  { field: 'annualQuotaMinor', label: 'Annual quota', hint: 'empty when the plan has no quota' },
  { field: 'baseSalaryMinor', label: 'Base salary', hint: 'a year; gives OTE and the pay mix' },
];

/** The amounts of an assignment, typed in major units of `currency`, and its ramp; shared by the assign and change forms. */
export function MoneyAndRampFields({ idOf, texts, errors, currency, onChange }: {
  idOf: (field: AmountField) => string;
  texts: Record<AmountField, string>;
  errors: FieldErrors;
  currency: string;
  onChange: (field: AmountField, text: string) => void;
}) {
  return (
    <>
      {AMOUNTS.map(({ field, label, hint, required }) => (
        <FormField key={field} id={idOf(field)} label={`${label} (${currency})`} required={required ?? false} error={errors[field]} hint={hint}>
          <input id={idOf(field)} inputMode="decimal" autoComplete="off" placeholder="120000.00" value={texts[field]}
            onChange={(e) => onChange(field, e.target.value)} {...invalidProps(idOf(field), errors[field])} />
        </FormField>
      ))}
      <FormField id={idOf('measureQuotas')} label="New logos quota (optional)" error={errors['measureQuotas']} hint="new customers a year, for a plan that pays against a new-logos quota">
        <input id={idOf('measureQuotas')} inputMode="numeric" autoComplete="off" placeholder="12" value={texts.measureQuotas}
          onChange={(e) => onChange('measureQuotas', e.target.value)} {...invalidProps(idOf('measureQuotas'), errors['measureQuotas'])} />
      </FormField>
      <FormField id={idOf('acvQuota')} label={`ACV quota (${currency}, optional)`} error={errors['acvQuota']} hint="annual contract value a year, for a plan that pays against an ACV quota">
        <input id={idOf('acvQuota')} inputMode="decimal" autoComplete="off" placeholder="400000.00" value={texts.acvQuota}
          onChange={(e) => onChange('acvQuota', e.target.value)} {...invalidProps(idOf('acvQuota'), errors['acvQuota'])} />
      </FormField>
      <FormField id={idOf('ramp')} label="Ramp (optional)" error={errors['ramp']} hint="A factor per month from the first, e.g. 0, 0.25, 0.5, 0.75; 1 after the last">
        <input id={idOf('ramp')} autoComplete="off" value={texts.ramp} onChange={(e) => onChange('ramp', e.target.value)} {...invalidProps(idOf('ramp'), errors['ramp'])} />
      </FormField>
    </>
  );
}
