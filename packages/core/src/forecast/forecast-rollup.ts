import type { DealState } from './pipeline-replay.js';
import type { ForecastPeriod } from './statistical-forecast.js';

/*
 * The forecast roll-up (docs/forecasting.md#calls-and-the-roll-up): each person's call for a period
 * per category, her manager's adjustment of it, and what her deals hold, summed up the hierarchy.
 * Pure: the same nodes give the same rows, live or from a weekly snapshot.
 *
 * Categories are cumulative, as sales leaders call them: commit includes what is closed, best case
 * includes commit.
 */

/** The categories a person calls: cumulative numbers for the period. */
export const CALL_CATEGORIES = ['commit', 'best-case'] as const;
export type CallCategory = (typeof CALL_CATEGORIES)[number];

/** What one person's own deals hold for a period, each category on its own (not cumulative). */
export interface OwnPipeline {
  /** Won with a close date in the period. */
  readonly closedMinor: bigint;
  /** Open, expected in the period, by the deal's forecast category (omitted deals count nowhere). */
  readonly commitMinor: bigint;
  readonly bestCaseMinor: bigint;
  readonly pipelineMinor: bigint;
}

export const EMPTY_PIPELINE: OwnPipeline = { closedMinor: 0n, commitMinor: 0n, bestCaseMinor: 0n, pipelineMinor: 0n };

/** What the roll-up reads of a deal. */
export type RollupDeal = Pick<DealState, 'ownerId' | 'amountMinor' | 'closeDate' | 'closed' | 'won' | 'forecastCategory'>;

/** Each owner's own pipeline for the period (or each territory's, by `keyOf`), from the deals as they stood on a day. */
export function ownPipelines<D extends RollupDeal>(deals: readonly D[], period: ForecastPeriod, keyOf: (d: D) => string | null = (d) => d.ownerId): Map<string, OwnPipeline> {
  const out = new Map<string, { closedMinor: bigint; commitMinor: bigint; bestCaseMinor: bigint; pipelineMinor: bigint }>();
  for (const d of deals) {
    const key = keyOf(d);
    if (key === null || d.closeDate < period.start || d.closeDate > period.end) continue;
    if (d.closed && !d.won) continue;
    const p = out.get(key) ?? { ...EMPTY_PIPELINE };
    out.set(key, p);
    if (d.won) p.closedMinor += d.amountMinor;
    else if (d.forecastCategory === 'commit' || d.forecastCategory === 'closed') p.commitMinor += d.amountMinor;
    else if (d.forecastCategory === 'best_case') p.bestCaseMinor += d.amountMinor;
    else if (d.forecastCategory === 'pipeline') p.pipelineMinor += d.amountMinor;
  }
  return out;
}

/** The cumulative figures of a pipeline: what its deals say each call should be. */
export function cumulative(p: OwnPipeline): { closed: bigint; commit: bigint; bestCase: bigint; open: bigint } {
  const commit = p.closedMinor + p.commitMinor;
  return { closed: p.closedMinor, commit, bestCase: commit + p.bestCaseMinor, open: p.commitMinor + p.bestCaseMinor + p.pipelineMinor };
}

export type Calls = Partial<Record<CallCategory, bigint>>;

/** One person in the roll-up, as of a day. */
export interface ForecastNode {
  readonly personId: string;
  readonly managerId: string | null;
  readonly own: OwnPipeline;
  /** Her own latest call per category. */
  readonly call: Calls;
  /** Her manager's latest adjustment of her call per category. */
  readonly adjustment: Calls;
  /** Her own quota for the period, if she carries one. */
  readonly quotaMinor: bigint | null;
}

export interface ForecastRow {
  readonly personId: string;
  readonly managerId: string | null;
  readonly depth: number;
  readonly childIds: readonly string[];
  /** Her deals and her whole team's, cumulative. */
  readonly pipeline: { readonly closed: bigint; readonly commit: bigint; readonly bestCase: bigint; readonly open: bigint };
  /** Her own deals' figure plus each direct report's forecast: what she would call if she called nothing. */
  readonly rolledUp: Readonly<Record<CallCategory, bigint>>;
  readonly call: Readonly<Record<CallCategory, bigint | null>>;
  readonly adjustment: Readonly<Record<CallCategory, bigint | null>>;
  /** What counts upwards: the manager's adjustment, else her own call, else the roll-up. */
  readonly forecast: Readonly<Record<CallCategory, bigint>>;
  /** Her own quota, else the sum of her direct reports' (null when no one below carries one). */
  readonly quotaMinor: bigint | null;
}

