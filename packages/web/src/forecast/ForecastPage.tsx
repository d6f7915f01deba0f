import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ForecastBacktestWire, StatisticalForecastWire } from '@attain/contract';
import { api } from '../api/client.js';
import { ExportCsvButton } from '../ui/ExportCsvButton.js';
import { formatCount, formatDate, formatMoney } from '../ui/format.js';
import { majorOf } from '../ui/table-csv.js';
import { BacktestCurve } from './BacktestCurve.js';
import { ForecastRollup } from './ForecastRollup.js';
import { RangeBand } from './RangeBand.js';
import './forecast.css';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * Forecast: the quarter's calls rolled up the hierarchy (ForecastRollup); the quarter as of today
 * from the pipeline's own history: won so far, the stage-weighted baseline and the simulated
 * P10-P90 band; then how such forecasts did in past quarters, week by week (docs/forecasting.md).
 * Everyone sees it for the deals she may read.
 */
export function ForecastPage() {
  const current = useQuery({ queryKey: ['forecast', 'statistical', 'current'], queryFn: () => api<StatisticalForecastWire>('/forecast/statistical') });
  const [next, setNext] = useState(false);
  const nextKey = current.data ? nextQuarter(current.data.periodKey) : null;
  const following = useQuery({
    queryKey: ['forecast', 'statistical', nextKey], enabled: next && nextKey !== null,
    queryFn: () => api<StatisticalForecastWire>(`/forecast/statistical?period=${encodeURIComponent(nextKey ?? '')}`),
  });
  const period = next ? following : current;
  const [asked, setAsked] = useState(false);
  const backtest = useQuery({ queryKey: ['forecast', 'backtest'], queryFn: () => api<ForecastBacktestWire>('/forecast/backtest'), enabled: asked });
  const f = period.data;
  return (
    <main className="page forecast-page">
      <header className="page-header">
        <h1>Forecast</h1>
        <p className="muted">The calls of your team rolled up, beside what the pipeline&apos;s own history says: what is won, what the stages say, and the range the past says to expect.</p>
        <div className="segmented" role="group" aria-label="Quarter">
          <button type="button" aria-pressed={!next} onClick={() => setNext(false)}>This quarter</button>
          <button type="button" aria-pressed={next} disabled={nextKey === null} onClick={() => setNext(true)}>Next quarter</button>
        </div>
      </header>
      {period.isPending && <div className="skeleton" style={{ height: '10rem' }} aria-busy="true" />}
      {period.isError && <p className="error" role="alert">The forecast could not be made: {period.error.message}</p>}
      {f && <ForecastRollup key={f.periodKey} periodKey={f.periodKey} />}
      {f && (
        <section className="card" data-testid="forecast-quarter" aria-labelledby="forecast-quarter-title">
          <h2 id="forecast-quarter-title">{f.periodKey} <span className="muted small">{formatDate(f.period.start)} – {formatDate(f.period.end)}, as of {formatDate(f.asOf)}</span></h2>
          <dl className="forecast-figures">
            <div><dt>Won so far</dt><dd data-testid="forecast-won">{formatMoney(f.wonMinor, f.currency)}</dd></div>
            <div><dt>Stage-weighted</dt><dd data-testid="forecast-baseline">{formatMoney(f.baselineMinor, f.currency)}</dd></div>
            <div><dt>Open deals</dt><dd>{formatCount(f.openDeals)}</dd></div>
            {f.range && <div><dt>P50</dt><dd data-testid="forecast-p50">{formatMoney(f.range.p50, f.currency)}</dd></div>}
          </dl>
          {f.range ? <RangeBand forecast={f} /> : <p className="notice" data-testid="forecast-no-range">{f.notEnoughHistory}</p>}
        </section>
      )}
      <section className="card" aria-labelledby="forecast-backtest-title">
        <h2 id="forecast-backtest-title">How these forecasts did</h2>
        <p className="muted">Every week of the quarters that have ended, replayed: the forecast made that day against what the quarter won.</p>
        {!asked && <button type="button" onClick={() => setAsked(true)}>Run the backtest</button>}
        {backtest.isFetching && <p className="muted" aria-busy="true">Replaying every week…</p>}
        {backtest.isError && <p className="error" role="alert">{backtest.error.message}</p>}
        {backtest.data && backtest.data.byWeek.length === 0 && <p className="empty-state">No quarter with enough history before it has ended yet.</p>}
        {backtest.data && backtest.data.byWeek.length > 0 && (
          <>
            <BacktestCurve weeks={backtest.data.byWeek} />
            <ExportCsvButton fileName={`forecast-backtest-${backtest.data.dataEnd}.csv`} label="Export the backtest (CSV)"
              head={['period start', 'week', 'as of', 'actual', 'stage-weighted', 'P10', 'P50', 'P90', 'not enough history']}
              rows={() => (backtest.data?.rows ?? []).map((r) => [r.period.start, String(r.week), r.asOf, majorOf(r.actualMinor, backtest.data?.currency ?? ''), majorOf(r.baselineMinor, backtest.data?.currency ?? ''),
                majorOf(r.range?.p10, backtest.data?.currency ?? ''), majorOf(r.range?.p50, backtest.data?.currency ?? ''), majorOf(r.range?.p90, backtest.data?.currency ?? ''), r.notEnoughHistory ?? ''])} />
            <div className="table-wrap">
              <table className="data compact" data-testid="forecast-backtest">
                <thead><tr><th scope="col" className="num">Week</th><th scope="col" className="num">Quarters</th><th scope="col" className="num">Stage-weighted error</th><th scope="col" className="num">Forecast error</th><th scope="col" className="num">Bias</th><th scope="col" className="num">Inside P10-P90</th></tr></thead>
                <tbody>
                  {backtest.data.byWeek.map((w) => (
                    <tr key={w.week}><td className="num">{w.week}</td><td className="num">{w.periods}</td><td className="num">{pct(w.baselineMape)}</td><td className="num">{pct(w.modelMape)}</td><td className="num">{w.bias >= 0 ? '+' : ''}{pct(w.bias)}</td><td className="num">{pct(w.coverage)}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
            {backtest.data.brier && <p className="muted small">Brier score of the deal probabilities: {backtest.data.brier.model.toFixed(4)} (stage probabilities {backtest.data.brier.baseline.toFixed(4)}) over {formatCount(backtest.data.brier.deals)} deal-weeks.</p>}
          </>
        )}
      </section>
    </main>
  );
}

/** The fiscal quarter after a quarter's key: FY2027-Q4 -> FY2028-Q1. */
export function nextQuarter(key: string): string {
  const m = /^FY(\d{4})-Q([1-4])$/.exec(key);
  if (!m) return key;
  const [year, q] = [Number(m[1]), Number(m[2])];
  return q === 4 ? `FY${year + 1}-Q1` : `FY${year}-Q${q + 1}`;
}
