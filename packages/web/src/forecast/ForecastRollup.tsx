import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import type { ForecastRollupRangeWire, ForecastRollupRow, ForecastRollupWire } from '@attain/contract';
import { api, withQuery } from '../api/client.js';
import { formatDate, formatMoney } from '../ui/format.js';
import { ExportCsvButton } from '../ui/ExportCsvButton.js';
import { majorOf } from '../ui/table-csv.js';
import { AdjustForm, CallForm } from './CallForms.js';
import { RangeBand } from './RangeBand.js';
import { TerritoryRollup } from './TerritoryRollup.js';
import { visibleRows } from './rollup-rows.js';

/**
 * The forecast roll-up (docs/forecasting.md#calls-and-the-roll-up): her line and her team's below
 * it, each with quota, what the deals hold, the call, her adjustment and what counts upwards; the
 * statistical range of the same deals beside her own call. Any past Monday's snapshot reads the
 * same way, in that week's hierarchy.
 */
export function ForecastRollup({ periodKey }: { periodKey: string }) {
  const [by, setBy] = useState<'people' | 'territory'>('people');
  return (
    <section className="card" aria-labelledby="forecast-rollup-title" data-testid="forecast-rollup">
      <div className="card-header">
        <h2 id="forecast-rollup-title">Calls and roll-up</h2>
        <div className="segmented" role="group" aria-label="Roll up by">
          <button type="button" aria-pressed={by === 'people'} onClick={() => setBy('people')}>By people</button>
          <button type="button" aria-pressed={by === 'territory'} onClick={() => setBy('territory')}>By territory</button>
        </div>
      </div>
      {by === 'territory' ? <TerritoryRollup periodKey={periodKey} /> : <PeopleRollup periodKey={periodKey} />}
    </section>
  );
}

