import { createHash } from 'node:crypto';
import { DomainError, type Actor } from '@attain/core';
import type { PlanIssue, PlanSaved } from '@attain/contract';
import { compPlanRepo, type CompPlan, type CompPlanVersion, type PlanVersionStatus, type Tx } from '@attain/store';
import { recordAudit } from '../audit.js';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import type { Plan } from '../comp/plan-schema.js';
import { inOrgTransaction } from '../org-transaction.js';
import { planDetail, presentVersionDetail } from './plan-queries.js';
import { positionOf } from './plan-source-position.js';
import { planValidationError, readPlanSource } from './read-plan-source.js';

/** A problem with one field of an otherwise valid source, placed where the field is written. */
function fieldIssue(source: string, path: readonly string[], message: string): PlanIssue {
  return { field: path.join('.'), message, ...positionOf(source, path) };
}

function readValid(source: string): Plan {
  const reading = readPlanSource(source);
  if (!reading.ok) throw planValidationError(reading.issues);
  return reading.plan;
}

/** What the audit log keeps of a version: its identity and a hash of the source, not the (up to 1 MB) text. */
const auditOf = (v: CompPlanVersion, key: string) => ({
  key, version: v.version, status: v.status, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo,
  sourceSha256: createHash('sha256').update(v.source).digest('hex'), sourceLength: v.source.length,
});

/** Inserts the next version of `plan` (and renames the plan to the file's name) inside the caller's transaction. */
export async function insertPlanVersion(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  input: { plan: CompPlan; parsed: Plan; source: string; status: PlanVersionStatus; action: string },
): Promise<CompPlanVersion> {
  const { plan, parsed, source } = input;
  const version: CompPlanVersion = {
    orgId: plan.orgId, id: ctx.newId('cpv'), planId: plan.id, version: parsed.version, status: input.status, source,
    effectiveFrom: parsed.effective.from, effectiveTo: parsed.effective.to ?? null, createdBy: actor.userId, createdAt: ctx.now(),
  };
  await compPlanRepo.insertVersion(tx, version);
  if (parsed.name !== plan.name) await compPlanRepo.rename(tx, plan.orgId, plan.id, parsed.name);
  await recordAudit(ctx, tx, { actor, action: input.action, entity: 'comp_plan', entityId: plan.id, before: null, after: auditOf(version, plan.key) });
  return version;
}

/**
 * Saves a plan source as the plan's next draft version. The file's `plan.id` must be the
 * plan's key and its `plan.version` the next number; otherwise a validation error names the
 * line and column of that field. A plan with problems is refused with all of them.
 */
export async function savePlanVersion(ctx: AppContext, actor: Actor, planId: string, input: { source: string }): Promise<PlanSaved> {
  requireAbility(actor, 'comp_plan:write');
  const parsed = readValid(input.source);
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const plan = await compPlanRepo.find(tx, actor.orgId, planId);
    if (!plan) throw new DomainError('not_found', 'plan not found');
    const next = (await compPlanRepo.latestVersionNumber(tx, actor.orgId, plan.id)) + 1;
    const issues: PlanIssue[] = [];
    if (parsed.id !== plan.key) issues.push(fieldIssue(input.source, ['plan', 'id'], `must be ${plan.key}, the id of this plan (a new id starts a new plan)`));
    if (parsed.version !== next) issues.push(fieldIssue(input.source, ['plan', 'version'], `must be ${next}, the next version of this plan`));
    if (issues.length > 0) throw planValidationError(issues);
    const version = await insertPlanVersion(ctx, tx, actor, { plan, parsed, source: input.source, status: 'draft', action: 'comp_plan.version.create' });
    const renamed = { ...plan, name: parsed.name };
    return { plan: await planDetail(tx, renamed), version: presentVersionDetail(renamed, version) };
  });
}

/**
 * Creates a plan from a source whose `plan.id` no plan of the organisation has yet; the
 * source becomes its draft version 1 (so `plan.version` must be 1).
 */
