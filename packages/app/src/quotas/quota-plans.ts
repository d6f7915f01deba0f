import {
  unitOfMeasure,
  PERSON_KINDS, cascadeOf, checkQuotaPlan, compareQuotaPlans, dateOfInstant, DomainError, inHierarchyOrder, invalid, parseFiscalPeriod, readShare, teamOf, writeQuotaPlan,
  type Actor, type PersonKind, type QuotaPlanDocument, type QuotaPlanLine,
} from '@attain/core';
import {
  ApproveQuotaPlanBody, CreateQuotaPlanBody, QuotaPlanCommentBody, RejectQuotaPlanBody,
  type QuotaPlanApproved, type QuotaPlanComparison, type QuotaPlanDetail, type QuotaPlanSummary,
} from '@attain/contract';
import { quotaPlanRepo, userRepo, type QuotaPlanRow } from '@attain/store';
import type { z } from 'zod';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { orgMoney } from '../coverage/model-accounts.js';
import { inOrgTransaction } from '../org-transaction.js';
import { parseInput } from '../validation.js';
import { computeAllocation, managersAbove, type ComputedAllocation } from './allocate-quotas.js';
import { applyQuotaPlan } from './apply-quota-plan.js';
import { ATTAINMENT_MAX, event, latestDocument, loadPlan, missingSignOffs, move, PADDING_MAX, phasingOf, placeholderLine } from './quota-plan-records.js';
import { measureOf, presentPlan, presentSummary, submitterOf } from './quota-plan.presenter.js';
import { addMonths } from './quota-history.js';
import { storedPhasing } from './quota-schedule.js';

/*
 * Quota plans (docs/quotas.md#quota-plans): created from the top-down allocation, edited by hand
 * with reasons (each save a new version: quota-plan-changes.ts), submitted, then approved by
 * finance or an admin who did not submit it (padding over the bound needs a comment saying why it
 * is accepted) or rejected with a comment. Approval writes the quotas into the plan assignments
 * in the same transaction.
 */

export async function listQuotaPlans(ctx: AppContext, actor: Actor): Promise<QuotaPlanSummary[]> {
  requireAbility(actor, 'quota:plan');
  const db = ctx.database.db;
  const out: QuotaPlanSummary[] = [];
  for (const plan of await quotaPlanRepo.list(db, actor.orgId)) {
    const { doc } = await latestDocument(db, plan);
    out.push(presentSummary(actor, plan, doc, await submitterOf(db, actor.orgId, plan.id)));
  }
  return out;
}

export async function getQuotaPlan(ctx: AppContext, actor: Actor, id: string, version?: number): Promise<QuotaPlanDetail> {
  requireAbility(actor, 'quota:plan');
  const db = ctx.database.db;
  const plan = await loadPlan(db, actor.orgId, id);
  return presentPlan(ctx, db, actor, plan, (await latestDocument(db, plan, version)).row);
}

/**
 * Allocated over territories, each territory no seller owns carries its quota as a seller to be
 * hired from the year's first day (the seat's name when the model has one), so the plan still adds
 * up to the target.
 */
function vacantSeats(a: ComputedAllocation, after: number): QuotaPlanLine[] {
  const t = a.byTerritory;
  if (!t) return [];
  const role: PersonKind = (PERSON_KINDS as readonly string[]).includes(t.model.ownerRole) ? (t.model.ownerRole as PersonKind) : 'ae';
  return t.territories.filter((x) => x.ownerId === null && x.quotaMinor > 0n).map((x, k) => ({
    key: `tbh-${after + k + 1}`, kind: 'placeholder', personId: null, name: x.seat ?? `Seat in ${x.name}`, role, parentKey: null, startDate: a.year.start,
    annualMinor: x.quotaMinor, reason: `territory ${x.name} of ${t.model.name} has no seller on ${t.asOf}`, historyMinor: x.historyMinor, potentialMinor: x.potentialMinor, earlier: [],
  }));
}

