import { useId, useState, type FormEvent } from 'react';
import { addDays, lineDepths } from '@attain/core';
import { QUOTA_CHANGE_REASONS, type QuotaPlanDetail } from '@attain/contract';
import { matchesText } from '../pay/table-sort.js';
import { formatCount, formatDate, humanize } from '../ui/format.js';
import type { PlanLine } from './plan-rows.js';
import { useQuotaPlanWrites } from './use-quota-plans.js';
import { formatQuota, historyName, lastYearLabel, quotaTyped, unitSuffix } from './quota-units.js';

const signed = (x: number | null) => (x === null ? '—' : `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`);

/**
 * The plan over the hierarchy: each manager (her team's sum against her quota) above her team,
 * every line's annual quota, what she carries in the year by quarter (after start, ramp and
 * seasonality), and why it was set. A planner edits a quota in place, with the reason.
 */
export function QuotaGrid({ plan: p, editable }: { plan: QuotaPlanDetail; editable: boolean }) {
  const ids = useId();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const depth = lineDepths(p.lines);
  const cascade = new Map(p.cascade.map((n) => [n.key, n]));
  const shown = p.lines.filter((l) => matchesText([l.name, l.role, l.kind, l.reason ?? ''].join(' '), filter));
  const money = (m: string) => formatQuota(m, p);
  return (
    <section className="quota-grid">
      <h2>The plan</h2>
      <div className="list-tools">
        <div className="field compact search">
          <label htmlFor={`${ids}-filter`}>Filter lines</label>
          <input id={`${ids}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Name, role, reason" />
        </div>
        <p className="muted small" aria-live="polite">{formatCount(shown.length)} of {formatCount(p.lines.length)} lines</p>
      </div>
      <div className="table-wrap">
        <table className="data" data-testid="quota-grid">
          <thead>
            <tr>
              <th scope="col">Name</th><th scope="col">Role</th><th scope="col">Starts</th><th scope="col" className="num">Annual quota</th><th scope="col" className="num">Team sum</th>
              <th scope="col" className="num">In the year</th>{['Q1', 'Q2', 'Q3', 'Q4'].map((q) => <th key={q} scope="col" className="num">{q}</th>)}
              <th scope="col" className="num">{lastYearLabel(p)}</th><th scope="col" className="num">vs last year</th><th scope="col">Set by</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((l) => {
              const node = cascade.get(l.key);
              return (
                <tr key={l.key} data-testid="quota-line" data-kind={l.kind} className={l.kind === 'manager' ? 'manager-row' : ''}>
                  <th scope="row" style={{ paddingLeft: `${0.5 + 1.25 * (depth.get(l.key) ?? 0)}rem` }}>
                    {l.name}{l.kind === 'placeholder' && <span className="badge">to be hired</span>}
                    {l.kind === 'placeholder' && editable && <RemovePlaceholder plan={p} line={l} />}
                  </th>
                  <td>{l.role.toUpperCase()}</td>
                  <td>{l.startDate && (l.ramp !== null || l.startDate > p.yearFrom) ? formatDate(l.startDate) : ''}{l.ramp ? <span className="muted small"> ramp {l.ramp.map((f) => `${Math.round(Number(f) * 100)}%`).join('/')}</span> : null}</td>
                  <td className="num" data-testid="line-annual">
                    {editing === l.key
                      ? <LineEditor plan={p} line={l} onDone={() => setEditing(null)} />
                      : <>
                        {money(l.annualMinor)}{editable && <button type="button" className="link small" onClick={() => setEditing(l.key)} aria-label={`Change the quota of ${l.name}`}>Edit</button>}
                        {l.earlier.length > 0 && <span className="muted small" data-testid="line-earlier"><br />from {formatDate(l.earlier.at(-1)?.until)}; before: {l.earlier.map((e) => `${money(e.annualMinor)} to ${formatDate(addDays(e.until, -1))}`).join(', ')}</span>}
                      </>}
                  </td>
                  <td className="num">
                    {node && node.children > 0 ? <>{money(node.childrenMinor)} <span className={`badge ${node.overBound ? 'warn' : node.short ? 'warn' : 'ok'}`} data-testid="line-padding">{signed(node.padding)}</span></> : ''}
                  </td>
                  <td className="num" data-testid="line-in-year">{money(l.inYearMinor)}</td>
                  {l.quarters.map((q, k) => <td key={k} className="num">{money(q)}</td>)}
                  <td className="num">{money(l.historyMinor)}</td><td className="num">{signed(l.growth)}</td>
                  <td>{l.reason ?? (l.kind === 'manager' ? 'team sum' : 'the allocation')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** An annual quota changed in place: the amount, why, and once the plan was approved, the kind of mid-year change. */
function LineEditor({ plan: p, line, onDone }: { plan: QuotaPlanDetail; line: PlanLine; onDone: () => void }) {
  const ids = useId();
  const { save } = useQuotaPlanWrites(p.id);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [changeReason, setChangeReason] = useState<string>('');
  const [from, setFrom] = useState(new Date().toISOString().slice(0, 10));
  const midYear = p.approvedVersion !== null;
  const minor = quotaTyped(amount, p);
  const valid = minor !== null && reason.trim() !== '' && (!midYear || changeReason !== '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    save.mutate(
      {
        baseVersion: p.version, reason: `${line.name}: ${reason.trim()}`, edits: [{ key: line.key, annualMinor: minor, reason: reason.trim() }],
        ...(midYear ? { changeReason: changeReason as (typeof QUOTA_CHANGE_REASONS)[number], effectiveFrom: from } : {}),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="line-editor" onSubmit={submit} noValidate aria-label={`New quota for ${line.name}`}>
      <label className="visually-hidden" htmlFor={`${ids}-amount`}>Annual quota {unitSuffix(p)}</label>
      <input id={`${ids}-amount`} value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" placeholder={p.unit === 'count' ? historyName(p) : p.currency} autoFocus aria-invalid={amount !== '' && minor === null} />
      <label className="visually-hidden" htmlFor={`${ids}-reason`}>Reason</label>
      <input id={`${ids}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Why" />
      {midYear && (
        <select value={changeReason} onChange={(e) => setChangeReason(e.target.value)} aria-label="Kind of mid-year change">
          <option value="">Kind of change…</option>
          {QUOTA_CHANGE_REASONS.map((r) => <option key={r} value={r}>{humanize(r)}</option>)}
        </select>
      )}
      {midYear && <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} aria-label="From" />}
      <button type="submit" className="primary small" disabled={!valid || save.isPending}>Save</button>
      <button type="button" className="small" onClick={onDone}>Cancel</button>
      {save.error && <p className="field-error" role="alert">{save.error.message}</p>}
    </form>
  );
}

/** Takes a placeholder out of the plan (the next version). */
function RemovePlaceholder({ plan: p, line }: { plan: QuotaPlanDetail; line: PlanLine }) {
  const { save } = useQuotaPlanWrites(p.id);
  return (
    <button type="button" className="link small" disabled={save.isPending} aria-label={`Take out ${line.name}`}
      onClick={() => save.mutate({ baseVersion: p.version, reason: `not hired: ${line.name}`, removeKeys: [line.key], ...(p.approvedVersion !== null ? { changeReason: 'correction' as const } : {}) })}>
      Take out
    </button>
  );
}
