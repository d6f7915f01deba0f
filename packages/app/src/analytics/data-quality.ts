import { addDays, dateOfInstant, invalid, qualityIssues, tallyQuality, type Actor, type QualityCheck, type QualityDeal, type QualityTally } from '@attain/core';
import type { DataQualityWire } from '@attain/contract';
import { dataQualityRepo } from '@attain/store';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { repos } from '../crm/repos.js';
import { scopeTree } from './scope-tree.js';

/*
 * CRM adoption and data quality per seller and team (docs/analytics.md#data-quality), by the
 * checks of core analytics/data-quality.ts, with the deals that fail them. Read from the records,
 * never from logins.
 */

/** Deals listed above a seller: the first ones, by owner and close date; the tallies count them all. */
export const QUALITY_LIST_LIMIT = 200;

const tallyWire = (t: QualityTally) => ({ openDeals: t.openDeals, clean: t.clean, pushes: t.pushes, counts: { ...t.counts } });

export async function dataQuality(ctx: AppContext, actor: Actor, input: { personId?: string; staleDays?: number; pushLimit?: number }): Promise<DataQualityWire> {
  requireAbility(actor, 'analytics:read');
  const db = ctx.database.db;
  const today = dateOfInstant(ctx.now());
  const staleDays = input.staleDays ?? 30;
  const pushLimit = input.pushLimit ?? 2;
  if (!Number.isInteger(staleDays) || staleDays < 1 || staleDays > 365) throw invalid('staleDays', 'must be a whole number of days from 1 to 365');
  if (!Number.isInteger(pushLimit) || pushLimit < 1 || pushLimit > 20) throw invalid('pushLimit', 'must be a whole number from 1 to 20');
  const tree = await scopeTree(db, actor, today, input.personId);
  const lostSince = addDays(today, -365);
  const [rows, lastActivity, pushes, stages] = await Promise.all([
    dataQualityRepo.deals(db, actor.orgId, `${lostSince}T00:00:00.000Z`), dataQualityRepo.lastActivityByDeal(db, actor.orgId), dataQualityRepo.pushesByDeal(db, actor.orgId),
    repos.stage.list(db, { orgId: actor.orgId, scope: { kind: 'all' }, filters: [], limit: 1000 }),
  ]);
  // A stage's rank among its pipeline's open stages: 0 for the first.
  const rank = new Map<string, number>();
  const byPipeline = new Map<string, typeof stages.items>();
  for (const s of stages.items) byPipeline.set(s.pipelineId, [...(byPipeline.get(s.pipelineId) ?? []), s]);
  for (const list of byPipeline.values()) list.filter((s) => !s.isClosed).sort((a, b) => a.sortOrder - b.sortOrder).forEach((s, i) => rank.set(s.id, i));
  const currencyOf = new Map(rows.map((r) => [r.id, r.currency]));
  const deals: QualityDeal[] = rows.map((r) => ({
    id: r.id, name: r.name, ownerId: r.ownerId, accountId: r.accountId, amountMinor: r.amountMinor, closeDate: r.closeDate, type: r.type, nextStep: r.nextStep,
    lostReason: r.lostReason, status: r.isWon ? 'won' : r.isClosed ? 'lost' : 'open', stageRank: rank.get(r.stageId) ?? 0, forecastCategory: r.forecastCategory,
    closedOn: r.closedAt === null ? null : r.closedAt.slice(0, 10), pushes: pushes.get(r.id) ?? 0, lastActivityOn: lastActivity.get(r.id) ?? null, createdOn: r.createdAt.slice(0, 10),
  }));
  const issues = qualityIssues(deals, { today, staleDays, pushLimit, lostSince });
  const of = (people: Set<string> | null) => (people === null ? deals : deals.filter((d) => d.ownerId !== null && people.has(d.ownerId)));
  const { rootId } = tree;
  const rootDeals = of(tree.wholeOrg || rootId === null ? null : tree.subtree(rootId));
  const failing = rootDeals.filter((d) => issues.has(d.id))
    .sort((a, b) => ((a.ownerId ?? '') < (b.ownerId ?? '') ? -1 : (a.ownerId ?? '') > (b.ownerId ?? '') ? 1 : a.closeDate < b.closeDate ? -1 : a.closeDate > b.closeDate ? 1 : a.id < b.id ? -1 : 1));
  const name = (id: string | null) => (id === null ? null : (tree.person(id)?.name ?? id));
  return {
    asOf: today, staleDays, pushLimit, lostSince,
    root: { personId: rootId, name: rootId === null ? 'Whole organisation' : (name(rootId) as string), tally: tallyWire(tallyQuality(rootDeals, issues)) },
    children: tree.childIds.map((id) => ({ personId: id, name: name(id) as string, title: tree.person(id)?.title ?? null, reports: tree.subtree(id).size - 1, tally: tallyWire(tallyQuality(of(tree.subtree(id)), issues)) })),
    issuesTotal: failing.length,
    issues: failing.slice(0, QUALITY_LIST_LIMIT).map((d) => {
      const found = issues.get(d.id) as { checks: QualityCheck[]; missing: string[] };
      return {
        id: d.id, name: d.name, ownerId: d.ownerId, ownerName: name(d.ownerId), status: d.status, closeDate: d.closeDate, amountMinor: String(d.amountMinor),
        currency: currencyOf.get(d.id) as string, checks: found.checks, missingFields: found.missing, pushes: d.pushes, lastActivityOn: d.lastActivityOn,
      };
    }),
  };
}
