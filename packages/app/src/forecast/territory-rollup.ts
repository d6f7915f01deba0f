import {
  cumulative, dateOfInstant, ownPipelines, readScope, readTerritoryModel, rollUpTerritories, territoryOwnerOn, EMPTY_PIPELINE, type Actor,
} from '@attain/core';
import type { ForecastTerritoryRollupWire } from '@attain/contract';
import { territoryModelRepo } from '@attain/store';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { orgMoney } from '../coverage/model-accounts.js';
import { repos } from '../crm/repos.js';
import { quarterQuotas } from '../insights/quarter-target.js';
import { currentDeals } from './current-deals.js';
import { forecastQuarter } from './forecast-quarter.js';
import { forecastRollup } from './forecast-rollup.js';

/*
 * The roll-up by territory hierarchy (docs/forecasting.md#by-territory): the active territory
 * model's territories, each with the deals in it (as they stand now) summed up its parents,
 * its owner today with her quota, and her forecast from the roll-up by people beside. Calls and
 * adjustments are made by people; this view shows where their deals sit.
 */

const wire = (p: { closed: bigint; commit: bigint; bestCase: bigint; open: bigint }) => ({ closed: String(p.closed), commit: String(p.commit), bestCase: String(p.bestCase), open: String(p.open) });

export async function forecastTerritoryRollup(ctx: AppContext, actor: Actor, input: { period?: string }): Promise<ForecastTerritoryRollupWire> {
  requireAbility(actor, 'forecast:read');
  const db = ctx.database.db;
  const today = dateOfInstant(ctx.now());
  const money = await orgMoney(db, actor.orgId, today);
  const quarter = forecastQuarter(input.period, today, money.fiscalYearStartMonth);
  const head = { periodKey: quarter.key, period: { start: quarter.start, end: quarter.end }, currency: money.currency, asOf: today };
  const active = await territoryModelRepo.active(db, actor.orgId);
  const scope = readScope(actor);
  // Only the deals the caller may read count, wherever they sit.
  const deals = (await currentDeals(db, actor.orgId, money, { closeFrom: quarter.start, closeTo: quarter.end }))
    .filter((d) => scope.kind === 'all' || (d.ownerId !== null && scope.ownerIds.includes(d.ownerId)));
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
  const owners = [...new Set(rows.flatMap((r) => (r.ownerId === null ? [] : [r.ownerId])))];
  const [people, quotas, names] = await Promise.all([
    forecastRollup(ctx, actor, { period: quarter.key }), quarterQuotas(db, actor.orgId, null, quarter, money.currency), repos.person.getMany(db, actor.orgId, owners),
  ]);
  const forecastOf = new Map(people.rows.map((r) => [r.personId, r.forecast]));
  return {
    ...head,
    model: { id: active.id, name: active.name, effectiveFrom: active.effectiveFrom },
    rows: rows.filter((r) => visible === null || visible.has(r.key)).map((r) => {
      const t = byKey.get(r.key);
      return {
        key: r.key, name: t?.name ?? r.key, level: t?.level ?? '', depth: r.depth, ownerId: r.ownerId, ownerName: r.ownerId === null ? null : (names.get(r.ownerId)?.name ?? null),
        quotaMinor: r.ownerId === null ? null : (quotas.get(r.ownerId)?.toString() ?? null), pipeline: wire(r.pipeline),
        // Her forecast from the roll-up by people, when she is within the caller's reach.
        ownerForecast: r.ownerId === null ? null : (forecastOf.get(r.ownerId) ?? null),
      };
    }),
    outside: wire(cumulative(own.get('\u0000outside') ?? EMPTY_PIPELINE)),
  };
}