/** Allocates the year's number (less the placeholders' quotas) and stores it as version 1, a draft. */
export async function createQuotaPlan(ctx: AppContext, actor: Actor, input: z.input<typeof CreateQuotaPlanBody>): Promise<QuotaPlanDetail> {
  requireAbility(actor, 'quota:plan');
  const body = parseInput(CreateQuotaPlanBody, input);
  const db = ctx.database.db;
  const today = dateOfInstant(ctx.now());
  const target = BigInt(body.targetMinor);
  const reserved = body.placeholders.reduce((s, p) => s + BigInt(p.annualMinor), 0n);
  if (reserved > target) throw invalid('placeholders', 'the placeholders carry more than the target');
  const a = await computeAllocation(db, actor.orgId, today, body, target - reserved);
  const managerIds = new Set(a.sellers.flatMap((s) => managersAbove(a.people, s.person.id)));
  for (const p of body.placeholders) if (p.managerId !== null && a.people.has(p.managerId)) [p.managerId, ...managersAbove(a.people, p.managerId)].forEach((m) => managerIds.add(m));
  // A hire within three years may still be ramping (profiles run up to 36 months).
  const rampFrom = addMonths(a.year.start, -36);
  const sellers: QuotaPlanLine[] = a.sellers.map((s) => ({
    key: s.person.id, kind: 'seller', personId: s.person.id, name: s.person.name, role: s.person.kind,
    parentKey: s.person.managerId !== null && managerIds.has(s.person.managerId) ? s.person.managerId : null,
    startDate: s.person.hireDate !== null && s.person.hireDate >= rampFrom ? s.person.hireDate : null,
    annualMinor: s.quotaMinor, reason: s.reason, historyMinor: s.historyMinor, potentialMinor: s.potentialMinor, earlier: [],
  }));
  const placeholders = [...body.placeholders.map((p, k) => placeholderLine(p, `tbh-${k + 1}`, managerIds, `placeholders[${k}]`)), ...vacantSeats(a, body.placeholders.length)];
  const managers: QuotaPlanLine[] = [...managerIds].sort().map((m) => {
    const person = a.people.get(m);
    return {
      key: m, kind: 'manager', personId: m, name: person?.name ?? m, role: (person?.kind ?? 'manager') as PersonKind,
      parentKey: person?.managerId && managerIds.has(person.managerId) ? person.managerId : null,
      startDate: null, annualMinor: 0n, reason: null, historyMinor: 0n, potentialMinor: 0n, earlier: [],
    };
  });
  // Each manager's quota starts as her team's sum: no padding until someone sets one.
  const unsummed = [...managers, ...sellers, ...placeholders];
  const lines = unsummed.map((l) => {
    if (l.kind !== 'manager') return l;
    const team = teamOf(unsummed, l.key).filter((x) => x.kind !== 'manager');
    const sum = (f: (x: QuotaPlanLine) => bigint) => team.reduce((total, x) => total + f(x), 0n);
    return { ...l, annualMinor: sum((x) => x.annualMinor), historyMinor: sum((x) => x.historyMinor), potentialMinor: sum((x) => x.potentialMinor) };
  });
  const doc: QuotaPlanDocument = {
    currency: a.money.currency, targetMinor: target,
    settings: {
      historyWeight: body.historyWeight, weightsByRole: body.weightsByRole, roles: body.roles, minGrowth: body.minGrowth ?? null, maxGrowth: body.maxGrowth ?? null,
      ...(a.byTerritory ? { basis: 'territories' as const, territoryModelId: a.byTerritory.model.id } : {}),
    },
    phasing: phasingOf(body.phasing), ramps: body.ramps,
    paddingBound: readShare(body.paddingBound, 'paddingBound', PADDING_MAX), expectedAttainment: readShare(body.expectedAttainment, 'expectedAttainment', ATTAINMENT_MAX),
    ...(body.signOffsRequired ? { signOffsRequired: true } : {}),
    lines: inHierarchyOrder(lines),
  };
  checkQuotaPlan(doc);
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    if (await quotaPlanRepo.findByYear(tx, actor.orgId, body.fiscalYear, body.measure)) {
      throw new DomainError('conflict', `fiscalYear: FY${body.fiscalYear} has a ${body.measure} quota plan already: open it`, [{ field: 'fiscalYear', message: 'has a plan already' }]);
    }
    const at = ctx.now();
    const plan: QuotaPlanRow = { orgId: actor.orgId, id: ctx.newId('qpl'), fiscalYear: body.fiscalYear, measure: body.measure, status: 'draft', version: 1, approvedVersion: null, createdBy: actor.userId, createdAt: at, updatedAt: at };
    await quotaPlanRepo.insert(tx, plan);
    const version = { version: 1, document: writeQuotaPlan(doc), reason: 'allocated top-down', createdBy: actor.userId, createdAt: at };
    await quotaPlanRepo.insertVersion(tx, actor.orgId, plan.id, version);
    await event(ctx, tx, actor, plan, 1, 'created', `FY${body.fiscalYear} ${body.measure}: ${a.sellers.length} sellers, ${placeholders.length} to be hired`);
    return presentPlan(ctx, tx, actor, plan, version);
  });
}

export async function submitQuotaPlan(ctx: AppContext, actor: Actor, id: string, input: z.input<typeof QuotaPlanCommentBody>): Promise<QuotaPlanDetail> {
  requireAbility(actor, 'quota:plan');
  const body = parseInput(QuotaPlanCommentBody, input);
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const plan = await loadPlan(tx, actor.orgId, id);
    // An approved plan may go round again: approving it writes what is not in the assignments yet (next year's plan versions published since, say).
    if (plan.status === 'in_review') throw new DomainError('conflict', 'the plan is in review already', [{ field: 'id', message: plan.status }]);
    const moved = await move(tx, plan, { status: 'in_review', at: ctx.now() });
    await event(ctx, tx, actor, plan, plan.version, 'submitted', body.comment);
    return presentPlan(ctx, tx, actor, moved, (await latestDocument(tx, moved)).row);
  });
}

