import { can, cascadeOf, dateOfInstant, formatDecimal, parseFiscalPeriod, readQuotaPlan, unitOfMeasure, type Actor, type QuotaPlanDocument, type QuotaPlanMeasure } from '@attain/core';
import type { QuotaPlanDetail, QuotaPlanSummary, QuotaProposalWire } from '@attain/contract';
import { quotaPlanRepo, userRepo, type Db, type QuotaPlanEventRow, type QuotaPlanRow, type QuotaPlanVersionRow, type Tx } from '@attain/store';
import type { AppContext } from '../context.js';
import { orgMoney } from '../coverage/model-accounts.js';
import { diagnoseQuotas } from './quota-diagnostics.js';
import { missingSignOffs } from './quota-plan-records.js';
import { capacityOf, fiscalQuarters, lineSchedule, type LineSchedule } from './quota-schedule.js';

/** Managers' proposals, each line beside what `doc` has for it. */
export function presentProposals(events: readonly QuotaPlanEventRow[], doc: QuotaPlanDocument, users: ReadonlyMap<string, string>): QuotaProposalWire[] {
  const lines = new Map(doc.lines.map((l) => [l.key, l]));
  return events.filter((e) => e.kind === 'proposed').map((e) => ({
    version: e.version, byName: users.get(e.createdBy) ?? e.createdBy, at: e.createdAt, comment: e.comment,
    edits: (JSON.parse(e.detail ?? '[]') as { key: string; annualMinor: string; reason: string }[]).map((x) => ({
      key: x.key, name: lines.get(x.key)?.name ?? x.key, currentMinor: lines.has(x.key) ? String(lines.get(x.key)?.annualMinor) : null, proposedMinor: x.annualMinor, reason: x.reason,
    })),
  }));
}

/** Who submitted the plan last (she may not approve it). */
export async function submitterOf(db: Db | Tx, orgId: string, planId: string): Promise<string | null> {
  return lastSubmitter(await quotaPlanRepo.events(db, orgId, planId));
}

const lastSubmitter = (events: readonly QuotaPlanEventRow[]): string | null => events.filter((e) => e.kind === 'submitted').at(-1)?.createdBy ?? null;

function abilities(actor: Actor, plan: QuotaPlanRow, submitter: string | null): QuotaPlanSummary['abilities'] {
  const planner = can(actor, 'quota:plan');
  return {
    update: planner && plan.status !== 'in_review',
    submit: planner && plan.status !== 'in_review',
    approve: can(actor, 'quota:approve') && plan.status === 'in_review' && submitter !== actor.userId,
  };
}

/** The plan's measure (the store keeps it as text; only the contract's measures are written). */
export const measureOf = (plan: QuotaPlanRow): QuotaPlanMeasure => plan.measure as QuotaPlanMeasure;

export function presentSummary(actor: Actor, plan: QuotaPlanRow, doc: QuotaPlanDocument, submitter: string | null): QuotaPlanSummary {
  return {
    id: plan.id, fiscalYear: plan.fiscalYear, measure: measureOf(plan), unit: unitOfMeasure(measureOf(plan)), status: plan.status, version: plan.version, approvedVersion: plan.approvedVersion,
    currency: doc.currency, targetMinor: String(doc.targetMinor), lineCount: doc.lines.length, updatedAt: plan.updatedAt, abilities: abilities(actor, plan, submitter),
  };
}

