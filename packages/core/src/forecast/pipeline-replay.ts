/*
 * The pipeline as it stood on a past day, replayed from the opportunities' append-only history
 * (every change of stage, amount, close date, forecast category or owner is a row): the raw material of the
 * statistical forecast and its backtest (docs/forecasting.md). Pure.
 */

/** What the forecast needs of a stage. */
export interface StageInfo {
  readonly probabilityBps: number;
  readonly isClosed: boolean;
  readonly isWon: boolean;
}

/** One row of an opportunity's history: the deal as it was from `changedAt` on. Amounts in one currency. */
export interface HistoryRow {
  readonly changedAt: string;
  readonly stageId: string;
  readonly amountMinor: bigint;
  readonly closeDate: string;
  readonly ownerId: string | null;
  /** The deal's own forecast category (pipeline, best_case, commit, closed, omitted). */
  readonly forecastCategory: string;
}

/** A deal as it stood at an instant. */
export interface DealState {
  readonly id: string;
  readonly ownerId: string | null;
  readonly stageId: string;
  readonly amountMinor: bigint;
  readonly closeDate: string;
  readonly closed: boolean;
  readonly won: boolean;
  readonly probabilityBps: number;
  readonly forecastCategory: string;
  /** How often its close date had been moved later by then: a deal pushed once tends to slip again. */
  readonly pushes: number;
  /** When it was created (its first row). */
  readonly createdAt: string;
}

/**
 * Each deal as it stood at `asOf` (an ISO instant; rows at or before it count), from its rows in
 * change order. Deals created after `asOf` are absent; a row naming an unknown stage is skipped.
 */
export function dealsAsOf(history: ReadonlyMap<string, readonly HistoryRow[]>, stages: ReadonlyMap<string, StageInfo>, asOf: string): DealState[] {
  const out: DealState[] = [];
  for (const [id, rows] of history) {
    let last: HistoryRow | undefined;
    let pushes = 0;
    for (const row of rows) {
      if (row.changedAt > asOf) break;
      if (last && row.closeDate > last.closeDate) pushes += 1;
      last = row;
    }
    const first = rows[0];
    const stage = last && stages.get(last.stageId);
    if (!last || !first || !stage) continue;
    out.push({
      id, ownerId: last.ownerId, stageId: last.stageId, amountMinor: last.amountMinor, closeDate: last.closeDate,
      closed: stage.isClosed, won: stage.isWon, probabilityBps: stage.probabilityBps, forecastCategory: last.forecastCategory, pushes, createdAt: first.changedAt,
    });
  }
  return out;
}
