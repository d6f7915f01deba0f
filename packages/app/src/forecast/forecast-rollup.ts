import {
  dateOfInstant, lineInForce, notFound, ownPipelines, readScope, rollUpForecast, EMPTY_PIPELINE,
  type Actor, type Calls, type CallCategory, type FiscalPeriod, type ForecastNode, type ForecastRow, type Person, type ReportingLine, type RollupDeal,
} from '@attain/core';
import type { ForecastRollupRangeWire, ForecastRollupWire } from '@attain/contract';
import { forecastCallRepo, forecastSnapshotRepo, reportingLineRepo, type Db, type ForecastCallRow, type ForecastSnapshotRow, type Tx } from '@attain/store';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { orgMoney } from '../coverage/model-accounts.js';
import { requirePersonInReach } from '../insights/owner-scope.js';
import { quarterQuotas } from '../insights/quarter-target.js';
import { allPeople } from '../quotas/quota-history.js';
import { currentDeals, type CurrentDeal } from './current-deals.js';
import { forecastQuarter } from './forecast-quarter.js';
import { narrowPipeline, replayPipeline } from './pipeline-history.js';
import { statisticalAsOf } from './statistical-forecast.js';

/*
 * The forecast roll-up (docs/forecasting.md#calls-and-the-roll-up): every person of the sales org
 * with her call, her manager's adjustment and what her deals hold, summed up the reporting
 * hierarchy; live, or as a weekly snapshot kept it. Beside it, the statistical range of the same
 * deals as of the same day.
 */

export interface OrgChart {
  readonly people: ReadonlyMap<string, Person>;
  readonly lines: readonly ReportingLine[];
}

export async function loadOrgChart(db: Db | Tx, orgId: string): Promise<OrgChart> {
  const people = await allPeople(db, orgId);
  return { people: new Map(people.map((p) => [p.id, p])), lines: await reportingLineRepo.listForOrg(db, orgId) };
}

/** Everyone in the sales org on a day (hired, not yet gone), with her manager then. */
export function membersOn(chart: OrgChart, day: string): Map<string, string | null> {
  const managerOf = new Map<string, string | null>();
  for (const p of chart.people.values()) {
    if ((p.hireDate !== null && p.hireDate > day) || (p.terminationDate !== null && p.terminationDate < day)) continue;
    managerOf.set(p.id, null);
  }
  for (const line of chart.lines) if (managerOf.has(line.personId) && lineInForce(line, day)) managerOf.set(line.personId, line.managerId);
  return managerOf;
}

/** Each person's latest own call and her manager's latest adjustment, from calls oldest first. */
export function callsInForce(calls: readonly ForecastCallRow[], managerOf: ReadonlyMap<string, string | null>): Map<string, { call: Calls; adjustment: Calls }> {
  const out = new Map<string, { call: Record<string, bigint>; adjustment: Record<string, bigint> }>();
  for (const c of calls) {
    const entry = out.get(c.personId) ?? { call: {}, adjustment: {} };
    out.set(c.personId, entry);
    if (c.byPersonId === c.personId) entry.call[c.category] = c.amountMinor;
    else if (managerOf.get(c.personId) === c.byPersonId) entry.adjustment[c.category] = c.amountMinor;
  }
  return out;
}

/** What the roll-up of a quarter stands on at an instant: the deals as they stood then, and each person's quota for the quarter. */
export interface RollupInputs {
  readonly quarter: FiscalPeriod;
  readonly instant: string;
  readonly deals: readonly RollupDeal[];
  readonly quotas: ReadonlyMap<string, bigint>;
}

/** The roll-up's nodes: the hierarchy and the calls as they stood at the instant, each person's own deals and quota. */
export async function forecastNodesAt(db: Db | Tx, orgId: string, at: RollupInputs, chart: OrgChart): Promise<ForecastNode[]> {
  const { quarter, instant, quotas } = at;
  const managerOf = membersOn(chart, dateOfInstant(instant));
  const calls = callsInForce(await forecastCallRepo.listForPeriod(db, orgId, quarter.key, instant), managerOf);
  const pipelines = ownPipelines(at.deals, quarter);
  return [...managerOf].map(([personId, managerId]) => ({
    personId, managerId, own: pipelines.get(personId) ?? EMPTY_PIPELINE, call: calls.get(personId)?.call ?? {}, adjustment: calls.get(personId)?.adjustment ?? {},
    quotaMinor: quotas.get(personId) ?? null,
  }));
}

const toSnapshotNode = (s: ForecastSnapshotRow): ForecastNode => {
  const calls = (commit: bigint | null, bestCase: bigint | null): Calls => ({ ...(commit === null ? {} : { commit }), ...(bestCase === null ? {} : { 'best-case': bestCase }) });
  return {
    personId: s.personId, managerId: s.managerId, own: { closedMinor: s.closedMinor, commitMinor: s.commitMinor, bestCaseMinor: s.bestCaseMinor, pipelineMinor: s.pipelineMinor },
    call: calls(s.callCommitMinor, s.callBestCaseMinor), adjustment: calls(s.adjustedCommitMinor, s.adjustedBestCaseMinor), quotaMinor: s.quotaMinor,
  };
};