/** A version of the plan with every figure the grid shows: schedules, the cascade, capacity, diagnostics, history. */
export async function presentPlan(ctx: AppContext, db: Db | Tx, actor: Actor, plan: QuotaPlanRow, version: QuotaPlanVersionRow): Promise<QuotaPlanDetail> {
  const doc = readQuotaPlan(version.document);
  const today = dateOfInstant(ctx.now());
  const money = await orgMoney(db, actor.orgId, today);
  const year = parseFiscalPeriod(`FY${plan.fiscalYear}`, money.fiscalYearStartMonth);
  const quarters = fiscalQuarters(plan.fiscalYear, money.fiscalYearStartMonth);
  const schedules = new Map<string, LineSchedule>(doc.lines.map((l) => [l.key, lineSchedule(doc, l, year, quarters, money.fiscalYearStartMonth)]));
  const names = new Map(doc.lines.map((l) => [l.key, l.name]));
  const sellers = doc.lines.filter((l) => l.kind === 'seller' && l.personId !== null);
  const { diagnostics } = await diagnoseQuotas(db, actor.orgId, money, measureOf(plan), plan.fiscalYear, today, doc.targetMinor,
    sellers.map((l) => ({ personId: l.personId as string, quotaMinor: l.annualMinor, historyMinor: l.historyMinor, potentialMinor: l.potentialMinor })));
  const capacity = capacityOf(doc, schedules);
  const logins = await userRepo.list(db, actor.orgId);
  const users = new Map(logins.map((u) => [u.id, u.name]));
  const events = await quotaPlanRepo.events(db, actor.orgId, plan.id);
  const submitter = lastSubmitter(events);
  const summary = presentSummary(actor, plan, doc, submitter);
  const missing = missingSignOffs(doc, logins, events, plan.version);
  const waiting = doc.signOffsRequired === true && missing.length > 0;
  return {
    ...summary,
    abilities: { ...summary.abilities, approve: summary.abilities.approve && !waiting },
    shownVersion: version.version, yearFrom: year.start, yearTo: year.end,
    settings: { ...doc.settings, weightsByRole: { ...doc.settings.weightsByRole } as Record<string, string>, roles: [...doc.settings.roles] },
    phasing: doc.phasing && { by: doc.phasing.by, weights: doc.phasing.weights.map((w) => formatDecimal(w)) },
    ramps: Object.fromEntries(Object.entries(doc.ramps).map(([role, r]) => [role, [...(r ?? [])]])),
    paddingBound: formatDecimal(doc.paddingBound), expectedAttainment: formatDecimal(doc.expectedAttainment),
    lines: doc.lines.map((l) => {
      const s = schedules.get(l.key) as LineSchedule;
      return {
        key: l.key, kind: l.kind, personId: l.personId, name: l.name, role: l.role, parentKey: l.parentKey, startDate: l.startDate,
        annualMinor: String(l.annualMinor), reason: l.reason, historyMinor: String(l.historyMinor), potentialMinor: String(l.potentialMinor),
        earlier: l.earlier.map((e) => ({ annualMinor: String(e.annualMinor), until: e.until })),
        inYearMinor: String(s.inYearMinor), quarters: s.quarters.map(String), ramp: s.ramp,
        growth: l.historyMinor === 0n ? null : Number(l.annualMinor - l.historyMinor) / Number(l.historyMinor),
      };
    }),
    cascade: cascadeOf(doc).map((n) => ({
      key: n.key, name: n.key === null ? 'Company target' : (names.get(n.key) ?? n.key), quotaMinor: String(n.quotaMinor), childrenMinor: String(n.childrenMinor),
      children: n.children, padding: n.padding, overBound: n.overBound, short: n.short,
    })),
    capacity: { ...capacity, inYearMinor: String(capacity.inYearMinor), expectedMinor: String(capacity.expectedMinor) },
    diagnostics,
    versions: (await quotaPlanRepo.versions(db, actor.orgId, plan.id)).map((v) => ({ version: v.version, reason: v.reason, createdByName: users.get(v.createdBy) ?? v.createdBy, createdAt: v.createdAt })),
    events: events.map((e) => ({ kind: e.kind, version: e.version, comment: e.comment, byName: users.get(e.createdBy) ?? e.createdBy, at: e.createdAt })),
    proposals: presentProposals(events, doc, users),
    signOffs: events.filter((e) => e.kind === 'signed_off').map((e) => ({ version: e.version, byName: users.get(e.createdBy) ?? e.createdBy, at: e.createdAt, comment: e.comment })),
    signOffsRequired: doc.signOffsRequired === true,
    signOffsMissing: missing,
  };
}
