import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Link } from 'wouter';
import type { OutputAnalyticsWire, OutputFiguresWire } from '@attain/contract';
import { api, withQuery } from '../api/client.js';
import { SortableHeader } from '../pay/SortableHeader.js';
import { sortRows, type Sort, type SortValue } from '../pay/table-sort.js';
import { ExportCsvButton } from '../ui/ExportCsvButton.js';
import { formatCount, formatDate, formatMoney } from '../ui/format.js';
import { majorOf } from '../ui/table-csv.js';
import { AttainmentBars } from './AttainmentBars.js';
import { DataQualityPanel } from './DataQualityPanel.js';
import { periodChoices } from './period-choices.js';
import './performance.css';

type Child = OutputAnalyticsWire['children'][number];
type Column = 'name' | 'bookings' | 'quota' | 'attainment' | 'winRate' | 'averageDeal' | 'cycle' | 'coverage' | 'productivity';

const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);

/**
 * Performance: outcomes first (docs/analytics.md). What a team produced in a period, each figure
 * by its one definition, the people below it on one scale, and a way down to a seller's deals;
 * beside it, as a diagnostic, the quality of the CRM data the figures stand on.
 */
export function PerformancePage() {
  const [view, setView] = useState<'output' | 'quality'>('output');
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [path, setPath] = useState<{ personId: string; name: string }[]>([]);
  const top = path[path.length - 1];
  const query = useQuery({
    queryKey: ['analytics', 'output', period ?? '', top?.personId ?? ''], enabled: view === 'output',
    queryFn: () => api<OutputAnalyticsWire>(withQuery('/analytics/output', { period, personId: top?.personId })),
  });
  const [sort, setSort] = useState<Sort<Column>>({ key: 'attainment', descending: true });
  const a = query.data;
  // The current quarter is what the server answers when no period is asked for.
  const [thisQuarter, setThisQuarter] = useState<string | null>(null);
  if (a && period === undefined && thisQuarter !== a.periodKey) setThisQuarter(a.periodKey);
  const choices = thisQuarter === null ? [] : periodChoices(thisQuarter);
  const money = (m: string | null) => (m === null ? '–' : formatMoney(m, a?.currency ?? 'USD'));
  const open = (c: { personId: string; name: string }) => setPath([...path, { personId: c.personId, name: c.name }]);
  const valueOf = (c: Child, key: Column): SortValue => {
    const f = c.figures;
    const big = (m: string | null) => (m === null ? null : BigInt(m));
    return { name: c.name, bookings: BigInt(f.bookingsMinor), quota: big(f.quotaMinor), attainment: f.attainment, winRate: f.winRateByCount, averageDeal: big(f.averageDealMinor), cycle: f.cycleMedianDays, coverage: f.coverage, productivity: f.productivityIndex }[key];
  };
  return (
    <main className="page performance-page">
      <header className="page-header">
        <h1>Performance</h1>
        <p className="muted">What was produced, against quota and against what the territory could give; the level below to drill into.</p>
        <div className="segmented" role="group" aria-label="View">
          <button type="button" aria-pressed={view === 'output'} onClick={() => setView('output')}>Output</button>
          <button type="button" aria-pressed={view === 'quality'} onClick={() => setView('quality')}>Data quality</button>
        </div>
        {view === 'output' && <label className="small">Period{' '}
          <select value={period ?? ''} onChange={(e) => setPeriod(e.target.value || undefined)} aria-label="Period">
            <option value="">This quarter</option>
            {choices.slice(1).map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </label>}
      </header>
      <nav className="breadcrumbs small" aria-label="Drill-down path">
        <button type="button" className="link" onClick={() => setPath([])}>Top</button>
        {path.map((p, i) => <Fragment key={p.personId}> › <button type="button" className="link" onClick={() => setPath(path.slice(0, i + 1))}>{p.name}</button></Fragment>)}
      </nav>
      {view === 'quality' && <DataQualityPanel personId={top?.personId} onOpen={open} />}
      {view === 'output' && query.isPending && <div className="skeleton" style={{ height: '12rem' }} aria-busy="true" />}
      {view === 'output' && query.isError && <p className="error" role="alert">{query.error.message}</p>}
      {view === 'output' && a && (
        <>
          <section className="card" aria-labelledby="perf-root" data-testid="performance-root">
            <h2 id="perf-root">{a.root.name} <span className="muted small">{a.periodKey}, {formatDate(a.period.start)} – {formatDate(a.period.end)}</span></h2>
            <Figures f={a.root.figures} money={money} />
            {a.distribution.sellers > 0 && (
              <p className="small" data-testid="performance-distribution">
                <strong>{pct(a.distribution.atOrAbove)}</strong> of {formatCount(a.distribution.sellers)} sellers with a quota at or above 100%; quartiles {pct(a.distribution.p25)} / {pct(a.distribution.p50)} / {pct(a.distribution.p75)}.
              </p>
            )}
          </section>
          {a.children.length > 0 && (
            <section className="card" aria-labelledby="perf-below">
              <div className="card-header">
                <h2 id="perf-below">Below {a.root.name}</h2>
                <ExportCsvButton fileName={`performance-${a.periodKey}-${a.root.name}.csv`}
                  head={['person', 'title', 'bookings', 'deals won', 'quota', 'attainment', 'win rate (count)', 'win rate (value)', 'average deal', 'cycle (median days)', 'coverage', 'velocity per day', 'productivity index']}
                  rows={() => a.children.map((c) => {
                    const f = c.figures;
                    const num = (x: number | null) => (x === null ? '' : String(x));
                    return [c.name, c.title ?? '', majorOf(f.bookingsMinor, a.currency), String(f.bookingsCount), majorOf(f.quotaMinor, a.currency), num(f.attainment), num(f.winRateByCount), num(f.winRateByValue),
                      majorOf(f.averageDealMinor, a.currency), num(f.cycleMedianDays), num(f.coverage), majorOf(f.velocityPerDayMinor, a.currency), num(f.productivityIndex)];
                  })} />
              </div>
              <AttainmentBars rows={a.children} currency={a.currency} onOpen={open} />
              <div className="table-wrap">
                <table className="data compact" data-testid="performance-children">
                  <thead>
                    <tr>
                      <SortableHeader label="Person" column="name" sort={sort} onSort={setSort} />
                      <SortableHeader label="Bookings" column="bookings" sort={sort} onSort={setSort} numeric />
                      <SortableHeader label="Quota" column="quota" sort={sort} onSort={setSort} numeric />
                      <SortableHeader label="Attainment" column="attainment" sort={sort} onSort={setSort} numeric />
                      <SortableHeader label="Win rate" column="winRate" sort={sort} onSort={setSort} numeric />
                      <SortableHeader label="Avg deal" column="averageDeal" sort={sort} onSort={setSort} numeric />
                      <SortableHeader label="Cycle" column="cycle" sort={sort} onSort={setSort} numeric />
                      <SortableHeader label="Coverage" column="coverage" sort={sort} onSort={setSort} numeric />
                      <SortableHeader label="Productivity" column="productivity" sort={sort} onSort={setSort} numeric />
                    </tr>
                  </thead>
                  <tbody>
                    {sortRows(a.children, sort, valueOf, (x, y) => (x.name < y.name ? -1 : 1)).map((c) => (
                      <tr key={c.personId} data-person={c.name}>
                        <th scope="row"><button type="button" className="link" onClick={() => open(c)}>{c.name}</button>{c.title && <span className="muted small"> {c.title}</span>}</th>
                        <td className="num">{money(c.figures.bookingsMinor)}</td><td className="num">{money(c.figures.quotaMinor)}</td>
                        <td className="num">{pct(c.figures.attainment)}</td><td className="num">{pct(c.figures.winRateByCount)}</td>
                        <td className="num">{money(c.figures.averageDealMinor)}</td><td className="num">{c.figures.cycleMedianDays === null ? '–' : `${c.figures.cycleMedianDays} d`}</td>
                        <td className="num">{c.figures.coverage === null ? '–' : `${c.figures.coverage.toFixed(1)}x`}</td>
                        <td className="num">{c.figures.productivityIndex === null ? '–' : c.figures.productivityIndex.toFixed(2)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
          {a.deals && (
            <section className="card" aria-labelledby="perf-deals">
              <div className="card-header">
                <h2 id="perf-deals">{a.root.name}&apos;s deals in {a.periodKey}</h2>
                {a.deals.length > 0 && <ExportCsvButton fileName={`deals-${a.periodKey}-${a.root.name}.csv`} head={['deal', 'status', 'amount', 'created', 'close date']}
                  rows={() => (a.deals ?? []).map((d) => [d.name, d.status, majorOf(d.amountMinor, a.currency), d.createdOn, d.closeDate])} />}
              </div>
              {a.deals.length === 0 ? <p className="empty-state">No deal closed or expected in the period.</p> : (
                <div className="table-wrap">
                  <table className="data compact" data-testid="performance-deals">
                    <thead><tr><th scope="col">Deal</th><th scope="col">Status</th><th scope="col" className="num">Amount</th><th scope="col">Created</th><th scope="col">Close date</th></tr></thead>
                    <tbody>
                      {a.deals.map((d) => (
                        <tr key={d.id}><th scope="row"><Link href={`/opportunities/${d.id}`}>{d.name}</Link></th><td>{d.status}</td><td className="num">{money(d.amountMinor)}</td><td>{formatDate(d.createdOn)}</td><td>{formatDate(d.closeDate)}</td></tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          )}
          {a.cohorts.some((c) => c.byMonth.some((m) => m !== null)) && (
            <section className="card" aria-labelledby="perf-ramp">
              <div className="card-header">
                <h2 id="perf-ramp">Ramp by hire quarter</h2>
                <ExportCsvButton fileName={`ramp-cohorts-${a.asOf}.csv`} head={['hired', 'sellers', ...(a.cohorts[0]?.byMonth.map((_, m) => `month ${m + 1}`) ?? [])]}
                  rows={() => a.cohorts.map((c) => [c.cohort, String(c.sellers), ...c.byMonth.map((m) => majorOf(m, a.currency))])} />
              </div>
              <p className="muted small">Average bookings per seller in each 30-day month since her hire, of the sellers hired since the history began who had completed that month.</p>
              <div className="table-wrap">
                <table className="data compact ramp" data-testid="performance-ramp">
                  <thead><tr><th scope="col">Hired</th><th scope="col" className="num">Sellers</th>{a.cohorts[0]?.byMonth.map((_, m) => <th key={m} scope="col" className="num">M{m + 1}</th>)}</tr></thead>
                  <tbody>
                    {a.cohorts.map((c) => (
                      <tr key={c.cohort}><th scope="row">{c.cohort}</th><td className="num">{c.sellers}</td>{c.byMonth.map((m, i) => <td key={i} className="num">{m === null ? '' : formatMoney(m, a.currency, { compact: true })}</td>)}</tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
        </>
      )}
    </main>
  );
}

function Figures({ f, money }: { f: OutputFiguresWire; money: (m: string | null) => string }) {
  return (
    <dl className="perf-figures">
      <div><dt>Bookings</dt><dd data-testid="perf-bookings">{money(f.bookingsMinor)}</dd><dd className="muted small">{formatCount(f.bookingsCount)} deals won</dd></div>
      <div><dt>Attainment</dt><dd data-testid="perf-attainment">{pct(f.attainment)}</dd><dd className="muted small">of {money(f.quotaMinor)}</dd></div>
      <div><dt>Win rate</dt><dd>{pct(f.winRateByCount)}</dd><dd className="muted small">{pct(f.winRateByValue)} by value; {f.won} won, {f.lost} lost</dd></div>
      <div><dt>Average deal</dt><dd>{money(f.averageDealMinor)}</dd></div>
      <div><dt>Sales cycle</dt><dd>{f.cycleMedianDays === null ? '–' : `${f.cycleMedianDays} days`}</dd><dd className="muted small">median; p75 {f.cycleP75Days ?? '–'}</dd></div>
      <div><dt>Pipeline coverage</dt><dd>{f.coverage === null ? '–' : `${f.coverage.toFixed(1)}x`}</dd><dd className="muted small">{money(f.openPipelineMinor)} open; needs {f.neededCoverage === null ? '–' : `${f.neededCoverage.toFixed(1)}x`}</dd></div>
      <div><dt>Velocity</dt><dd>{money(f.velocityPerDayMinor)}</dd><dd className="muted small">a day</dd></div>
      <div><dt>Productivity index</dt><dd>{f.productivityIndex === null ? '–' : f.productivityIndex.toFixed(2)}</dd><dd className="muted small">bookings per potential vs the org (1.00)</dd></div>
    </dl>
  );
}
