import {
  checkQuotaPlan, dateOfInstant, divideRounded, DomainError, editQuotaLines, fiscalPeriodOf, formatMinorAsMajor, inHierarchyOrder, invalid, parseFiscalPeriod, readShare, writeQuotaPlan,
  type Actor, type QuotaPlanDocument,
} from '@attain/core';
import { QuotaTerritoryChangeBody, SaveQuotaPlanBody, type QuotaPlanDetail } from '@attain/contract';
import { quotaPlanRepo, type QuotaPlanRow, type Tx } from '@attain/store';
import type { z } from 'zod';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { orgMoney } from '../coverage/model-accounts.js';
import { inOrgTransaction } from '../org-transaction.js';
import { diffOf } from '../territories/territory-diff.js';
import { parseInput } from '../validation.js';
import { ATTAINMENT_MAX, event, latestDocument, loadPlan, move, PADDING_MAX, phasingOf, placeholderLine } from './quota-plan-records.js';
import { presentPlan } from './quota-plan.presenter.js';

/*
 * A quota plan's next versions (docs/quotas.md#the-workflow): quotas set by hand with reasons,
 * placeholders, seasonality, ramps and bounds; once approved, changes inside the year from a day;
 * and a territory model's moves carrying quota, pro-rated.
 */

/** The plan, open to a new version from `baseVersion`: not in review, and not saved since. */
async function editablePlan(tx: Tx, orgId: string, id: string, baseVersion: number): Promise<QuotaPlanRow> {
  const plan = await loadPlan(tx, orgId, id);
  if (plan.status === 'in_review') throw new DomainError('conflict', 'the plan is in review: it is approved or rejected before it changes', [{ field: 'id', message: 'in review' }]);
  if (baseVersion !== plan.version) throw new DomainError('conflict', `baseVersion: the plan is at version ${plan.version} now: reload it`, [{ field: 'baseVersion', message: `is not the latest (${plan.version})` }]);
  return plan;
}

/**
 * When changed quotas take effect inside the year: `day` (today or later, in the year), the quota
 * before it held until then. Undefined when the change covers the whole year.
 */
async function changeInYear(ctx: AppContext, tx: Tx, plan: QuotaPlanRow, day: string, field: string): Promise<string | undefined> {
  const today = dateOfInstant(ctx.now());
  const year = parseFiscalPeriod(`FY${plan.fiscalYear}`, (await orgMoney(tx, plan.orgId, today)).fiscalYearStartMonth);
  if (day < today) throw invalid(field, `a change is prospective: ${today} or later`);
  if (day > year.end) throw invalid(field, `must be inside FY${plan.fiscalYear} (${year.start} to ${year.end})`);
  return day > year.start ? day : undefined;
}

/** Checks and stores the next version as a draft, with its event; answers it presented. */
async function storeVersion(ctx: AppContext, tx: Tx, actor: Actor, plan: QuotaPlanRow, doc: QuotaPlanDocument, reason: string): Promise<QuotaPlanDetail> {
  checkQuotaPlan(doc);
  const at = ctx.now();
  const version = { version: plan.version + 1, document: writeQuotaPlan(doc), reason, createdBy: actor.userId, createdAt: at };
  await quotaPlanRepo.insertVersion(tx, actor.orgId, plan.id, version);
  const moved = await move(tx, plan, { version: version.version, status: 'draft', at });
  await event(ctx, tx, actor, plan, version.version, 'saved', reason);
  return presentPlan(ctx, tx, actor, moved, version);
}

/**
 * The next version: quotas set by hand with reasons, placeholders in or out, seasonality, ramps,
 * bounds. Once the plan was approved, a change says why (from a list) and takes effect from a day,
 * the approved quota held until then.
 */
export async function saveQuotaPlan(ctx: AppContext, actor: Actor, id: string, input: z.input<typeof SaveQuotaPlanBody>): Promise<QuotaPlanDetail> {
  requireAbility(actor, 'quota:plan');
  const body = parseInput(SaveQuotaPlanBody, input);
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const plan = await editablePlan(tx, actor.orgId, id, body.baseVersion);
    if (plan.approvedVersion !== null && body.changeReason === undefined) throw invalid('changeReason', 'the plan was approved: say why it changes mid-year');
    if (plan.approvedVersion === null && body.effectiveFrom !== undefined) throw invalid('effectiveFrom', 'only a change to an approved plan takes effect from a day');
    const { doc: base } = await latestDocument(tx, plan);
    const change = plan.approvedVersion === null ? undefined : await changeInYear(ctx, tx, plan, body.effectiveFrom ?? dateOfInstant(ctx.now()), 'effectiveFrom');
    let doc = editQuotaLines(base, body.edits.map((e) => ({ key: e.key, annualMinor: BigInt(e.annualMinor), reason: e.reason })), change);
    body.removeKeys.forEach((key, i) => {
      const line = doc.lines.find((l) => l.key === key);
      if (!line) throw invalid(`removeKeys[${i}]`, `no line "${key}" in the plan`);
      if (line.kind !== 'placeholder') throw invalid(`removeKeys[${i}]`, `"${line.name}" is not a placeholder: set her quota to 0 instead`);
    });
    const managers = new Set(doc.lines.filter((l) => l.kind === 'manager').map((l) => l.key));
    const next = Math.max(0, ...doc.lines.filter((l) => l.kind === 'placeholder').map((l) => Number(l.key.slice(4)) || 0)) + 1;
    doc = {
      ...doc,
      lines: inHierarchyOrder([...doc.lines.filter((l) => !body.removeKeys.includes(l.key)), ...body.addPlaceholders.map((p, k) => placeholderLine(p, `tbh-${next + k}`, managers, `addPlaceholders[${k}]`))]),
      ...(body.phasing === undefined ? {} : { phasing: phasingOf(body.phasing) }),
      ...(body.ramps === undefined ? {} : { ramps: body.ramps }),
      ...(body.paddingBound === undefined ? {} : { paddingBound: readShare(body.paddingBound, 'paddingBound', PADDING_MAX) }),
      ...(body.expectedAttainment === undefined ? {} : { expectedAttainment: readShare(body.expectedAttainment, 'expectedAttainment', ATTAINMENT_MAX) }),
      ...(body.signOffsRequired === undefined ? {} : { signOffsRequired: body.signOffsRequired }),
    };
    const when = change ? ` from ${change}` : '';
    return storeVersion(ctx, tx, actor, plan, doc, body.changeReason ? `${body.changeReason}${when}: ${body.reason}` : body.reason);
  });
}

