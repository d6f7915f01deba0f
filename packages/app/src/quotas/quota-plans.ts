import {
  checkQuotaPlan, compareQuotaPlans, dateOfInstant, divideRounded, DomainError, editQuotaLines, formatMinorAsMajor, invalid, parseDecimal, parseFiscalPeriod, readQuotaPlan, readShare, writeQuotaPlan,
  cascadeOf, inHierarchyOrder, teamOf, type Actor, type PersonKind, type QuotaPlanDocument, type QuotaPlanLine,
} from '@attain/core';
import {
  ApproveQuotaPlanBody, CreateQuotaPlanBody, QuotaPlanCommentBody, QuotaTerritoryChangeBody, RejectQuotaPlanBody, SaveQuotaPlanBody,
  type QuotaPlanApproved, type QuotaPlanComparison, type QuotaPlanDetail, type QuotaPlanSummary,
} from '@attain/contract';
import { quotaPlanRepo, type QuotaPlanEventKind, type QuotaPlanRow, type Tx } from '@attain/store';
import type { z } from 'zod';
import { recordAudit } from '../audit.js';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { orgMoney } from '../coverage/model-accounts.js';
import { inOrgTransaction } from '../org-transaction.js';
import { parseInput } from '../validation.js';
import { computeAllocation, managersAbove } from './allocate-quotas.js';
import { applyQuotaPlan } from './apply-quota-plan.js';
import { presentPlan, presentSummary, submitterOf } from './quota-plan.presenter.js';
import { addMonths } from './quota-history.js';
import { storedPhasing } from './quota-schedule.js';
import { diffOf } from '../territories/territory-diff.js';

/*
 * Quota plans (docs/quotas.md#quota-plans): created from the top-down allocation, edited by hand
 * with reasons (each save a new version), submitted, then approved by finance or an admin who did
 * not submit it (padding over the bound needs a comment saying why it is accepted) or rejected
 * with a comment. Approval writes the quotas into the plan assignments in the same transaction.
 */

type Placeholder = z.output<typeof CreateQuotaPlanBody>['placeholders'][number];

const PADDING_MAX = 10n;
const ATTAINMENT_MAX = 3n;

async function loadPlan(db: Tx | AppContext['database']['db'], orgId: string, id: string): Promise<QuotaPlanRow> {
  const plan = await quotaPlanRepo.find(db, orgId, id);
  if (!plan) throw new DomainError('not_found', 'quota plan not found');
  return plan;
}

async function latestDocument(db: Tx | AppContext['database']['db'], plan: QuotaPlanRow, version = plan.version) {
  const row = await quotaPlanRepo.findVersion(db, plan.orgId, plan.id, version);
  if (!row) throw invalid('version', `the plan has no version ${version} (it has 1 to ${plan.version})`);
  return { row, doc: readQuotaPlan(row.document) };
}

const phasingOf = (p: { by: 'quarter' | 'month'; weights: string[] } | null) => p && { by: p.by, weights: p.weights.map((w) => parseDecimal(w)) };

/** A placeholder's line under her manager's line; the manager must be in the plan. */
function placeholderLine(p: Placeholder, key: string, managers: ReadonlySet<string>, field: string): QuotaPlanLine {
  if (p.managerId !== null && !managers.has(p.managerId)) throw invalid(`${field}.managerId`, 'is not a manager in the plan');
  return { key, kind: 'placeholder', personId: null, name: p.name, role: p.role, parentKey: p.managerId, startDate: p.startDate, annualMinor: BigInt(p.annualMinor), reason: p.reason, historyMinor: 0n, potentialMinor: 0n, earlier: [] };
}

/** Records a step of the plan's history (and audits it against the plan as it was). */
async function event(ctx: AppContext, tx: Tx, actor: Actor, plan: QuotaPlanRow, version: number, kind: QuotaPlanEventKind, comment: string): Promise<void> {
  await quotaPlanRepo.addEvent(tx, actor.orgId, plan.id, { version, kind, comment, detail: null, createdBy: actor.userId, createdAt: ctx.now() });
  await recordAudit(ctx, tx, { actor, action: `quota_plan.${kind}`, entity: 'quota_plan', entityId: plan.id, before: { status: plan.status, version: plan.version }, after: { version, comment } });
}

