import { DomainError, type Actor } from '@attain/core';
import type { PlanDetail, PlanListItem, PlanValidation, PlanVersionDetail, PlanVersionSummary } from '@attain/contract';
import { compPlanRepo, type CompPlan, type CompPlanVersion, type CompPlanVersionSummary, type Db, type Tx } from '@attain/store';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { outlineOf, readPlanSource } from './read-plan-source.js';

/*
 * Reading plans: every query is bound to the actor's organisation, so another
 * organisation's plan is simply not found.
 */

export const presentVersion = (v: CompPlanVersionSummary): PlanVersionSummary => ({
  version: v.version, status: v.status, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo, createdAt: v.createdAt, createdBy: v.createdBy,
});

export const presentVersionDetail = (plan: CompPlan, v: CompPlanVersion): PlanVersionDetail => ({ ...presentVersion(v), planId: plan.id, planKey: plan.key, source: v.source });

export async function planDetail(db: Db | Tx, plan: CompPlan): Promise<PlanDetail> {
  const versions = await compPlanRepo.listVersions(db, plan.orgId, plan.id);
  return { id: plan.id, key: plan.key, name: plan.name, createdAt: plan.createdAt, versions: versions.map(presentVersion) };
}

async function findPlan(ctx: AppContext, actor: Actor, id: string): Promise<CompPlan> {
  const plan = await compPlanRepo.find(ctx.database.db, actor.orgId, id);
  if (!plan) throw new DomainError('not_found', 'plan not found');
  return plan;
}

/** The organisation's plans, each with its latest version, by name. */
export async function listPlans(ctx: AppContext, actor: Actor): Promise<PlanListItem[]> {
  requireAbility(actor, 'comp_plan:read');
  const plans = await compPlanRepo.listWithLatest(ctx.database.db, actor.orgId);
  return plans.flatMap((p) => (p.latest ? [{ id: p.id, key: p.key, name: p.name, latest: presentVersion(p.latest) }] : []));
}

/** One plan with all its versions, newest first. */
export async function getPlan(ctx: AppContext, actor: Actor, id: string): Promise<PlanDetail> {
  requireAbility(actor, 'comp_plan:read');
  return planDetail(ctx.database.db, await findPlan(ctx, actor, id));
}

/** One version of a plan with its source exactly as it was saved. */
export async function getPlanVersion(ctx: AppContext, actor: Actor, id: string, version: number): Promise<PlanVersionDetail> {
  requireAbility(actor, 'comp_plan:read');
  const plan = await findPlan(ctx, actor, id);
  const found = await compPlanRepo.findVersion(ctx.database.db, actor.orgId, plan.id, version);
  if (!found) throw new DomainError('not_found', `plan version ${version} not found`);
  return presentVersionDetail(plan, found);
}

/** Checks a plan source; the plan's own problems are the answer (ok: false), never an error. */
export function validatePlanSource(actor: Actor, input: { source: string }): PlanValidation {
  requireAbility(actor, 'comp_plan:read');
  const reading = readPlanSource(input.source);
  return reading.ok ? { ok: true, issues: [], plan: outlineOf(reading.plan) } : { ok: false, issues: [...reading.issues], plan: null };
}
