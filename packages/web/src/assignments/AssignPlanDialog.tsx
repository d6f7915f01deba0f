import { useState, type FormEvent } from 'react';
import type { PlanAssignmentItem } from '@attain/contract';
import { usePlans } from '../plans/use-plans.js';
import { RefPicker } from '../records/RefPicker.js';
import { EMPTY_CREATE, createBodyOf, refusalOf, type CreateField, type FieldErrors, type Texts } from './assignment-form.js';
import { FormDialog } from './FormDialog.js';
import { FormField, invalidProps } from './FormField.js';
import { MoneyAndRampFields } from './MoneyAndRampFields.js';
import { PlanVersionSelect, publishedVersions, versionSpan } from './PlanVersionSelect.js';
import { useAssignPlan, usePlanVersions } from './use-assignments.js';

const FIELDS: readonly CreateField[] = Object.keys(EMPTY_CREATE) as CreateField[];
const id = (field: CreateField) => `assign-${field}`;

/** "Assign a plan": a person on a published plan version from a date, with her annual amounts in the organisation's currency. */
export function AssignPlanDialog({ currency, onClose, onAssigned }: { currency: string; onClose: () => void; onAssigned: (item: PlanAssignmentItem) => void }) {
  const [texts, setTexts] = useState<Texts<CreateField>>(EMPTY_CREATE);
  const [personName, setPersonName] = useState<string | undefined>(undefined);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const plans = usePlans();
  const plan = usePlanVersions(texts.planId);
  const versions = texts.planId ? publishedVersions(plan.data?.versions) : [];
  // Until one is chosen, the newest published version is the likely choice (the list arrives after the plan).
  const planVersion = texts.planVersion || (versions[0] ? String(versions[0].version) : '');
  const chosenVersion = versions.find((v) => String(v.version) === planVersion);
  const assign = useAssignPlan();

  const set = (field: CreateField) => (text: string) => setTexts((t) => ({ ...t, [field]: text }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = createBodyOf({ ...texts, planVersion }, currency);
    setFormError(null);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    assign.mutate(parsed.body, {
      onSuccess: onAssigned,
      onError: (error) => {
        const refusal = refusalOf(error, FIELDS);
        setErrors(refusal.errors);
        setFormError(refusal.formError);
      },
    });
  };

  return (
    <FormDialog title="Assign a plan" testId="assign-dialog" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <FormField id={id('personId')} label="Person" required error={errors['personId']}>
            <RefPicker id={id('personId')} entity="people" value={texts.personId || null} label={personName} invalid={Boolean(errors['personId'])}
              describedBy={errors['personId'] ? `${id('personId')}-error` : undefined}
              onChange={(personId, name) => { set('personId')(personId ?? ''); setPersonName(name ?? undefined); }} />
          </FormField>
          <FormField id={id('planId')} label="Plan" required error={errors['planId']}>
            <select id={id('planId')} value={texts.planId} {...invalidProps(id('planId'), errors['planId'])}
              onChange={(e) => setTexts((t) => ({ ...t, planId: e.target.value, planVersion: '' }))}>
              <option value="">{plans.isPending ? 'Loading plans…' : 'Choose a plan'}</option>
              {(plans.data?.items ?? []).map((p) => <option key={p.id} value={p.id}>{p.name} ({p.key})</option>)}
            </select>
          </FormField>
          <FormField id={id('planVersion')} label="Version" required error={errors['planVersion']} hint={chosenVersion && `Effective ${versionSpan(chosenVersion)}`}>
            <PlanVersionSelect id={id('planVersion')} value={planVersion} versions={versions} disabled={!texts.planId} invalid={invalidProps(id('planVersion'), errors['planVersion'])} onChange={set('planVersion')} />
          </FormField>
          <div />
          <FormField id={id('validFrom')} label="From" required error={errors['validFrom']}>
            <input id={id('validFrom')} type="date" value={texts.validFrom} onChange={(e) => set('validFrom')(e.target.value)} {...invalidProps(id('validFrom'), errors['validFrom'])} />
          </FormField>
          <FormField id={id('validTo')} label="To (optional)" error={errors['validTo']} hint="Empty: until the version ends">
            <input id={id('validTo')} type="date" value={texts.validTo} onChange={(e) => set('validTo')(e.target.value)} {...invalidProps(id('validTo'), errors['validTo'])} />
          </FormField>
          <MoneyAndRampFields idOf={(f) => id(f)} texts={texts} errors={errors} currency={currency} onChange={(f, text) => set(f)(text)} />
        </div>
        <FormField id={id('reason')} label="Reason" required error={errors['reason']}>
          <textarea id={id('reason')} rows={2} maxLength={500} value={texts.reason} onChange={(e) => set('reason')(e.target.value)} {...invalidProps(id('reason'), errors['reason'])} />
        </FormField>
        <div aria-live="polite">{formError && <p className="error" role="alert" data-testid="assign-form-error">{formError}</p>}</div>
        <div className="actions form-actions">
          <button type="submit" className="primary" disabled={assign.isPending}>{assign.isPending ? 'Assigning…' : 'Assign'}</button>
          <button type="button" onClick={onClose}>Cancel</button>
        </div>
      </form>
    </FormDialog>
  );
}