/** Whose roll-up the caller sees: the person asked for (in her reach), else herself; the whole organisation's tops for org-wide roles. */
function rootsFor(actor: Actor, nodes: readonly ForecastNode[], personId: string | undefined): string[] {
  if (personId !== undefined) return [personId];
  if (readScope(actor).kind === 'all') {
    const present = new Set(nodes.map((n) => n.personId));
    return nodes.filter((n) => n.managerId === null || !present.has(n.managerId)).map((n) => n.personId);
  }
  return actor.personId === null ? [] : [actor.personId];
}

const split = (c: Readonly<Record<CallCategory, bigint | null>>) => ({ commit: c.commit === null ? null : String(c.commit), bestCase: c['best-case'] === null ? null : String(c['best-case']) });
export const both = (c: Readonly<Record<CallCategory, bigint>>) => ({ commit: String(c.commit), bestCase: String(c['best-case']) });

interface RollupInput {
  readonly period?: string;
  readonly personId?: string;
  readonly snapshot?: string;
}

/**
 * The rows of a roll-up as the caller may see them, live (from the current deals) or as a snapshot
 * kept them; live, also the quarter's deals and quotas it stood on (the view by territory reads them).
 */
export async function rollupOf(ctx: AppContext, actor: Actor, input: RollupInput) {
  requireAbility(actor, 'forecast:read');
  const db = ctx.database.db;
  if (input.personId !== undefined) await requirePersonInReach(db, actor, input.personId, 'forecast');
  const today = dateOfInstant(ctx.now());
  const money = await orgMoney(db, actor.orgId, today);
  const quarter = forecastQuarter(input.period, today, money.fiscalYearStartMonth);
  const chart = await loadOrgChart(db, actor.orgId);
  const snapshots = (await forecastSnapshotRepo.days(db, actor.orgId)).filter((d) => d.periodKey === quarter.key).map((d) => d.takenOn);
  let nodes: ForecastNode[];
  let live: { deals: readonly CurrentDeal[]; quotas: ReadonlyMap<string, bigint> } | null = null;
  if (input.snapshot !== undefined) {
    if (!snapshots.includes(input.snapshot)) throw notFound('snapshot');
    nodes = (await forecastSnapshotRepo.rows(db, actor.orgId, input.snapshot, quarter.key)).map(toSnapshotNode);
  } else {
    const [deals, quotas] = await Promise.all([
      currentDeals(db, actor.orgId, money, { closeFrom: quarter.start, closeTo: quarter.end }), quarterQuotas(db, actor.orgId, null, quarter, money.currency),
    ]);
    nodes = await forecastNodesAt(db, actor.orgId, { quarter, instant: ctx.now(), deals, quotas }, chart);
    live = { deals, quotas };
  }
  // She never sees her own manager's adjustment of her.
  nodes = nodes.map((n) => (n.personId === actor.personId ? { ...n, adjustment: {} } : n));
  const rows = rollUpForecast(nodes, rootsFor(actor, nodes, input.personId));
  return { today, currency: money.currency, quarter, chart, snapshots, rows, asOf: input.snapshot ?? today, live };
}

/** The roll-up of a quarter (this one by default), live or as a snapshot kept it. */
export async function forecastRollup(ctx: AppContext, actor: Actor, input: RollupInput): Promise<ForecastRollupWire> {
  const r = await rollupOf(ctx, actor, input);
  const live = input.snapshot === undefined;
  const open = r.quarter.end >= r.today;
  return {
    periodKey: r.quarter.key, period: { start: r.quarter.start, end: r.quarter.end }, currency: r.currency, asOf: r.asOf, snapshot: input.snapshot ?? null, snapshots: r.snapshots,
    rows: r.rows.map((row) => presentRow(row, r.chart, actor, live && open)),
    canCall: live && open && actor.personId !== null && (actor.role === 'rep' || actor.role === 'manager'),
  };
}

/**
 * The statistical forecast beside a roll-up: of the deals of the people in it (the whole
 * organisation for org-wide roles at the top), as of the same day. It replays the history, so it
 * is asked for on its own and the roll-up does not wait for it. Null for a quarter that had ended
 * by then, or an empty roll-up.
 */
export async function forecastRollupRange(ctx: AppContext, actor: Actor, input: RollupInput): Promise<ForecastRollupRangeWire> {
  const r = await rollupOf(ctx, actor, input);
  if (r.asOf > r.quarter.end || r.rows.length === 0) return { periodKey: r.quarter.key, statistical: null };
  const all = await replayPipeline(ctx, actor.orgId, null);
  const wholeOrg = input.personId === undefined && readScope(actor).kind === 'all';
  const period = { start: r.quarter.start, end: r.quarter.end };
  return { periodKey: r.quarter.key, statistical: statisticalAsOf(wholeOrg ? all : narrowPipeline(all, r.rows.map((x) => x.personId)), period, r.asOf) };
}

function presentRow(r: ForecastRow, chart: OrgChart, actor: Actor, adjustable: boolean) {
  const person = chart.people.get(r.personId);
  return {
    personId: r.personId, name: person?.name ?? r.personId, title: person?.title ?? null, managerId: r.managerId, depth: r.depth, reports: r.childIds.length,
    pipeline: { closed: String(r.pipeline.closed), commit: String(r.pipeline.commit), bestCase: String(r.pipeline.bestCase), open: String(r.pipeline.open) },
    rolledUp: both(r.rolledUp), call: split(r.call), adjustment: split(r.adjustment), forecast: both(r.forecast),
    quotaMinor: r.quotaMinor === null ? null : String(r.quotaMinor),
    canAdjust: adjustable && actor.role === 'manager' && actor.personId !== null && r.managerId === actor.personId,
  };
}
