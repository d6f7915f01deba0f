import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { PERSON_KINDS, type PersonKind } from '@attain/core';
import type { QuotaPlanDetail } from '@attain/contract';
import { useQuotaPlanWrites } from './use-quota-plans.js';
import { quotaTyped, unitSuffix } from './quota-units.js';

/** A to-be-hired seller carrying quota from her expected start, under a manager of the plan: the next version. */
export function PlaceholderForm({ plan: p }: { plan: QuotaPlanDetail }) {
  const ids = useId();
  const { save } = useQuotaPlanWrites(p.id);
  const managers = p.lines.filter((l) => l.kind === 'manager');
  const [name, setName] = useState('');
  const [role, setRole] = useState<PersonKind>('ae');
  const [managerId, setManagerId] = useState(managers[0]?.key ?? '');
  const [start, setStart] = useState(p.yearFrom);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const minor = quotaTyped(amount, p);
  const valid = name.trim() !== '' && minor !== null && reason.trim() !== '' && start !== '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    save.mutate(
      {
        baseVersion: p.version, reason: `to be hired: ${name.trim()}`,
        addPlaceholders: [{ name: name.trim(), role, managerId: managerId === '' ? null : managerId, startDate: start, annualMinor: minor as string, reason: reason.trim() }],
        ...(p.approvedVersion !== null ? { changeReason: 'hire' as const } : {}),
      },
      { onSuccess: () => { setName(''); setAmount(''); setReason(''); } },
    );
  };
  const field = (key: string, label: string, input: ReactNode) => (
    <div className="field compact"><label htmlFor={`${ids}-${key}`}>{label}</label>{input}</div>
  );
  return (
    <form className="card quota-form" onSubmit={submit} noValidate data-testid="placeholder-form" aria-label="Add a seller to be hired">
      {field('name', 'To be hired', <input id={`${ids}-name`} value={name} onChange={(e) => setName(e.target.value)} placeholder="New AE (West)" />)}
      {field('role', 'Role', <select id={`${ids}-role`} value={role} onChange={(e) => setRole(e.target.value as PersonKind)}>{PERSON_KINDS.map((k) => <option key={k} value={k}>{k.toUpperCase()}</option>)}</select>)}
      {field('manager', 'Manager', <select id={`${ids}-manager`} value={managerId} onChange={(e) => setManagerId(e.target.value)}><option value="">None</option>{managers.map((m) => <option key={m.key} value={m.key}>{m.name}</option>)}</select>)}
      {field('start', 'Starts', <input id={`${ids}-start`} type="date" value={start} min={p.yearFrom} max={p.yearTo} onChange={(e) => setStart(e.target.value)} />)}
      {field('amount', `Annual quota ${unitSuffix(p)}`, <input id={`${ids}-amount`} value={amount} inputMode="decimal" onChange={(e) => setAmount(e.target.value)} aria-invalid={amount !== '' && minor === null} />)}
      {field('reason', 'Why', <input id={`${ids}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="approved headcount" />)}
      <button type="submit" disabled={!valid || save.isPending}>Add</button>
      {save.error && <p className="error" role="alert">{save.error.message}</p>}
    </form>
  );
}