async function move(tx: Tx, plan: QuotaPlanRow, next: { version?: number; status: QuotaPlanRow['status']; approvedVersion?: number | null; at: string }): Promise<QuotaPlanRow> {
  const moved = { version: next.version ?? plan.version, status: next.status, approvedVersion: next.approvedVersion === undefined ? plan.approvedVersion : next.approvedVersion, updatedAt: next.at };
  if (!(await quotaPlanRepo.update(tx, plan.orgId, plan.id, { version: plan.version, status: plan.status }, moved))) {
    throw new DomainError('conflict', 'the plan was changed at the same time by someone else: reload it', [{ field: 'baseVersion', message: 'changed meanwhile' }]);
  }
  return { ...plan, ...moved };
}

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
  const placeholders = body.placeholders.map((p, k) => placeholderLine(p, `tbh-${k + 1}`, managerIds, `placeholders[${k}]`));
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
    settings: { historyWeight: body.historyWeight, weightsByRole: body.weightsByRole, roles: body.roles, minGrowth: body.minGrowth ?? null, maxGrowth: body.maxGrowth ?? null },
    phasing: phasingOf(body.phasing), ramps: body.ramps,
    paddingBound: readShare(body.paddingBound, 'paddingBound', PADDING_MAX), expectedAttainment: readShare(body.expectedAttainment, 'expectedAttainment', ATTAINMENT_MAX),
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
    };
    const when = change ? ` from ${change}` : '';
    return storeVersion(ctx, tx, actor, plan, doc, body.changeReason ? `${body.changeReason}${when}: ${body.reason}` : body.reason);
  });
}

/**
 * A territory model's moves carry quota with them from its effective day, pro-rated: each seller
 * whose potential changes gets annual quota x potential after / before (half-even) from that day,
 * her quota before it held until then, so the year's quota is the time-weighted blend. Saved as
 * the next version (a territory change), to be approved like any other.
 */
export async function carryTerritoryQuota(ctx: AppContext, actor: Actor, id: string, input: z.input<typeof QuotaTerritoryChangeBody>): Promise<QuotaPlanDetail> {
  requireAbility(actor, 'quota:plan');
  const body = parseInput(QuotaTerritoryChangeBody, input);
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const plan = await editablePlan(tx, actor.orgId, id, body.baseVersion);
    const { doc } = await latestDocument(tx, plan);
    const change = await changeInYear(ctx, tx, plan, body.effectiveDate, 'effectiveDate');
    const { wire } = await diffOf(ctx, tx, actor.orgId, body.modelId, body.effectiveDate);
    const lines = new Map(doc.lines.map((l) => [l.key, l]));
    const edits = wire.reps.flatMap((r) => {
      const line = r.personId === null ? undefined : lines.get(r.personId);
      const [was, now] = [BigInt(r.before.potentialMinor), BigInt(r.after.potentialMinor)];
      if (!line || line.kind !== 'seller' || was === 0n || was === now) return [];
      const reason = `territory model ${body.modelId} from ${body.effectiveDate}: potential ${formatMinorAsMajor(was, doc.currency)} -> ${formatMinorAsMajor(now, doc.currency)}`;
      return [{ key: line.key, annualMinor: divideRounded(line.annualMinor * now, was, 'half-even'), reason }];
    });
    if (edits.length === 0) throw invalid('modelId', 'the model moves no potential between the plan\'s sellers on that day');
    return storeVersion(ctx, tx, actor, plan, editQuotaLines(doc, edits, change), `territory-change from ${body.effectiveDate}: ${edits.length} sellers, model ${body.modelId}`);
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
    const padded = cascadeOf(doc).filter((n) => n.overBound).map((n) => (n.key === null ? 'the company target' : (doc.lines.find((l) => l.key === n.key)?.name ?? n.key)));
    if (padded.length > 0 && body.comment === '') throw invalid('comment', `the sum under ${padded.join(', ')} is above the padding bound: say why it is accepted`);
    const money = await orgMoney(tx, actor.orgId, dateOfInstant(ctx.now()));
    const result = await applyQuotaPlan(ctx, tx, actor, {
      doc, year: parseFiscalPeriod(`FY${plan.fiscalYear}`, money.fiscalYearStartMonth), phasing: storedPhasing(doc, money.fiscalYearStartMonth),
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
    from, to, currency: after.currency,
    target: { beforeMinor: String(c.target.beforeMinor), afterMinor: String(c.target.afterMinor) },
    lines: c.lines.map((l) => ({ key: l.key, name: l.name, kind: l.kind, beforeMinor: l.beforeMinor === null ? null : String(l.beforeMinor), afterMinor: l.afterMinor === null ? null : String(l.afterMinor), reason: l.reason })),
    settings: [...c.settings],
  };
}