/** Approval: someone other than the submitter, on the version she saw; it writes the quotas into the plan assignments. */
export async function approveQuotaPlan(ctx: AppContext, actor: Actor, id: string, input: z.input<typeof ApproveQuotaPlanBody>): Promise<QuotaPlanApproved> {
  requireAbility(actor, 'quota:approve');
  const body = parseInput(ApproveQuotaPlanBody, input);
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const plan = await loadPlan(tx, actor.orgId, id);
    if (plan.status !== 'in_review') throw new DomainError('conflict', 'the plan is not in review: submit it first', [{ field: 'id', message: plan.status }]);
    if (body.version !== plan.version) throw new DomainError('conflict', `version: the plan is at version ${plan.version}: review that one`, [{ field: 'version', message: `is not the latest (${plan.version})` }]);
    if ((await submitterOf(tx, actor.orgId, plan.id)) === actor.userId) throw new DomainError('forbidden', 'whoever submitted a quota plan cannot approve it');
    const { row, doc } = await latestDocument(tx, plan);
    if (doc.signOffsRequired) {
      const missing = missingSignOffs(doc, await userRepo.list(tx, actor.orgId), await quotaPlanRepo.events(tx, actor.orgId, plan.id), plan.version);
      if (missing.length > 0) throw new DomainError('conflict', `the plan waits for the sign-off of ${missing.map((m) => m.name).join(', ')} on version ${plan.version}`, [{ field: 'version', message: 'waiting for sign-offs' }]);
    }
    const padded = cascadeOf(doc).filter((n) => n.overBound).map((n) => (n.key === null ? 'the company target' : (doc.lines.find((l) => l.key === n.key)?.name ?? n.key)));
    if (padded.length > 0 && body.comment === '') throw invalid('comment', `the sum under ${padded.join(', ')} is above the padding bound: say why it is accepted`);
    const money = await orgMoney(tx, actor.orgId, dateOfInstant(ctx.now()));
    const result = await applyQuotaPlan(ctx, tx, actor, {
      measure: measureOf(plan), doc, year: parseFiscalPeriod(`FY${plan.fiscalYear}`, money.fiscalYearStartMonth), phasing: storedPhasing(doc, money.fiscalYearStartMonth),
      today: dateOfInstant(ctx.now()), reason: `quota plan FY${plan.fiscalYear} ${plan.measure} version ${plan.version}, approved`,
    });
    const moved = await move(tx, plan, { status: 'approved', approvedVersion: plan.version, at: ctx.now() });
    await event(ctx, tx, actor, plan, plan.version, 'approved', padded.length > 0 ? `padding accepted (${padded.join(', ')}): ${body.comment}` : body.comment);
    return { plan: await presentPlan(ctx, tx, actor, moved, row), ...result };
  });
}

export async function rejectQuotaPlan(ctx: AppContext, actor: Actor, id: string, input: z.input<typeof RejectQuotaPlanBody>): Promise<QuotaPlanDetail> {
  requireAbility(actor, 'quota:approve');
  const body = parseInput(RejectQuotaPlanBody, input);
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const plan = await loadPlan(tx, actor.orgId, id);
    if (plan.status !== 'in_review') throw new DomainError('conflict', 'the plan is not in review', [{ field: 'id', message: plan.status }]);
    const moved = await move(tx, plan, { status: 'draft', at: ctx.now() });
    await event(ctx, tx, actor, plan, plan.version, 'rejected', body.comment);
    return presentPlan(ctx, tx, actor, moved, (await latestDocument(tx, moved)).row);
  });
}

export async function compareQuotaPlanVersions(ctx: AppContext, actor: Actor, id: string, from: number, to: number): Promise<QuotaPlanComparison> {
  requireAbility(actor, 'quota:plan');
  const db = ctx.database.db;
  const plan = await loadPlan(db, actor.orgId, id);
  const before = (await latestDocument(db, plan, from).catch(() => { throw invalid('from', `the plan has versions 1 to ${plan.version}`); })).doc;
  const after = (await latestDocument(db, plan, to).catch(() => { throw invalid('to', `the plan has versions 1 to ${plan.version}`); })).doc;
  const c = compareQuotaPlans(before, after);
  return {
    from, to, measure: measureOf(plan), unit: unitOfMeasure(measureOf(plan)), currency: after.currency,
    target: { beforeMinor: String(c.target.beforeMinor), afterMinor: String(c.target.afterMinor) },
    lines: c.lines.map((l) => ({ key: l.key, name: l.name, kind: l.kind, beforeMinor: l.beforeMinor === null ? null : String(l.beforeMinor), afterMinor: l.afterMinor === null ? null : String(l.afterMinor), reason: l.reason })),
    settings: [...c.settings],
  };
}
