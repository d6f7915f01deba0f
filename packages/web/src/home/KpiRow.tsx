import { formatCount, formatDate, formatMoney } from '../ui/format.js';
import { KpiCard } from './KpiCard.js';
import { coverageText, neededCoverageText, percentText, winRateByValueText, winRateText, type HomeFigures } from './home-figures.js';

/*
 * The outcomes first: what was booked, how often deals are won, what is open, and whether the
 * quarter's pipeline covers what is left to book. The target is the quarter's quota of the
 * people shown, from their plan assignments; without one the cards say so rather than show a
 * made-up number.
 */
export function KpiRow({ figures }: { figures: HomeFigures }) {
  const { currency, bookings, winRate, openPipeline, pipelineThisQuarter, quarter } = figures;
  const targetMinor = figures.target;
  const money = (minor: string) => formatMoney(minor, currency);
  const deals = (n: number) => `${formatCount(n)} ${n === 1 ? 'deal' : 'deals'}`;
  const closed = winRate.won + winRate.lost;
  const byValue = winRateByValueText(winRate.wonAmountMinor, winRate.lostAmountMinor);
  const needed = neededCoverageText(winRate.won, winRate.lost);
  return (
    <div className="grid cols-4 home-kpis">
      <KpiCard title="Bookings this quarter" value={money(bookings.amountMinor)}>
        <p>{deals(bookings.count)} won in {quarter.key}</p>
        {targetMinor === null ? (
          <p className="muted">No target set yet</p>
        ) : (
          <p>{percentText(BigInt(bookings.amountMinor), BigInt(targetMinor))} of {money(targetMinor)} target</p>
        )}
      </KpiCard>
      <KpiCard title="Win rate" value={winRateText(winRate.won, winRate.lost)} missing="No closed deals yet">
        <p>{formatCount(winRate.won)} won / {formatCount(closed)} closed ({formatCount(winRate.lost)} lost)</p>
        <p className="muted">
          Last four quarters, {formatDate(winRate.periodStart)} – {formatDate(winRate.periodEnd)}
          {byValue !== null && <> · {byValue} by value</>}
        </p>
      </KpiCard>
      <KpiCard title="Open pipeline" value={money(openPipeline.amountMinor)}>
        <p>{money(openPipeline.weightedAmountMinor)} weighted by stage probability</p>
        <p className="muted">{deals(openPipeline.count)} open</p>
      </KpiCard>
      <KpiCard title="Pipeline coverage" value={figures.coverage === null ? null : coverageText(figures.coverage)} missing={targetMinor === null ? 'Needs a target' : 'Target met'}>
        <p>{money(pipelineThisQuarter.amountMinor)} open, closing in {quarter.key} ({deals(pipelineThisQuarter.count)})</p>
        {needed !== null && <p className="muted">About {needed} needed at this win rate</p>}
      </KpiCard>
    </div>
  );
}
