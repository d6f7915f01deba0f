import { stageColour, stageOpacity } from './chart-geometry.js';

/** The stage colours of the stacked bars, in stage order. */
export function StageLegend({ stages }: { stages: readonly { stageId: string; name: string }[] }) {
  return (
    <ul className="home-legend" aria-label="Stages">
      {stages.map((stage, i) => (
        <li key={stage.stageId}>
          <span className="home-swatch" aria-hidden="true" style={{ background: stageColour(i), opacity: stageOpacity(i) }} />
          {stage.name}
        </li>
      ))}
    </ul>
  );
}
