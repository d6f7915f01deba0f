import { HomeSection } from './HomeSection.js';
import { SectionSkeleton } from './SectionSkeleton.js';
import type { HomeFigures } from './home-figures.js';
import { RepStageChart } from './RepStageChart.js';

interface Props {
  readonly figures: HomeFigures | undefined;
  /** Narrowed to one person: her stages only, and no more narrowing. */
  readonly narrowed: boolean;
  readonly onSelectRep: (ownerId: string) => void;
}

/** The team's open pipeline (default pipeline) by rep and stage, largest first. */
export function TeamPipeline({ figures, narrowed, onSelectRep }: Props) {
  const grid = figures?.byRepAndStage;
  return (
    <HomeSection
      title={narrowed ? 'Open pipeline by stage' : 'Team pipeline by rep and stage'}
      aside={!narrowed && grid && grid.reps.length > 1 && <span className="muted small">Select a name to see that rep's home</span>}
      {...(narrowed ? {} : { className: 'home-chart-section' })}
    >
      {!figures || !grid ? (
        <SectionSkeleton rows={5} />
      ) : grid.reps.length === 0 ? (
        <p className="empty-state home-empty">No open deals in the default pipeline.</p>
      ) : (
        <RepStageChart grid={grid} currency={figures.currency} {...(narrowed ? {} : { onSelectRep })} />
      )}
    </HomeSection>
  );
}
