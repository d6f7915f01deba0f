import { Fragment } from 'react';
import { formatCount, formatMoney } from '../ui/format.js';
import { BAR_SCALE, barsOf, stageColour, stageOpacity } from './chart-geometry.js';
import { repName, type RepStageGrid } from './home-figures.js';
import { RepStageTable } from './RepStageTable.js';
import { StageLegend } from './StageLegend.js';

interface Props {
  readonly grid: RepStageGrid;
  readonly currency: string;
  /** When given, each rep's name is a button that narrows the page to her. */
  readonly onSelectRep?: (ownerId: string) => void;
}

/**
 * Open pipeline as horizontal stacked bars: one bar per rep, one segment per open stage, all
 * bars on one scale. Hovering a segment shows its amount (SVG <title>); the same numbers are
 * in a table below for screen readers and for reading exact figures.
 */
export function RepStageChart({ grid, currency, onSelectRep }: Props) {
  const bars = barsOf(grid);
  const stageName = new Map(grid.stages.map((s) => [s.stageId, s.name]));
  const money = (minor: string) => formatMoney(minor, currency);
  return (
    <div className="home-chart">
      <StageLegend stages={grid.stages} />
      <div className="home-bars">
        {grid.reps.map((rep, r) => {
          const bar = bars[r];
          const name = repName(rep);
          const summary = `${name}: ${money(rep.totalMinor)} open. ${rep.stages
            .filter((c) => c.count > 0)
            .map((c) => `${stageName.get(c.stageId) ?? ''} ${money(c.amountMinor)}`)
            .join(', ')}`;
          return (
            <Fragment key={rep.ownerId ?? 'unassigned'}>
              <div className="home-bar-name">
                {onSelectRep && rep.ownerId !== null ? (
                  <button type="button" className="link" onClick={() => onSelectRep(rep.ownerId as string)}>
                    {name}<span className="home-sr-only">: show only this rep</span>
                  </button>
                ) : (
                  <span>{name}</span>
                )}
              </div>
              <svg className="home-bar" viewBox={`0 0 ${BAR_SCALE} 20`} preserveAspectRatio="none" role="img" aria-label={summary} data-testid="rep-bar">
                {bar?.segments.map((seg) => (
                  <rect
                    key={seg.stageId}
                    x={seg.x}
                    y={0}
                    width={seg.width}
                    height={20}
                    data-stage={seg.stageId}
                    style={{ fill: stageColour(seg.stageIndex), fillOpacity: stageOpacity(seg.stageIndex) }}
                  >
                    <title>{`${name} · ${stageName.get(seg.stageId) ?? ''}: ${money(seg.amountMinor)} (${formatCount(seg.count)} ${seg.count === 1 ? 'deal' : 'deals'})`}</title>
                  </rect>
                ))}
              </svg>
              <div className="num home-bar-total">{formatMoney(rep.totalMinor, currency, { compact: true })}</div>
            </Fragment>
          );
        })}
      </div>
      <details className="home-chart-table">
        <summary>Show the numbers as a table</summary>
        <RepStageTable grid={grid} currency={currency} />
      </details>
    </div>
  );
}
