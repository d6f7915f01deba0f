import { useQuery } from '@tanstack/react-query';
import type { ForecastTerritoryRollupWire } from '@attain/contract';
import { api, withQuery } from '../api/client.js';
import { ExportCsvButton } from '../ui/ExportCsvButton.js';
import { formatDate, formatMoney } from '../ui/format.js';
import { majorOf } from '../ui/table-csv.js';

/**
 * The roll-up by territory hierarchy (docs/forecasting.md#by-territory): the active model's
 * territories, each with the quarter's deals in it and below it, its owner, her quota and her
 * forecast from the roll-up by people. Calls are made by people; this shows where their deals sit.
 */
export function TerritoryRollup({ periodKey }: { periodKey: string }) {
  const q = useQuery({
    queryKey: ['forecast', 'rollup', 'territories', periodKey],
    queryFn: () => api<ForecastTerritoryRollupWire>(withQuery('/forecast/rollup/territories', { period: periodKey })),
  });
  const r = q.data;
  const money = (m: string | null | undefined) => (m === null || m === undefined ? '–' : formatMoney(m, r?.currency ?? 'USD'));
  if (q.isPending) return <div className="skeleton" style={{ height: '8rem' }} aria-busy="true" />;
  if (q.isError) return <p className="error" role="alert">{q.error.message}</p>;
  if (!r?.model) return <p className="empty-state" data-testid="territory-rollup-none">No territory model is active. Sales ops activates one under Territories; until then the roll-up is by people.</p>;
  return (
    <div className="table-wrap">
      <ExportCsvButton fileName={`forecast-territories-${r.periodKey}-${r.asOf}.csv`} head={['territory', 'level', 'depth', 'owner', 'quota', 'closed', 'commit (deals)', 'best case (deals)', 'open pipeline', 'owner forecast commit']}
        rows={() => r.rows.map((x) => [x.name, x.level, String(x.depth), x.ownerName ?? '', majorOf(x.quotaMinor, r.currency),
          majorOf(x.pipeline.closed, r.currency), majorOf(x.pipeline.commit, r.currency), majorOf(x.pipeline.bestCase, r.currency), majorOf(x.pipeline.open, r.currency), majorOf(x.ownerForecast?.commit, r.currency)])} />
      <table className="data compact rollup" data-testid="territory-rollup">
        <caption className="small muted">The territories of {r.model.name}{r.model.effectiveFrom ? `, active from ${formatDate(r.model.effectiveFrom)}` : ''}; deals as they stand now.</caption>
        <thead>
          <tr>
            <th scope="col">Territory</th><th scope="col">Owner</th><th scope="col" className="num">Quota</th><th scope="col" className="num">Closed</th>
            <th scope="col" className="num">Commit (deals)</th><th scope="col" className="num">Best case (deals)</th><th scope="col" className="num">Open pipeline</th>
            <th scope="col" className="num">Owner&apos;s forecast: commit</th>
          </tr>
        </thead>
        <tbody>
          {r.rows.map((x) => (
            <tr key={x.key} data-territory={x.key}>
              <th scope="row" style={{ paddingLeft: `${0.5 + 1.25 * x.depth}rem` }}>{x.name} <span className="muted small">{x.level}</span></th>
              <td>{x.ownerName ?? '–'}</td><td className="num">{money(x.quotaMinor)}</td><td className="num">{money(x.pipeline.closed)}</td>
              <td className="num">{money(x.pipeline.commit)}</td><td className="num">{money(x.pipeline.bestCase)}</td><td className="num">{money(x.pipeline.open)}</td>
              <td className="num">{money(x.ownerForecast?.commit)}</td>
            </tr>
          ))}
          <tr className="muted"><th scope="row">In no territory</th><td /><td /><td className="num">{money(r.outside.closed)}</td><td className="num">{money(r.outside.commit)}</td><td className="num">{money(r.outside.bestCase)}</td><td className="num">{money(r.outside.open)}</td><td /></tr>
        </tbody>
      </table>
    </div>
  );
}
