import { cumulative, ownPipelines, readScope, readTerritoryModel, rollUpTerritories, territoryOwnerOn, EMPTY_PIPELINE, type Actor } from '@attain/core';
import type { ForecastTerritoryRollupWire } from '@attain/contract';
import { territoryModelRepo } from '@attain/store';
import type { AppContext } from '../context.js';
import { both, rollupOf } from './forecast-rollup.js';

/*
 * The roll-up by territory hierarchy (docs/forecasting.md#by-territory): the active territory
 * model's territories, each with the deals in it (as they stand now) summed up its parents,
 * its owner today with her quota, and her forecast from the roll-up by people beside. Calls and
 * adjustments are made by people; this view shows where their deals sit. It stands on the live
 * roll-up by people (rollupOf): the same deals, quotas and forecasts, read once.
 */

const wire = (p: { closed: bigint; commit: bigint; bestCase: bigint; open: bigint }) => ({ closed: String(p.closed), commit: String(p.commit), bestCase: String(p.bestCase), open: String(p.open) });

export async function forecastTerritoryRollup(ctx: AppContext, actor: Actor, input: { period?: string }): Promise<ForecastTerritoryRollupWire> {
  const r = await rollupOf(ctx, actor, input.period === undefined ? {} : { period: input.period });
  const { quarter, today } = r;
  const head = { periodKey: quarter.key, period: { start: quarter.start, end: quarter.end }, currency: r.currency, asOf: today };
  const active = await territoryModelRepo.active(ctx.database.db, actor.orgId);
  const scope = readScope(actor);
  // Only the deals the caller may read count, wherever they sit.
  const deals = (r.live?.deals ?? []).filter((d) => scope.kind === 'all' || (d.ownerId !== null && scope.ownerIds.includes(d.ownerId)));
  if (!active) return { ...head, model: null, rows: [], outside: wire(cumulative(ownPipelines(deals, quarter, () => 'all').get('all') ?? EMPTY_PIPELINE)) };

  const model = readTerritoryModel(JSON.parse(active.definition));
  const keys = new Set(model.territories.map((t) => t.key));
  const own = ownPipelines(deals, quarter, (d) => (d.territoryId !== null && keys.has(d.territoryId) ? d.territoryId : '\u0000outside'));
  const byKey = new Map(model.territories.map((t) => [t.key, t]));
  const ownerOf = (key: string) => territoryOwnerOn(model, key, today)?.personId ?? null;
  const rows = rollUpTerritories(model.territories.map((t) => ({ key: t.key, parent: t.parent, ownerId: ownerOf(t.key), own: own.get(t.key) ?? EMPTY_PIPELINE })));
  // Everything for org-wide roles; for the others, the territories where their reach has an owner or a deal, with the tops above them.
  let visible: Set<string> | null = null;
  if (scope.kind !== 'all') {
    visible = new Set(rows.filter((r) => (r.ownerId !== null && scope.ownerIds.includes(r.ownerId)) || r.pipeline.open + r.pipeline.closed > 0n).map((r) => r.key));
    for (const key of [...visible]) for (let p = byKey.get(key)?.parent ?? null; p !== null && keys.has(p) && !visible.has(p); p = byKey.get(p)?.parent ?? null) visible.add(p);
  }
  const forecastOf = new Map(r.rows.map((row) => [row.personId, both(row.forecast)]));
  const quotas = r.live?.quotas ?? new Map<string, bigint>();
  return {
    ...head,
    model: { id: active.id, name: active.name, effectiveFrom: active.effectiveFrom },
    rows: rows.filter((t) => visible === null || visible.has(t.key)).map((t) => {
      const territory = byKey.get(t.key);
      return {
        key: t.key, name: territory?.name ?? t.key, level: territory?.level ?? '', depth: t.depth, ownerId: t.ownerId, ownerName: t.ownerId === null ? null : (r.chart.people.get(t.ownerId)?.name ?? null),
        quotaMinor: t.ownerId === null ? null : (quotas.get(t.ownerId)?.toString() ?? null), pipeline: wire(t.pipeline),
        // Her forecast from the roll-up by people, when she is within the caller's reach.
        ownerForecast: t.ownerId === null ? null : (forecastOf.get(t.ownerId) ?? null),
      };
    }),
    outside: wire(cumulative(own.get('\u0000outside') ?? EMPTY_PIPELINE)),
  };
}
