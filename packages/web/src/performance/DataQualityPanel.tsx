import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import type { DataQualityWire } from '@attain/contract';
import { api, withQuery } from '../api/client.js';
import { formatCount, formatDate, formatMoney } from '../ui/format.js';
import { ExportCsvButton } from '../ui/ExportCsvButton.js';

const CHECKS = [
  ['missing-fields', 'Missing fields'], ['past-due', 'Past due'], ['no-activity', 'No activity'], ['pushed', 'Pushed'], ['lost-without-reason', 'Lost, no reason'], ['duplicate', 'Duplicates'],
] as const;
type Tally = DataQualityWire['root']['tally'];
const cleanShare = (t: Tally) => (t.openDeals === 0 ? '–' : `${Math.round((100 * t.clean) / t.openDeals)}%`);

/**
 * Data quality (docs/analytics.md#data-quality): the share of open deals that fail no check, each
 * check per person below, and the deals that fail, each a link to fix it. A diagnostic beside
 * the outcomes, read from the records.
 */
export function DataQualityPanel({ personId, onOpen }: { personId: string | undefined; onOpen: (p: { personId: string; name: string }) => void }) {
  const [staleDays, setStaleDays] = useState(30);
  const q = useQuery({
    queryKey: ['analytics', 'data-quality', personId ?? '', staleDays],
    queryFn: () => api<DataQualityWire>(withQuery('/analytics/data-quality', { personId, staleDays })),
  });
  const d = q.data;
  return (
    <section className="card" aria-labelledby="quality-title" data-testid="data-quality">
      <div className="card-header">
        <h2 id="quality-title">Data quality{d ? `: ${d.root.name}` : ''}</h2>
        <label className="small">No activity in{' '}
          <select value={staleDays} onChange={(e) => setStaleDays(Number(e.target.value))} aria-label="No activity in">
            {[14, 30, 60, 90].map((n) => <option key={n} value={n}>{n} days</option>)}
          </select>
        </label>
        {d && d.issues.length > 0 && (
          <ExportCsvButton fileName={`data-quality-${d.asOf}.csv`} head={['deal', 'owner', 'status', 'close date', 'checks', 'missing fields', 'pushes', 'last activity']}
            rows={() => d.issues.map((i) => [i.name, i.ownerName ?? '', i.status, i.closeDate, i.checks.join(' '), i.missingFields.join(' '), String(i.pushes), i.lastActivityOn ?? ''])} />
        )}
      </div>
      {q.isPending && <div className="skeleton" style={{ height: '8rem' }} aria-busy="true" />}
      {q.isError && <p className="error" role="alert">{q.error.message}</p>}
      {d && (
        <>
          <p className="small" data-testid="quality-summary">
            <strong>{cleanShare(d.root.tally)}</strong> of {formatCount(d.root.tally.openDeals)} open deals pass every check; {formatCount(d.issuesTotal)} deals fail one
            (close dates pushed {formatCount(d.root.tally.pushes)} times in all).
          </p>
          <div className="table-wrap">
            <table className="data compact" data-testid="quality-people">
              <thead><tr><th scope="col">Person</th><th scope="col" className="num">Open</th><th scope="col" className="num">Clean</th>{CHECKS.map(([, label]) => <th key={label} scope="col" className="num">{label}</th>)}</tr></thead>
              <tbody>
                {[{ personId: null, name: d.root.name, reports: 0, tally: d.root.tally }, ...d.children].map((c) => (
                  <tr key={c.personId ?? 'root'} className={c.personId === null || c.personId === d.root.personId ? 'total' : undefined}>
                    <th scope="row">{c.personId !== null && c.personId !== d.root.personId ? <button type="button" className="link" onClick={() => onOpen({ personId: c.personId as string, name: c.name })}>{c.name}</button> : c.name}</th>
                    <td className="num">{c.tally.openDeals}</td><td className="num">{cleanShare(c.tally)}</td>
                    {CHECKS.map(([check]) => <td key={check} className="num">{c.tally.counts[check] || ''}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {d.issues.length > 0 && (
            <div className="table-wrap">
              <table className="data compact" data-testid="quality-issues">
                <caption className="small muted">{d.issuesTotal > d.issues.length ? `The first ${d.issues.length} of ${formatCount(d.issuesTotal)}, by owner and close date.` : 'By owner and close date.'}</caption>
                <thead><tr><th scope="col">Deal</th><th scope="col">Owner</th><th scope="col">Close date</th><th scope="col" className="num">Amount</th><th scope="col">Fails</th><th scope="col">Last activity</th></tr></thead>
                <tbody>
                  {d.issues.map((i) => (
                    <tr key={i.id}>
                      <th scope="row"><Link href={`/opportunities/${i.id}`}>{i.name}</Link></th><td>{i.ownerName ?? '–'}</td><td>{formatDate(i.closeDate)}</td>
                      <td className="num">{formatMoney(i.amountMinor, i.currency)}</td>
                      <td>{i.checks.map((c) => CHECKS.find(([k]) => k === c)?.[1]).join(', ')}{i.missingFields.length > 0 ? ` (${i.missingFields.join(', ')})` : ''}{i.pushes > 1 ? `; pushed ${i.pushes}x` : ''}</td>
                      <td>{i.lastActivityOn ? formatDate(i.lastActivityOn) : 'never'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
