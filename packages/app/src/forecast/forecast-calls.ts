import { dateOfInstant, DomainError, invalid, managerOn, notFound, readScope, subtreeOn, type Actor } from '@attain/core';
import { ForecastAdjustmentBody, ForecastCallBody, type ForecastCallItem } from '@attain/contract';
import { forecastCallRepo, reportingLineRepo, type ForecastCallRow } from '@attain/store';
import type { z } from 'zod';
import { recordAudit } from '../audit.js';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { orgMoney } from '../coverage/model-accounts.js';
import { repos } from '../crm/repos.js';
import { requirePersonInReach } from '../insights/owner-scope.js';
import { inOrgTransaction } from '../org-transaction.js';
import { allPeople } from '../quotas/quota-history.js';
import { parseInput } from '../validation.js';
import { forecastQuarter } from './forecast-quarter.js';

/*
 * Forecast calls and managers' adjustments (docs/forecasting.md#calls-and-the-roll-up). Each is a
 * record of its own, never edited: a new call replaces the last one in the roll-up and both stay
 * in the history. An adjustment names its manager, so it survives a change of stages, categories
 * or hierarchy; it counts while she is the person's manager.
 */

async function record(ctx: AppContext, actor: Actor, personId: string, input: { period: string; category: string; amountMinor: string; note: string }): Promise<ForecastCallItem> {
  const today = dateOfInstant(ctx.now());
  const money = await orgMoney(ctx.database.db, actor.orgId, today);
  const quarter = forecastQuarter(input.period, today, money.fiscalYearStartMonth);
  if (quarter.end < today) throw invalid('period', `${quarter.key} has ended: its calls are kept as they were`);
  const row: ForecastCallRow = {
    orgId: actor.orgId, id: ctx.newId('fcl'), periodKey: quarter.key, personId, byPersonId: actor.personId as string, byUserId: actor.userId,
    category: input.category, amountMinor: BigInt(input.amountMinor), currency: money.currency, note: input.note, createdAt: ctx.now(),
  };
  await inOrgTransaction(ctx, actor.orgId, async (tx) => {
    await forecastCallRepo.insertMany(tx, [row]);
    await recordAudit(ctx, tx, { actor, action: row.byPersonId === personId ? 'forecast.call' : 'forecast.adjust', entity: 'forecast_call', entityId: row.id, before: null, after: { ...row, amountMinor: input.amountMinor } });
  });
  const names = await repos.person.getMany(ctx.database.db, actor.orgId, [personId, row.byPersonId]);
  return present(row, (id) => names.get(id)?.name ?? id);
}

/** The caller's own call for a quarter that has not ended: commit or best case, cumulative. */
export async function submitForecastCall(ctx: AppContext, actor: Actor, input: z.input<typeof ForecastCallBody>): Promise<ForecastCallItem> {
  requireAbility(actor, 'forecast:call');
  const body = parseInput(ForecastCallBody, input);
  if (actor.personId === null) throw new DomainError('forbidden', 'Only a person of the sales org calls a forecast: this login is not linked to one.');
  return record(ctx, actor, actor.personId, body);
}

/** A manager's adjustment of a direct report's call, with the reason. */
export async function adjustForecast(ctx: AppContext, actor: Actor, input: z.input<typeof ForecastAdjustmentBody>): Promise<ForecastCallItem> {
  requireAbility(actor, 'forecast:adjust');
  const body = parseInput(ForecastAdjustmentBody, input);
  if (!(await repos.person.get(ctx.database.db, actor.orgId, body.personId))) throw notFound('person');
  const lines = await reportingLineRepo.listForOrg(ctx.database.db, actor.orgId);
  if (actor.personId === null || managerOn(lines, body.personId, dateOfInstant(ctx.now())) !== actor.personId) {
    throw new DomainError('forbidden', 'A manager adjusts the forecasts of her direct reports only.');
  }
  return record(ctx, actor, body.personId, { ...body, note: body.reason });
}

/**
 * The calls and adjustments of a quarter the caller may see: of the people in her reach, made by
 * her or by people below her (never her own manager's adjustments of her); everything for
 * org-wide roles. Latest first.
 */
export async function listForecastCalls(ctx: AppContext, actor: Actor, input: { period?: string; personId?: string }): Promise<ForecastCallItem[]> {
  requireAbility(actor, 'forecast:read');
  const db = ctx.database.db;
  const today = dateOfInstant(ctx.now());
  const money = await orgMoney(db, actor.orgId, today);
  const quarter = forecastQuarter(input.period, today, money.fiscalYearStartMonth);
  if (input.personId !== undefined) await requirePersonInReach(db, actor, input.personId, 'forecast');
  let authors: Set<string> | null = null;
  if (readScope(actor).kind !== 'all') {
    authors = new Set(actor.personId === null ? [] : subtreeOn(await reportingLineRepo.listForOrg(db, actor.orgId), actor.personId, today));
  }
  const rows = (await forecastCallRepo.listForPeriod(db, actor.orgId, quarter.key)).filter((c) =>
    (input.personId === undefined || c.personId === input.personId) && (authors === null || (authors.has(c.personId) && authors.has(c.byPersonId))));
  const names = new Map((await allPeople(db, actor.orgId)).map((p) => [p.id, p.name]));
  return rows.reverse().map((c) => present(c, (id) => names.get(id) ?? id));
}

function present(c: ForecastCallRow, nameOf: (id: string) => string): ForecastCallItem {
  return {
    id: c.id, periodKey: c.periodKey, personId: c.personId, personName: nameOf(c.personId), byPersonId: c.byPersonId, byPersonName: nameOf(c.byPersonId),
    kind: c.byPersonId === c.personId ? 'call' : 'adjustment', category: c.category as ForecastCallItem['category'], amountMinor: String(c.amountMinor),
    currency: c.currency, note: c.note, createdAt: c.createdAt,
  };
}
