import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { CreateQuotaPlanBody, QuotaAllocateBody, QuotaPlanDetail } from '@attain/contract';
import { api, ApiError } from '../api/client.js';
import { percentToFraction } from './AllocationForm.js';
import { percentList } from './plan-rows.js';

interface Props {
  readonly allocation: QuotaAllocateBody;
  /** The year has a plan already: creating another is refused, so say so. */
  readonly existing: boolean;
  readonly onCreated: (id: string) => void;
}

/** Keeps the previewed allocation as the year's quota plan, with seasonality, the AEs' ramp and the bounds. */
export function NewPlanPanel({ allocation, existing, onCreated }: Props) {
  const ids = useId();
  const [seasonality, setSeasonality] = useState('25, 25, 25, 25');
  const [aeRamp, setAeRamp] = useState('25, 50, 75');
  const [padding, setPadding] = useState('5');
  const [attainment, setAttainment] = useState('60');
  const [signOffs, setSignOffs] = useState(false);
  const create = useMutation({ mutationFn: (body: CreateQuotaPlanBody) => api<QuotaPlanDetail>('/quota-plans', { method: 'POST', body }), onSuccess: (p) => onCreated(p.id) });
  const weights = percentList(seasonality, [4, 12]);
  const ramp = aeRamp.trim() === '' ? [] : percentList(aeRamp, Array.from({ length: 36 }, (_, i) => i + 1));
  const values = { padding: percentToFraction(padding, 0, 1000), attainment: percentToFraction(attainment, 0, 300) };
  const sum = weights?.reduce((s, w) => s + Number(w), 0) ?? 0;
  const problems: Record<string, string | null> = {
    seasonality: weights === null ? '4 quarters or 12 months of percents' : Math.abs(sum - 1) > 1e-9 ? `they sum to ${(sum * 100).toFixed(2)}%, not 100%` : null,
    aeRamp: ramp === null ? 'percents per month, e.g. 25, 50, 75, or empty' : null,
    padding: values.padding === null ? 'a percent such as 5' : null,
    attainment: values.attainment === null ? 'a percent such as 60' : null,
  };
  const valid = Object.values(problems).every((p) => p === null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    create.mutate({
      ...allocation, phasing: { by: weights?.length === 12 ? 'month' : 'quarter', weights: weights ?? [] },
      ramps: ramp && ramp.length > 0 ? { ae: ramp } : {}, paddingBound: values.padding as string, expectedAttainment: values.attainment as string, signOffsRequired: signOffs,
    });
  };
  const field = (key: string, label: string, value: string, set: (v: string) => void, hint: string) => (
    <div className="field compact">
      <label htmlFor={`${ids}-${key}`}>{label}</label>
      <input id={`${ids}-${key}`} value={value} onChange={(e) => set(e.target.value)} aria-invalid={problems[key] !== null} aria-describedby={`${ids}-${key}-hint`} />
      <p className={problems[key] ? 'field-error' : 'muted small'} id={`${ids}-${key}-hint`}>{problems[key] ?? hint}</p>
    </div>
  );
  const error = create.error instanceof ApiError ? create.error : null;
  return (
    <form className="card quota-form" onSubmit={submit} noValidate data-testid="new-quota-plan">
      {field('seasonality', 'Seasonality % by quarter', seasonality, setSeasonality, 'or 12 months')}
      {field('aeRamp', 'AE ramp % by month', aeRamp, setAeRamp, 'from the month of the hire')}
      {field('padding', 'Padding bound %', padding, setPadding, 'over it needs approval')}
      {field('attainment', 'Expected attainment %', attainment, setAttainment, 'for quota-to-capacity')}
      <label className="check">
        <input type="checkbox" checked={signOffs} onChange={(e) => setSignOffs(e.target.checked)} />
        {' '}Approval waits for every manager's sign-off
      </label>
      <button type="submit" className="primary" disabled={!valid || create.isPending || existing} aria-busy={create.isPending}>
        {create.isPending ? 'Creating…' : `Keep as the FY${allocation.fiscalYear} plan`}
      </button>
      {existing && <p className="muted small">FY{allocation.fiscalYear} has a {allocation.measure ?? 'bookings'} plan already: open it above to change it.</p>}
      {create.error && <p className="error" role="alert">{error?.message ?? create.error.message}</p>}
    </form>
  );
}
