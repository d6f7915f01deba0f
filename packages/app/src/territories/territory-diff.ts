import { addDays, dateOfInstant, invalid, isCalendarDate, daysBetween, divideRounded, DomainError, fiscalPeriodOf, territoryDiff, type Actor, type TerritoryDiff, type Values } from '@attain/core';
import type { TerritoryDiffWire } from '@attain/contract';
import { accountTerritoryRepo, planAssignmentRepo, type Db, type Tx } from '@attain/store';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { repos } from '../crm/repos.js';
import { loadModel, modelOfRow } from './territory-models.js';
import { leafTerritories, placeAccounts, type PlacedAccount } from './territory-placement.js';

const wireValues = (v: Values) => ({ accounts: v.accounts, potentialMinor: v.potentialMinor.toString(), pipelineMinor: v.pipelineMinor.toString(), bookMinor: v.bookMinor.toString() });

/**
 * The quota the potential moved would carry for the rest of the fiscal year: annual quota x
 * (potential after - before) / before x the share of the year left from the date, half-even.
 * An estimate to lead the quota conversation, not a quota change (quota plans set those).
 */
export function quotaImpact(quotaMinor: bigint, before: bigint, after: bigint, date: string, year: { start: string; end: string }): bigint | null {
  if (before === 0n) return null;
  const left = BigInt(daysBetween(date, year.end) + 1);
  const days = BigInt(daysBetween(year.start, year.end) + 1);
  return divideRounded(quotaMinor * (after - before) * left, before * days);
}

/** The first date an activation may take: today, and after the last date any territory row starts on (moves are prospective, and history is never rewritten). */
export async function earliestActivation(db: Db | Tx, orgId: string, today: string): Promise<string> {
  const latest = await accountTerritoryRepo.latestFrom(db, orgId);
  return latest !== null && latest >= today ? addDays(latest, 1) : today;
}

export function checkEffectiveDate(date: string, earliest: string): void {
  if (!isCalendarDate(date)) throw invalid('effectiveDate', 'must be a date as YYYY-MM-DD');
  if (date < earliest) throw new DomainError('validation_failed', `a model takes effect from ${earliest} on: moves are prospective, and never before a date already planned`, [{ field: 'effectiveDate', message: `must be ${earliest} or later` }]);
}

/** The dry run: what activating the model on `date` would change, per rep, per territory and in total. */
export async function diffOf(ctx: AppContext, db: Db | Tx, orgId: string, modelId: string, date: string): Promise<{ wire: TerritoryDiffWire; placed: PlacedAccount[]; diff: TerritoryDiff }> {
  const today = dateOfInstant(ctx.now());
  const row = await loadModel(db, orgId, modelId);
  const model = modelOfRow(row);
  const { money, placed } = await placeAccounts(db, orgId, model, date, today);
  const diff = territoryDiff(placed, leafTerritories(model));
  const ids = diff.reps.map((r) => r.personId).filter((id): id is string => id !== null);
  const people = await repos.person.getMany(db, orgId, ids);
  const quotas = new Map<string, bigint>();
  for (const a of await planAssignmentRepo.list(db, orgId, { personIds: ids, asOf: date })) {
    if (a.annualQuotaMinor !== null) quotas.set(a.personId, (quotas.get(a.personId) ?? 0n) + a.annualQuotaMinor);
  }
  const year = fiscalPeriodOf(date, money.fiscalYearStartMonth, 'year');
  const wire: TerritoryDiffWire = {
    modelId, effectiveDate: date, currency: money.currency, accounts: diff.accounts, territoryChanges: diff.territoryChanges, moved: wireValues(diff.moved),
    unassigned: diff.unassigned, vacant: placed.filter((p) => p.vacant).length,
    reps: diff.reps.map((r) => {
      const quota = r.personId === null ? undefined : quotas.get(r.personId);
      const impact = quota === undefined ? null : quotaImpact(quota, r.before.potentialMinor, r.after.potentialMinor, date, year);
      return {
        personId: r.personId, name: r.personId === null ? 'No owner' : (people.get(r.personId)?.name ?? r.personId), before: wireValues(r.before), after: wireValues(r.after),
        gained: r.gained, lost: r.lost, quotaMinor: quota === undefined ? null : quota.toString(), quotaImpactMinor: impact === null ? null : impact.toString(),
      };
    }),
    territories: diff.territories.map((t) => ({ key: t.key, ...wireValues(t) })),
    balance: diff.balance,
  };
  return { wire, placed, diff };
}

/** GET /territory-models/{id}/diff: the dry run for a date (today when absent). */
export async function diffTerritoryModel(ctx: AppContext, actor: Actor, id: string, effectiveDate?: string): Promise<TerritoryDiffWire> {
  requireAbility(actor, 'coverage:read');
  const db = ctx.database.db;
  const today = dateOfInstant(ctx.now());
  const date = effectiveDate ?? (await earliestActivation(db, actor.orgId, today));
  if (!isCalendarDate(date)) throw invalid('effectiveDate', 'must be a date as YYYY-MM-DD');
  return (await diffOf(ctx, db, actor.orgId, id, date)).wire;
}