/**
 * The quota a territory model's moves carry from its effective day, pro-rated: each seller whose
 * potential changes gets annual quota x potential after / before (half-even) from that day, her
 * quota before it held until then, so the year's quota is the time-weighted blend. Computed
 * against the active model, so before the model is activated.
 */
async function territoryCarry(ctx: AppContext, tx: Tx, plan: QuotaPlanRow, modelId: string, effectiveDate: string, field: string) {
  const { doc } = await latestDocument(tx, plan);
  const change = await changeInYear(ctx, tx, plan, effectiveDate, 'effectiveDate');
  // Carrying the same moves twice would scale the quotas twice.
  const carried = doc.lines.find((l) => l.reason?.startsWith(`territory model ${modelId} from `));
  if (carried) throw invalid(field, `the plan carries this model's moves already (${carried.name}: ${carried.reason})`);
  const { wire } = await diffOf(ctx, tx, plan.orgId, modelId, effectiveDate);
  const lines = new Map(doc.lines.map((l) => [l.key, l]));
  const edits = wire.reps.flatMap((r) => {
    const line = r.personId === null ? undefined : lines.get(r.personId);
    const [was, now] = [BigInt(r.before.potentialMinor), BigInt(r.after.potentialMinor)];
    if (!line || line.kind !== 'seller' || was === 0n || was === now) return [];
    const reason = `territory model ${modelId} from ${effectiveDate}: potential ${formatMinorAsMajor(was, doc.currency)} -> ${formatMinorAsMajor(now, doc.currency)}`;
    return [{ key: line.key, annualMinor: divideRounded(line.annualMinor * now, was, 'half-even'), reason }];
  });
  return { edits, doc: editQuotaLines(doc, edits, change), reason: `territory-change from ${effectiveDate}: ${edits.length} sellers, model ${modelId}` };
}

/** A territory model's moves carried into the plan as its next version (a territory change), to be approved like any other. */
export async function carryTerritoryQuota(ctx: AppContext, actor: Actor, id: string, input: z.input<typeof QuotaTerritoryChangeBody>): Promise<QuotaPlanDetail> {
  requireAbility(actor, 'quota:plan');
  const body = parseInput(QuotaTerritoryChangeBody, input);
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const plan = await editablePlan(tx, actor.orgId, id, body.baseVersion);
    const carry = await territoryCarry(ctx, tx, plan, body.modelId, body.effectiveDate, 'modelId');
    if (carry.edits.length === 0) throw invalid('modelId', 'the model moves no potential between the plan\'s sellers on that day');
    return storeVersion(ctx, tx, actor, plan, carry.doc, carry.reason);
  });
}

/**
 * For activating a model with its quota (activate-territory-model.ts), inside its transaction:
 * the bookings plan of the fiscal year of `effectiveDate` and the version carrying the moves,
 * prepared before the model is activated; `store` saves it afterwards (nothing when the moves
 * change no seller's potential). Refused, naming `carryQuota`, when there is no such plan or it
 * is in review: the activation then writes nothing either.
 */
export async function prepareTerritoryCarry(ctx: AppContext, tx: Tx, actor: Actor, modelId: string, effectiveDate: string) {
  requireAbility(actor, 'quota:plan');
  const { fiscalYearStartMonth } = await orgMoney(tx, actor.orgId, dateOfInstant(ctx.now()));
  const fiscalYear = fiscalPeriodOf(effectiveDate, fiscalYearStartMonth, 'year').fiscalYear;
  const plan = await quotaPlanRepo.findByYear(tx, actor.orgId, fiscalYear, 'bookings');
  if (!plan) throw invalid('carryQuota', `there is no FY${fiscalYear} quota plan to carry quota into: create it, or activate without carrying quota`);
  if (plan.status === 'in_review') throw invalid('carryQuota', `the FY${fiscalYear} quota plan is in review: approve or reject it first, or activate without carrying quota`);
  const carry = await territoryCarry(ctx, tx, plan, modelId, effectiveDate, 'carryQuota');
  return {
    store: async (): Promise<{ planId: string; fiscalYear: number; version: number | null; sellers: number }> => {
      if (carry.edits.length === 0) return { planId: plan.id, fiscalYear, version: null, sellers: 0 };
      const saved = await storeVersion(ctx, tx, actor, plan, carry.doc, carry.reason);
      return { planId: plan.id, fiscalYear, version: saved.version, sellers: carry.edits.length };
    },
  };
}
