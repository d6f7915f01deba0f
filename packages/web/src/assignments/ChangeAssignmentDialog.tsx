import { useState, type FormEvent } from 'react';
import type { PlanAssignmentChanged, PlanAssignmentItem } from '@attain/contract';
import { formatDate } from '../ui/format.js';
import { changeBodyOf, changeTextsOf, refusalOf, type ChangeField, type FieldErrors, type Texts } from './assignment-form.js';
import { FormDialog } from './FormDialog.js';
import { FormField, invalidProps } from './FormField.js';
import { MoneyAndRampFields } from './MoneyAndRampFields.js';
import { PlanVersionSelect, publishedVersions } from './PlanVersionSelect.js';
import { useChangeAssignment, usePlanVersions } from './use-assignments.js';

const FIELDS: readonly ChangeField[] = ['effectiveFrom', 'planVersion', 'targetIncentiveMinor', 'annualQuotaMinor', 'baseSalaryMinor', 'measureQuotas', 'acvQuota', 'ramp', 'reason'];
const id = (field: ChangeField) => `change-${field}`;

/**
 * "Change from date": nothing is edited in place. The current row ends the day before the
 * chosen date and a new one starts on it with the values below (those left as they are carry over).
 */
export function ChangeAssignmentDialog({ item, onClose, onChanged }: { item: PlanAssignmentItem; onClose: () => void; onChanged: (changed: PlanAssignmentChanged) => void }) {
  const [texts, setTexts] = useState<Texts<ChangeField>>(() => changeTextsOf(item));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const plan = usePlanVersions(item.planId);
  const versions = publishedVersions(plan.data?.versions);
  const change = useChangeAssignment(item.id);
  const set = (field: ChangeField) => (text: string) => setTexts((t) => ({ ...t, [field]: text }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = changeBodyOf(texts, item);
    setFormError(null);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    change.mutate(parsed.body, {
      onSuccess: onChanged,
      onError: (error) => {
        const refusal = refusalOf(error, FIELDS);
        setErrors(refusal.errors);
        setFormError(refusal.formError);
      },
    });
  };

  return (
    <FormDialog title={`Change ${item.personName}'s ${item.planName}`} testId="change-dialog" onClose={onClose}>
      <p className="muted small">
        Now {formatDate(item.validFrom)} – {item.validTo ? formatDate(item.validTo) : 'open-ended'}. The current terms end the day before the date below; the new ones run from it.
      </p>
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <FormField id={id('effectiveFrom')} label="Effective from" required error={errors['effectiveFrom']}>
            <input id={id('effectiveFrom')} type="date" min={item.validFrom} max={item.validTo ?? undefined} value={texts.effectiveFrom}
              onChange={(e) => set('effectiveFrom')(e.target.value)} {...invalidProps(id('effectiveFrom'), errors['effectiveFrom'])} />
          </FormField>
          <FormField id={id('planVersion')} label="Version" error={errors['planVersion']}>
            {/* The current version stays listed even before the plan's versions arrive. */}
            <PlanVersionSelect id={id('planVersion')} value={texts.planVersion}
              versions={versions.some((v) => String(v.version) === texts.planVersion) ? versions : [...versions, { version: item.planVersion, status: 'published', effectiveFrom: item.validFrom, effectiveTo: item.validTo, createdAt: item.createdAt, createdBy: item.createdBy }]}
              invalid={invalidProps(id('planVersion'), errors['planVersion'])} onChange={set('planVersion')} />
          </FormField>
          <MoneyAndRampFields idOf={(f) => id(f)} texts={texts} errors={errors} currency={item.currency} onChange={(f, text) => set(f)(text)} />
        </div>
        <FormField id={id('reason')} label="Reason" required error={errors['reason']}>
          <textarea id={id('reason')} rows={2} maxLength={500} value={texts.reason} onChange={(e) => set('reason')(e.target.value)} {...invalidProps(id('reason'), errors['reason'])} />
        </FormField>
        <div aria-live="polite">{formError && <p className="error" role="alert" data-testid="change-form-error">{formError}</p>}</div>
        <div className="actions form-actions">
          <button type="submit" className="primary" disabled={change.isPending}>{change.isPending ? 'Changing…' : 'Change from this date'}</button>
          <button type="button" onClick={onClose}>Cancel</button>
        </div>
      </form>
    </FormDialog>
  );
}