const perCategory = <T>(f: (c: CallCategory) => T): Record<CallCategory, T> => ({ commit: f('commit'), 'best-case': f('best-case') });

/**
 * The roll-up under each root, in depth-first order (a manager before her team, people by the
 * order of `nodes`). A person reached twice (bad data) is counted once; a manager outside the
 * nodes is treated as absent, so her reports are not reached unless they are roots.
 */
export function rollUpForecast(nodes: readonly ForecastNode[], roots: readonly string[]): ForecastRow[] {
  const byId = new Map(nodes.map((n) => [n.personId, n]));
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.managerId === null || !byId.has(n.managerId)) continue;
    const list = children.get(n.managerId) ?? [];
    list.push(n.personId);
    children.set(n.managerId, list);
  }
  const seen = new Set<string>();
  const out: ForecastRow[] = [];
  const visit = (id: string, depth: number): ForecastRow | null => {
    const node = byId.get(id);
    if (!node || seen.has(id)) return null;
    seen.add(id);
    const at = out.length;
    out.push(undefined as unknown as ForecastRow); // her place, before her team
    const rows = (children.get(id) ?? []).flatMap((c) => visit(c, depth + 1) ?? []);
    const own = cumulative(node.own);
    const pipeline = rows.reduce(
      (s, r) => ({ closed: s.closed + r.pipeline.closed, commit: s.commit + r.pipeline.commit, bestCase: s.bestCase + r.pipeline.bestCase, open: s.open + r.pipeline.open }), own);
    const ownFigure = { commit: own.commit, 'best-case': own.bestCase };
    const rolledUp = perCategory((c) => rows.reduce((s, r) => s + r.forecast[c], ownFigure[c]));
    const call = perCategory((c) => node.call[c] ?? null);
    const adjustment = perCategory((c) => node.adjustment[c] ?? null);
    const quotas = rows.flatMap((r) => (r.quotaMinor === null ? [] : [r.quotaMinor]));
    const row: ForecastRow = {
      personId: id, managerId: node.managerId, depth, childIds: rows.map((r) => r.personId), pipeline, rolledUp, call, adjustment,
      forecast: perCategory((c) => adjustment[c] ?? call[c] ?? rolledUp[c]),
      quotaMinor: node.quotaMinor ?? (quotas.length > 0 ? quotas.reduce((s, q) => s + q, 0n) : null),
    };
    out[at] = row;
    return row;
  };
  for (const root of roots) visit(root, 0);
  return out;
}

/** A territory of the active model, with its owner on the day. */
export interface TerritoryNode {
  readonly key: string;
  readonly parent: string | null;
  readonly ownerId: string | null;
  readonly own: OwnPipeline;
}

export interface TerritoryRow {
  readonly key: string;
  readonly parent: string | null;
  readonly depth: number;
  readonly ownerId: string | null;
  /** Its deals and its sub-territories', cumulative. */
  readonly pipeline: { readonly closed: bigint; readonly commit: bigint; readonly bestCase: bigint; readonly open: bigint };
}

const add = (a: TerritoryRow['pipeline'], b: TerritoryRow['pipeline']) => ({ closed: a.closed + b.closed, commit: a.commit + b.commit, bestCase: a.bestCase + b.bestCase, open: a.open + b.open });

/**
 * The roll-up by territory hierarchy: each territory's deals (by the territory each deal is in)
 * summed up its parents, tops first, depth-first in the order given. A parent that is not a
 * territory of the list makes its child a top; a cycle (bad data) is cut where it closes.
 */
export function rollUpTerritories(nodes: readonly TerritoryNode[]): TerritoryRow[] {
  const keys = new Set(nodes.map((n) => n.key));
  const children = new Map<string, TerritoryNode[]>();
  for (const n of nodes) if (n.parent !== null && keys.has(n.parent)) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
  const out: TerritoryRow[] = [];
  const seen = new Set<string>();
  const visit = (n: TerritoryNode, depth: number): TerritoryRow['pipeline'] => {
    seen.add(n.key);
    const at = out.length;
    out.push(undefined as unknown as TerritoryRow);
    const below = (children.get(n.key) ?? []).filter((c) => !seen.has(c.key)).map((c) => visit(c, depth + 1));
    const pipeline = below.reduce(add, cumulative(n.own));
    out[at] = { key: n.key, parent: n.parent, depth, ownerId: n.ownerId, pipeline };
    return pipeline;
  };
  for (const n of nodes) if ((n.parent === null || !keys.has(n.parent)) && !seen.has(n.key)) visit(n, 0);
  return out;
}
