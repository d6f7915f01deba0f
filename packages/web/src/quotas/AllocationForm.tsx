import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type JSX } from 'react';
import { formatDecimal, parseDecimal, unitOfMeasure, type QuotaPlanMeasure } from '@attain/core';
import type { QuotaAllocateBody, TerritoryModelSummary } from '@attain/contract';
import { api } from '../api/client.js';
import { quotaTyped, unitSuffix } from './quota-units.js';

interface Props {
  readonly currency: string;
  readonly defaultYear: number;
  readonly pending: boolean;
  readonly onSubmit: (body: QuotaAllocateBody) => void;
}

/** A percent as typed ("60", "-10") as an exact decimal fraction ("0.6", "-0.1"), or null when it is not one within [min, max]. */
export function percentToFraction(text: string, min: number, max: number): string | null {
  if (!/^-?\d{1,4}(\.\d{1,4})?$/.test(text.trim()) || Number(text) < min || Number(text) > max) return null;
  const d = parseDecimal(text.trim());
  return formatDecimal({ units: d.units, scale: d.scale + 2 });
}

/** What the allocation is asked: the year, the number, how history and potential blend, and the bounds. */
export function AllocationForm({ currency, defaultYear, pending, onSubmit }: Props) {
  const ids = useId();
  const [year, setYear] = useState(String(defaultYear));
  const [measure, setMeasure] = useState<QuotaPlanMeasure>('bookings');
  const [target, setTarget] = useState('');
  const [historyWeight, setHistoryWeight] = useState('50');
  const [amWeight, setAmWeight] = useState('');
  const [minGrowth, setMinGrowth] = useState('');
  const [maxGrowth, setMaxGrowth] = useState('');
  const [basis, setBasis] = useState<'sellers' | 'territories'>('sellers');
  // '' = the active model.
  const [modelId, setModelId] = useState('');
  const models = useQuery({ queryKey: ['territory-models', 'for-quotas'], queryFn: () => api<{ items: TerritoryModelSummary[] }>('/territory-models') });
  const choices = (models.data?.items ?? []).filter((m) => m.status !== 'archived');
  const units = { unit: unitOfMeasure(measure), currency, measure } as const;
  const targetMinor = quotaTyped(target, units);
  const values = {
    year: /^\d{4}$/.test(year) ? Number(year) : null,
    historyWeight: percentToFraction(historyWeight, 0, 100),
    amWeight: amWeight === '' ? undefined : percentToFraction(amWeight, 0, 100),
    minGrowth: minGrowth === '' ? undefined : percentToFraction(minGrowth, -100, 1000),
    maxGrowth: maxGrowth === '' ? undefined : percentToFraction(maxGrowth, -100, 1000),
  };
  const problems: Record<string, string | null> = {
    year: values.year === null ? 'a year such as 2027' : null,
    target: targetMinor === null ? (units.unit === 'count' ? 'a whole number such as 120' : `an amount in ${currency}`) : null,
    historyWeight: values.historyWeight === null ? 'from 0% to 100%' : null,
    amWeight: values.amWeight === null ? 'from 0% to 100%, or empty' : null,
    minGrowth: values.minGrowth === null ? 'a percent such as -10, or empty' : null,
    maxGrowth: values.maxGrowth === null ? 'a percent such as 50, or empty' : null,
  };
  const valid = Object.values(problems).every((p) => p === null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    onSubmit({
      fiscalYear: values.year as number, measure, targetMinor: targetMinor as string, historyWeight: values.historyWeight as string,
      ...(values.amWeight ? { weightsByRole: { am: values.amWeight } } : {}),
      ...(values.minGrowth ? { minGrowth: values.minGrowth } : {}),
      ...(values.maxGrowth ? { maxGrowth: values.maxGrowth } : {}),
      ...(basis === 'territories' ? { basis, ...(modelId === '' ? {} : { territoryModelId: modelId }) } : {}),
    });
  };
  const field = (key: string, label: string, value: string, set: (v: string) => void, extra: JSX.IntrinsicElements['input'] = {}) => (
    <div className="field compact">
      <label htmlFor={`${ids}-${key}`}>{label}</label>
      <input id={`${ids}-${key}`} value={value} onChange={(e) => set(e.target.value)} inputMode="decimal" {...extra}
        aria-invalid={problems[key] !== null && value !== ''} aria-describedby={problems[key] && value !== '' ? `${ids}-${key}-error` : undefined} />
      {problems[key] && value !== '' && <p className="field-error" id={`${ids}-${key}-error`}>{problems[key]}</p>}
    </div>
  );
  return (
    <form className="card quota-form" onSubmit={submit} noValidate data-testid="quota-form">
      {field('year', 'Fiscal year', year, setYear)}
      <div className="field compact">
        <label htmlFor={`${ids}-measure`}>Measure</label>
        <select id={`${ids}-measure`} value={measure} onChange={(e) => setMeasure(e.target.value as typeof measure)}>
          <option value="bookings">Bookings</option>
          <option value="new-logos">New logos</option>
          <option value="acv">ACV (annual contract value)</option>
        </select>
      </div>
      {field('target', `Company number ${unitSuffix(units)}`, target, setTarget, { placeholder: units.unit === 'count' ? 'e.g. 120' : 'e.g. 60000000' })}
      <div className="field compact">
        <label htmlFor={`${ids}-basis`}>Share among</label>
        <select id={`${ids}-basis`} value={basis} onChange={(e) => setBasis(e.target.value as typeof basis)}>
          <option value="sellers">Sellers</option>
          <option value="territories" disabled={choices.length === 0}>Territories{choices.length === 0 ? ' (no model yet)' : ''}</option>
        </select>
      </div>
      {basis === 'territories' && (
        <div className="field compact">
          <label htmlFor={`${ids}-model`}>Territory model</label>
          <select id={`${ids}-model`} value={modelId} onChange={(e) => setModelId(e.target.value)}>
            <option value="">The active one</option>
            {choices.map((m) => <option key={m.id} value={m.id}>{m.name} ({m.status})</option>)}
          </select>
        </div>
      )}
      {field('historyWeight', 'History weight %', historyWeight, setHistoryWeight)}
      {field('amWeight', 'Account managers %', amWeight, setAmWeight, { placeholder: 'as above' })}
      {field('minGrowth', 'Min vs last year %', minGrowth, setMinGrowth, { placeholder: 'none' })}
      {field('maxGrowth', 'Max vs last year %', maxGrowth, setMaxGrowth, { placeholder: 'none' })}
      <button type="submit" className="primary" disabled={!valid || pending} aria-busy={pending}>{pending ? 'Allocating…' : 'Allocate'}</button>
    </form>
  );
}
