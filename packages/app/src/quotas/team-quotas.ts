import { DomainError, invalid, readQuotaPlan, teamOf, unitOfMeasure, type Actor, type QuotaPlanLine } from '@attain/core';
import { QuotaProposalBody, QuotaSignOffBody, type QuotaTeamSummary, type QuotaTeamView } from '@attain/contract';
import { quotaPlanRepo, userRepo, type Db, type QuotaPlanRow, type Tx } from '@attain/store';
import type { z } from 'zod';
import { recordAudit } from '../audit.js';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { inOrgTransaction } from '../org-transaction.js';
import { parseInput } from '../validation.js';
import { measureOf, presentPlan, presentProposals } from './quota-plan.presenter.js';

/*
 * Bottom-up quota planning (docs/quotas.md#bottom-up): a manager sees her own line of a quota plan
 * and her team's below it, never another team's; she proposes numbers for her team with reasons
 * and a comment, and signs off the version in review. Sales ops takes a proposal into the next
 * version; finance sees who signed off when approving.
 */

async function latest(db: Db | Tx, plan: QuotaPlanRow) {
  const row = await quotaPlanRepo.findVersion(db, plan.orgId, plan.id, plan.version);
  if (!row) throw new DomainError('not_found', 'quota plan not found');
  return { row, doc: readQuotaPlan(row.document) };
}

/** The plan and the manager's team in its latest version; not found when she has none (as any plan she cannot see). */
async function teamPlan(db: Db | Tx, actor: Actor, id: string) {
  const plan = await quotaPlanRepo.find(db, actor.orgId, id);
  const found = plan && (await latest(db, plan));
  const team = found && actor.personId ? teamOf(found.doc.lines, actor.personId) : [];
  if (!plan || !found || team.length === 0) throw new DomainError('not_found', 'quota plan not found');
  return { plan, ...found, team };
}

const teamSum = (team: readonly QuotaPlanLine[], managerKey: string) => team.filter((l) => l.key !== managerKey && l.kind !== 'manager').reduce((s, l) => s + l.annualMinor, 0n);

export async function listTeamQuotaPlans(ctx: AppContext, actor: Actor): Promise<QuotaTeamSummary[]> {
  requireAbility(actor, 'quota:propose');
  const db = ctx.database.db;
  if (actor.personId === null) return [];
  const out: QuotaTeamSummary[] = [];
  for (const plan of await quotaPlanRepo.list(db, actor.orgId)) {
    const { doc } = await latest(db, plan);
    const team = teamOf(doc.lines, actor.personId);
    if (team.length === 0) continue;
    out.push({ id: plan.id, fiscalYear: plan.fiscalYear, measure: measureOf(plan), unit: unitOfMeasure(measureOf(plan)), status: plan.status, version: plan.version, currency: doc.currency, lineCount: team.length, teamMinor: String(teamSum(team, actor.personId)) });
  }
  return out;
}

export async function getTeamQuotaPlan(ctx: AppContext, actor: Actor, id: string): Promise<QuotaTeamView> {
  requireAbility(actor, 'quota:propose');
  const db = ctx.database.db;
  const { plan, row, doc, team } = await teamPlan(db, actor, id);
  // The whole plan's figures are computed as for sales ops, then cut to her team: nothing of another team leaves.
  const full = await presentPlan(ctx, db, actor, plan, row);
  const keys = new Set(team.map((l) => l.key));
  const events = (await quotaPlanRepo.events(db, actor.orgId, plan.id)).filter((e) => e.createdBy === actor.userId);
  const users = new Map((await userRepo.list(db, actor.orgId)).map((u) => [u.id, u.name]));
  const managerKey = actor.personId as string;
  return {
    id: plan.id, fiscalYear: plan.fiscalYear, measure: measureOf(plan), unit: unitOfMeasure(measureOf(plan)), status: plan.status, version: plan.version, currency: doc.currency,
    lineCount: team.length, teamMinor: String(teamSum(team, managerKey)), yearFrom: full.yearFrom, yearTo: full.yearTo, phasing: full.phasing, managerKey,
    lines: full.lines.filter((l) => keys.has(l.key)),
    cascade: full.cascade.filter((n) => n.key !== null && keys.has(n.key)),
    proposals: presentProposals(events, doc, users),
    signedOff: events.some((e) => e.kind === 'signed_off' && e.version === plan.version),
    abilities: { propose: plan.status !== 'approved', signOff: plan.status === 'in_review' },
  };
}

/** A manager's numbers for lines of her team (not her own), each with a reason; kept as a proposal on the latest version. */
export async function proposeQuotas(ctx: AppContext, actor: Actor, id: string, input: z.input<typeof QuotaProposalBody>): Promise<QuotaTeamView> {
  requireAbility(actor, 'quota:propose');
  const body = parseInput(QuotaProposalBody, input);
  await inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const { plan, team } = await teamPlan(tx, actor, id);
    if (plan.status === 'approved') throw new DomainError('conflict', 'the plan is approved: ask sales ops for a mid-year change', [{ field: 'id', message: 'approved' }]);
    const mine = new Set(team.filter((l) => l.key !== actor.personId).map((l) => l.key));
    body.edits.forEach((e, i) => {
      if (!mine.has(e.key)) throw invalid(`edits[${i}].key`, e.key === actor.personId ? 'your own quota is proposed by your manager' : 'is not a line of your team');
      if (BigInt(e.annualMinor) < 0n) throw invalid(`edits[${i}].annualMinor`, 'must be 0 or more');
    });
    const at = ctx.now();
    await quotaPlanRepo.addEvent(tx, actor.orgId, plan.id, { version: plan.version, kind: 'proposed', comment: body.comment, detail: JSON.stringify(body.edits), createdBy: actor.userId, createdAt: at });
    await recordAudit(ctx, tx, { actor, action: 'quota_plan.proposed', entity: 'quota_plan', entityId: plan.id, before: { version: plan.version }, after: { edits: body.edits, comment: body.comment } });
  });
  return getTeamQuotaPlan(ctx, actor, id);
}

/** A manager signs off her team's numbers in the version in review, with a comment. */
export async function signOffQuotaPlan(ctx: AppContext, actor: Actor, id: string, input: z.input<typeof QuotaSignOffBody>): Promise<QuotaTeamView> {
  requireAbility(actor, 'quota:propose');
  const body = parseInput(QuotaSignOffBody, input);
  await inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const { plan } = await teamPlan(tx, actor, id);
    if (plan.status !== 'in_review') throw new DomainError('conflict', 'only a plan in review is signed off', [{ field: 'id', message: plan.status }]);
    await quotaPlanRepo.addEvent(tx, actor.orgId, plan.id, { version: plan.version, kind: 'signed_off', comment: body.comment, detail: null, createdBy: actor.userId, createdAt: ctx.now() });
    await recordAudit(ctx, tx, { actor, action: 'quota_plan.signed_off', entity: 'quota_plan', entityId: plan.id, before: { version: plan.version }, after: { comment: body.comment } });
  });
  return getTeamQuotaPlan(ctx, actor, id);
}
