import { useId } from 'react';
import type { BoardView } from './board-view.js';
import { PERIOD_LABELS, PERIOD_PRESETS, type CloseRange, type PeriodPreset } from './close-periods.js';
import type { PersonChoice, PipelineChoice, TeamOption } from './filter-options.js';

interface Props {
  readonly view: BoardView;
  readonly pipelineId: string | undefined;
  readonly pipelines: readonly PipelineChoice[];
  /** Absent: the owner and team filters are not offered (a rep sees only her own deals). */
  readonly owners?: readonly PersonChoice[] | undefined;
  readonly teams?: readonly TeamOption[] | undefined;
  readonly myPersonId: string | null;
  /** The dates the current period stands for, to start a custom range from. */
  readonly range: CloseRange;
  readonly rangeProblem: string | null;
  readonly onChange: (change: Partial<Record<keyof BoardView, string | undefined>>) => void;
}

/** The board's pickers: pipeline, owner, team and close period. Every change goes to the URL. */
export function BoardFilters({ view, pipelineId, pipelines, owners, teams, myPersonId, range, rangeProblem, onChange }: Props) {
  const id = useId();
  const changePeriod = (period: PeriodPreset) => {
    // A custom range starts from the dates on screen, to be adjusted rather than typed afresh.
    if (period === 'custom') onChange({ period, from: view.from ?? range.closeFrom, to: view.to ?? range.closeTo });
    else onChange({ period, from: undefined, to: undefined });
  };

  return (
    <form className="board-filters" role="search" aria-label="Board filters" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-pipeline`}>Pipeline</label>
        <select id={`${id}-pipeline`} value={pipelineId ?? ''} onChange={(e) => onChange({ pipelineId: e.target.value })} disabled={pipelines.length === 0}>
          {pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}{p.isDefault ? ' (default)' : ''}</option>)}
        </select>
      </div>
      {owners && (
        <div className="field">
          <label htmlFor={`${id}-owner`}>Owner</label>
          <select id={`${id}-owner`} value={view.ownerId ?? ''} onChange={(e) => onChange({ ownerId: e.target.value })}>
            <option value="">Everyone</option>
            {/* An owner chosen in a shared link but not in the list still shows as chosen. */}
            {view.ownerId && !owners.some((o) => o.id === view.ownerId) && <option value={view.ownerId}>Unknown person</option>}
            {owners.map((o) => <option key={o.id} value={o.id}>{o.id === myPersonId ? `Me (${o.name})` : o.name}</option>)}
          </select>
        </div>
      )}
      {teams && (
        <div className="field">
          <label htmlFor={`${id}-team`}>Team</label>
          <select id={`${id}-team`} value={view.teamId ?? ''} onChange={(e) => onChange({ teamId: e.target.value })}>
            <option value="">All teams</option>
            {view.teamId && !teams.some((t) => t.id === view.teamId) && <option value={view.teamId}>Unknown team</option>}
            {teams.map((t) => <option key={t.id} value={t.id}>{`${'\u2003'.repeat(t.depth)}${t.name}`}</option>)}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-period`}>Close date</label>
        <select id={`${id}-period`} value={view.period} onChange={(e) => changePeriod(e.target.value as PeriodPreset)}>
          {PERIOD_PRESETS.map((p) => <option key={p} value={p}>{PERIOD_LABELS[p]}</option>)}
        </select>
      </div>
      {view.period === 'custom' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-from`}>Close from</label>
            <input id={`${id}-from`} type="date" value={view.from ?? ''} onChange={(e) => onChange({ from: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>Close to</label>
            <input
              id={`${id}-to`} type="date" value={view.to ?? ''} onChange={(e) => onChange({ to: e.target.value })}
              aria-invalid={rangeProblem ? true : undefined} aria-describedby={rangeProblem ? `${id}-range-error` : undefined}
            />
            {rangeProblem && <p id={`${id}-range-error`} className="field-error">{rangeProblem}</p>}
          </div>
        </>
      )}
    </form>
  );
}