export async function createPlanFromSource(ctx: AppContext, actor: Actor, input: { source: string }): Promise<PlanSaved> {
  requireAbility(actor, 'comp_plan:write');
  const parsed = readValid(input.source);
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const issues: PlanIssue[] = [];
    if (await compPlanRepo.findByKey(tx, actor.orgId, parsed.id)) issues.push(fieldIssue(input.source, ['plan', 'id'], `a plan with id ${parsed.id} exists already: save a new version of it, or choose a new id`));
    if (parsed.version !== 1) issues.push(fieldIssue(input.source, ['plan', 'version'], 'must be 1, the first version of a new plan'));
    if (issues.length > 0) throw planValidationError(issues);
    const plan = await insertPlan(ctx, tx, actor, parsed);
    const version = await insertPlanVersion(ctx, tx, actor, { plan, parsed, source: input.source, status: 'draft', action: 'comp_plan.version.create' });
    return { plan: await planDetail(tx, plan), version: presentVersionDetail(plan, version) };
  });
}

/** Inserts the plan row of a new plan, audited. */
export async function insertPlan(ctx: AppContext, tx: Tx, actor: Actor, parsed: Plan): Promise<CompPlan> {
  const plan: CompPlan = { orgId: actor.orgId, id: ctx.newId('cpl'), key: parsed.id, name: parsed.name, createdAt: ctx.now(), createdBy: actor.userId };
  await compPlanRepo.insert(tx, plan);
  await recordAudit(ctx, tx, { actor, action: 'comp_plan.create', entity: 'comp_plan', entityId: plan.id, before: null, after: plan });
  return plan;
}

/**
 * Saves a plan file as it comes: its next draft version when the organisation has a plan of its
 * `plan.id`, otherwise a new plan (the CLI's `attain plan save`).
 */
export async function savePlanSource(ctx: AppContext, actor: Actor, input: { source: string }): Promise<PlanSaved> {
  requireAbility(actor, 'comp_plan:write');
  const parsed = readValid(input.source);
  const existing = await compPlanRepo.findByKey(ctx.database.db, actor.orgId, parsed.id);
  return existing ? savePlanVersion(ctx, actor, existing.id, input) : createPlanFromSource(ctx, actor, input);
}

/**
 * Publishes a draft version, so that assignments can pay by it. Someone other than its author
 * publishes it (plan changes are pay changes: whoever wrote one does not also release it), and
 * a published version is refused (409). Audited with the status before and after.
 */
export async function publishPlanVersion(ctx: AppContext, actor: Actor, planIdOrKey: string, versionNumber: number): Promise<PlanSaved> {
  requireAbility(actor, 'comp_plan:write');
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const plan = (await compPlanRepo.find(tx, actor.orgId, planIdOrKey)) ?? (await compPlanRepo.findByKey(tx, actor.orgId, planIdOrKey));
    const version = plan ? await compPlanRepo.findVersion(tx, actor.orgId, plan.id, versionNumber) : undefined;
    if (!plan || !version) throw new DomainError('not_found', 'plan version not found');
    if (version.status !== 'draft') throw new DomainError('conflict', `version ${versionNumber} of ${plan.key} is published already`, [{ field: 'version', message: 'published already' }]);
    if (version.createdBy === actor.userId) throw new DomainError('forbidden', 'whoever wrote a plan version cannot also publish it: another comp admin publishes it');
    if (!(await compPlanRepo.publishVersion(tx, actor.orgId, plan.id, versionNumber))) throw new DomainError('conflict', `version ${versionNumber} of ${plan.key} is published already`);
    const published = { ...version, status: 'published' as const };
    await recordAudit(ctx, tx, { actor, action: 'comp_plan.version.publish', entity: 'comp_plan', entityId: plan.id, before: auditOf(version, plan.key), after: auditOf(published, plan.key) });
    return { plan: await planDetail(tx, plan), version: presentVersionDetail(plan, published) };
  });
}