/** The roll-up by the reporting hierarchy, with calls, adjustments, past weeks and the range beside. */
function PeopleRollup({ periodKey }: { periodKey: string }) {
  const [snapshot, setSnapshot] = useState('');
  const [root, setRoot] = useState<ForecastRollupRow[]>([]);
  const top = root[root.length - 1];
  const rollup = useQuery({
    queryKey: ['forecast', 'rollup', periodKey, snapshot, top?.personId ?? ''],
    queryFn: () => api<ForecastRollupWire>(withQuery('/forecast/rollup', { period: periodKey, snapshot: snapshot || undefined, personId: top?.personId })),
  });
  // The range replays the history, so it comes on its own and the table does not wait for it.
  const range = useQuery({
    queryKey: ['forecast', 'rollup-range', periodKey, snapshot, top?.personId ?? ''],
    queryFn: () => api<ForecastRollupRangeWire>(withQuery('/forecast/rollup/range', { period: periodKey, snapshot: snapshot || undefined, personId: top?.personId })),
  });
  const statistical = range.data?.statistical;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [adjusting, setAdjusting] = useState<string | null>(null);
  const r = rollup.data;
  const mine = r?.rows[0];
  const money = (m: string | null) => (m === null ? '–' : formatMoney(m, r?.currency ?? 'USD'));
  const toggle = (id: string) => setCollapsed((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  return (
    <>
      <div className="card-header">
        <label className="small">Week{' '}
          <select value={snapshot} onChange={(e) => { setSnapshot(e.target.value); setAdjusting(null); }} aria-label="Week">
            <option value="">Live</option>
            {r?.snapshots.map((d) => <option key={d} value={d}>Snapshot of {formatDate(d)}</option>)}
          </select>
        </label>
        {r && (
          <ExportCsvButton fileName={`forecast-${r.periodKey}-${r.snapshot ?? r.asOf}.csv`}
            head={['person', 'manager', 'quota', 'closed', 'commit (deals)', 'best case (deals)', 'open pipeline', 'call commit', 'call best case', 'adjusted commit', 'adjusted best case', 'forecast commit', 'forecast best case']}
            rows={() => r.rows.map((x) => [x.name, r.rows.find((m) => m.personId === x.managerId)?.name ?? '', ...[x.quotaMinor, x.pipeline.closed, x.pipeline.commit, x.pipeline.bestCase, x.pipeline.open,
              x.call.commit, x.call.bestCase, x.adjustment.commit, x.adjustment.bestCase, x.forecast.commit, x.forecast.bestCase].map((m) => majorOf(m, r.currency))])} />
        )}
      </div>
      <p className="muted small">Cumulative: commit includes what is closed, best case includes commit. A manager&apos;s adjustment counts upwards in place of the call; the person keeps her own.</p>
      {root.length > 0 && (
        <nav className="breadcrumbs small" aria-label="Roll-up path">
          <button type="button" className="link" onClick={() => setRoot([])}>Top</button>
          {root.map((p, i) => <Fragment key={p.personId}> › <button type="button" className="link" onClick={() => setRoot(root.slice(0, i + 1))}>{p.name}</button></Fragment>)}
        </nav>
      )}
      {rollup.isPending && <div className="skeleton" style={{ height: '8rem' }} aria-busy="true" />}
      {rollup.isError && <p className="error" role="alert">{rollup.error.message}</p>}
      {r && r.rows.length === 0 && <p className="empty-state">No one in the sales org to roll up{r.snapshot ? ' in that week' : ''}.</p>}
      {r && mine && (
        <>
          {range.isPending && <p className="muted small" aria-busy="true">Replaying the pipeline&apos;s history for the statistical range…</p>}
          {range.isError && <p className="error small" role="alert">The statistical range could not be made: {range.error.message}</p>}
          {statistical?.range && (
            <div data-testid="rollup-range">
              <p className="small"><strong>{mine.name}</strong>: forecast commit {money(mine.forecast.commit)}, best case {money(mine.forecast.bestCase)}; the statistical forecast of the same deals says P10 {money(statistical.range.p10)}, P50 {money(statistical.range.p50)}, P90 {money(statistical.range.p90)}.</p>
              <RangeBand forecast={{ ...statistical, periodKey: r.periodKey, period: r.period, currency: r.currency }} call={mine.forecast} />
            </div>
          )}
          {statistical && !statistical.range && <p className="notice small">Statistical forecast: {statistical.notEnoughHistory}</p>}
          {r.canCall && mine && <CallForm periodKey={r.periodKey} currency={r.currency} mine={mine} />}
          <div className="table-wrap">
            <table className="data compact rollup" data-testid="rollup-table">
              <thead>
                <tr>
                  <th scope="col">Person</th><th scope="col" className="num">Quota</th><th scope="col" className="num">Closed</th>
                  <th scope="col" className="num">Commit (deals)</th><th scope="col" className="num">Best case (deals)</th><th scope="col" className="num">Open pipeline</th>
                  <th scope="col" className="num">Call: commit</th><th scope="col" className="num">Call: best case</th><th scope="col" className="num">Adjusted</th>
                  <th scope="col" className="num">Forecast: commit</th><th scope="col" className="num">Best case</th><th scope="col" className="num">Commit / quota</th><th scope="col"><span className="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {visibleRows(r.rows, collapsed).map((x) => (
                  <Fragment key={x.personId}>
                    <tr data-person={x.name}>
                      <th scope="row" style={{ paddingLeft: `${0.5 + 1.25 * x.depth}rem` }}>
                        {x.reports > 0 && <button type="button" className="link tree-toggle" aria-expanded={!collapsed.has(x.personId)} aria-label={`${collapsed.has(x.personId) ? 'Show' : 'Hide'} ${x.name}'s team`} onClick={() => toggle(x.personId)}>{collapsed.has(x.personId) ? '▸' : '▾'}</button>}
                        {x.depth > 0 && x.reports > 0 && !r.snapshot ? <button type="button" className="link" onClick={() => setRoot([...root, x])}>{x.name}</button> : x.name}
                        {x.title && <span className="muted small"> {x.title}</span>}
                      </th>
                      <td className="num">{money(x.quotaMinor)}</td><td className="num">{money(x.pipeline.closed)}</td>
                      <td className="num">{money(x.pipeline.commit)}</td><td className="num">{money(x.pipeline.bestCase)}</td><td className="num">{money(x.pipeline.open)}</td>
                      <td className="num">{money(x.call.commit)}</td><td className="num">{money(x.call.bestCase)}</td>
                      <td className="num" data-testid="rollup-adjusted">{x.adjustment.commit === null && x.adjustment.bestCase === null ? '–' : [x.adjustment.commit && `C ${money(x.adjustment.commit)}`, x.adjustment.bestCase && `BC ${money(x.adjustment.bestCase)}`].filter(Boolean).join(' · ')}</td>
                      <td className="num strong" data-testid="rollup-forecast-commit">{money(x.forecast.commit)}</td><td className="num">{money(x.forecast.bestCase)}</td>
                      <td className="num">{x.quotaMinor && BigInt(x.quotaMinor) > 0n ? `${(Number((BigInt(x.forecast.commit) * 1000n) / BigInt(x.quotaMinor)) / 10).toFixed(1)}%` : '–'}</td>
                      <td>{x.canAdjust && adjusting !== x.personId && <button type="button" className="ghost small" onClick={() => setAdjusting(x.personId)}>Adjust</button>}</td>
                    </tr>
                    {adjusting === x.personId && (
                      <tr className="adjust-row"><td colSpan={13}><AdjustForm periodKey={r.periodKey} currency={r.currency} row={x} onDone={() => setAdjusting(null)} /></td></tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
