import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'wouter';
import { lineDepths } from '@attain/core';
import type { QuotaProposalBody, QuotaTeamView } from '@attain/contract';
import { api } from '../api/client.js';
import { formatInstant, humanize } from '../ui/format.js';
import { formatQuota, lastYearLabel, quotaTyped, unitSuffix } from './quota-units.js';

const path = (id: string) => `/team-quotas/${encodeURIComponent(id)}`;

/** Her team's lines: the plan's number beside the one she proposes, with why; then a comment, and a sign-off when in review. */
export function TeamQuotaPage({ id }: { id: string }) {
  const ids = useId();
  const client = useQueryClient();
  const view = useQuery({ queryKey: ['team-quota', id], queryFn: () => api<QuotaTeamView>(path(id)) });
  const [asked, setAsked] = useState<Record<string, { amount: string; reason: string }>>({});
  const [comment, setComment] = useState('');
  const done = async (v: QuotaTeamView) => {
    client.setQueryData(['team-quota', id], v);
    setAsked({});
    setComment('');
  };
  const propose = useMutation({ mutationFn: (body: QuotaProposalBody) => api<QuotaTeamView>(`${path(id)}/proposals`, { method: 'POST', body }), onSuccess: done });
  const signOff = useMutation({ mutationFn: (c: string) => api<QuotaTeamView>(`${path(id)}/sign-off`, { method: 'POST', body: { comment: c } }), onSuccess: done });
  if (view.isPending) return <main className="page"><div className="skeleton" style={{ height: '16rem' }} aria-busy="true" aria-label="Loading your team's quotas" /></main>;
  if (view.isError) return <main className="page"><p className="error" role="alert">{view.error.message}</p></main>;
  const v = view.data;
  const money = (m: string) => formatQuota(m, v);
  const depth = lineDepths(v.lines);
  const edits = Object.entries(asked).filter(([, a]) => a.amount.trim() !== '');
  const bad = edits.filter(([, a]) => quotaTyped(a.amount, v) === null || a.reason.trim() === '').map(([key]) => key);
  const set = (key: string, field: 'amount' | 'reason', value: string) => setAsked((x) => ({ ...x, [key]: { amount: '', reason: '', ...x[key], [field]: value } }));
  const send = () => propose.mutate({ comment, edits: edits.map(([key, a]) => ({ key, annualMinor: quotaTyped(a.amount, v) as string, reason: a.reason.trim() })) });
  const node = v.cascade.find((n) => n.key === v.managerKey);
  return (
    <main className="page quotas-page" data-testid="team-quota">
      <header className="page-header">
        <div>
          <p className="muted small"><Link href="/">Team quotas</Link></p>
          <h1>FY{v.fiscalYear} {v.measure}: your team</h1>
          <p className="muted">{v.yearFrom} to {v.yearTo}. <span className={`badge status-${v.status}`}>{humanize(v.status)}</span> version {v.version}{v.signedOff ? ', signed off by you' : ''}</p>
        </div>
      </header>
      {node && <p>Your quota {money(node.quotaMinor)}; your team sums {money(node.childrenMinor)} <span className={`badge ${node.overBound || node.short ? 'warn' : 'ok'}`}>{node.padding === null ? '' : `${node.padding >= 0 ? '+' : ''}${(100 * node.padding).toFixed(1)}%`}</span></p>}
      <div className="table-wrap">
        <table className="data" data-testid="team-quota-lines">
          <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col" className="num">In the plan</th><th scope="col" className="num">In the year</th><th scope="col" className="num">{lastYearLabel(v)}</th><th scope="col">You propose</th><th scope="col">Why</th></tr></thead>
          <tbody>
            {v.lines.map((l) => (
              <tr key={l.key} data-testid="team-quota-line" className={l.kind === 'manager' ? 'manager-row' : ''}>
                <th scope="row" style={{ paddingLeft: `${0.5 + 1.25 * Math.max(0, (depth.get(l.key) ?? 0) - (depth.get(v.managerKey) ?? 0))}rem` }}>{l.name}{l.kind === 'placeholder' && <span className="badge">to be hired</span>}</th>
                <td>{l.role.toUpperCase()}</td><td className="num">{money(l.annualMinor)}</td><td className="num">{money(l.inYearMinor)}</td><td className="num">{money(l.historyMinor)}</td>
                {l.key === v.managerKey || !v.abilities.propose ? <><td /><td /></> : (
                  <>
                    <td><input aria-label={`Proposed quota for ${l.name}`} inputMode="decimal" value={asked[l.key]?.amount ?? ''} onChange={(e) => set(l.key, 'amount', e.target.value)} aria-invalid={bad.includes(l.key)} /></td>
                    <td><input aria-label={`Why, for ${l.name}`} value={asked[l.key]?.reason ?? ''} onChange={(e) => set(l.key, 'reason', e.target.value)} /></td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(v.abilities.propose || v.abilities.signOff) && (
        <section className="card quota-actions">
          <div className="field">
            <label htmlFor={`${ids}-comment`}>Comment</label>
            <textarea id={`${ids}-comment`} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
          </div>
          {bad.length > 0 && <p className="field-error">Each proposed quota needs an amount {unitSuffix(v)} and a reason.</p>}
          <div className="actions">
            {v.abilities.propose && <button type="button" className="primary" disabled={edits.length === 0 || bad.length > 0 || propose.isPending} onClick={send}>Send proposal</button>}
            {v.abilities.signOff && !v.signedOff && <button type="button" disabled={signOff.isPending} onClick={() => signOff.mutate(comment)}>Sign off version {v.version}</button>}
          </div>
          {(propose.error ?? signOff.error) && <p className="error" role="alert">{(propose.error ?? signOff.error)?.message}</p>}
        </section>
      )}
      {v.proposals.length > 0 && (
        <section>
          <h2>Your proposals</h2>
          <ul data-testid="team-quota-proposals">
            {v.proposals.map((p, k) => (
              <li key={k}>v{p.version}, {formatInstant(p.at)}{p.comment ? `: ${p.comment}` : ''}: {p.edits.map((e) => `${e.name} ${money(e.proposedMinor)} (${e.reason})`).join('; ')}</li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
