import { DomainError, invalid, ownerInScope, parseFiscalPeriod, readScope, type Actor, type DateRange } from '@attain/core';
import type { PlanAssignmentDetail, PlanAssignmentItem, PlanAssignmentListQuery } from '@attain/contract';
import { planAssignmentRepo, type PlanAssignment } from '@attain/store';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { orgCurrency, publishedVersion } from './assignment-rules.js';
import { assignmentTerms } from './assignment-terms.js';
import { presentAssignments, presentTerms } from './assignment.presenter.js';

/*
 * Reading assignments. Rows are scoped before they are loaded: finance, sales ops and admins
 * read the organisation's; a manager her team's on the day (actor.teamPersonIds); a rep her
 * own. One outside that reach answers not_found, like another organisation's.
 */

/** The people whose rows the actor may load, narrowed to `personId` when asked; null = all. */
function personScope(actor: Actor, personId: string | undefined): readonly string[] | null {
  const scope = readScope(actor);
  if (scope.kind === 'all') return personId === undefined ? null : [personId];
  return personId === undefined ? scope.ownerIds : scope.ownerIds.filter((id) => id === personId);
}

export async function listAssignments(ctx: AppContext, actor: Actor, query: PlanAssignmentListQuery = {}): Promise<PlanAssignmentItem[]> {
  requireAbility(actor, 'plan_assignment:read');
  const db = ctx.database.db;
  const rows = await planAssignmentRepo.list(db, actor.orgId, {
    personIds: personScope(actor, query.personId),
    ...(query.planId === undefined ? {} : { planId: query.planId }),
    ...(query.asOf === undefined ? {} : { asOf: query.asOf }),
  });
  const { currency } = await orgCurrency(db, actor.orgId);
  return presentAssignments(db, actor, currency, rows);
}

/** The assignment, if the actor may see it; not_found otherwise (no existence leak). */
export async function findVisibleAssignment(ctx: AppContext, actor: Actor, id: string): Promise<PlanAssignment> {
  const found = await planAssignmentRepo.find(ctx.database.db, actor.orgId, id);
  if (!found || !ownerInScope(actor, found.personId)) throw new DomainError('not_found', 'assignment not found');
  return found;
}

/** "2026-Q1", "FY2026", "2026-M03" (fiscal, by the organisation's year) or "2026-01-01..2026-03-31". */
export function parseTermsPeriod(text: string, fiscalYearStartMonth: number): DateRange {
  const trimmed = text.trim();
  if (trimmed.includes('..')) {
    const [from = '', to = ''] = trimmed.split('..');
    return { from: from.trim(), to: to.trim() };
  }
  try {
    const p = parseFiscalPeriod(trimmed, fiscalYearStartMonth);
    return { from: p.start, to: p.end };
  } catch (error) {
    throw invalid('period', (error as Error).message.replace('not a fiscal period', 'not a period') + ', or a range from..to');
  }
}

/** One assignment; with `period`, its terms for that period (see assignmentTerms). */
export async function getAssignment(ctx: AppContext, actor: Actor, id: string, options: { period?: string } = {}): Promise<PlanAssignmentDetail> {
  requireAbility(actor, 'plan_assignment:read');
  const db = ctx.database.db;
  const found = await findVisibleAssignment(ctx, actor, id);
  const org = await orgCurrency(db, actor.orgId);
  const [item] = await presentAssignments(db, actor, org.currency, [found]);
  if (!item) throw new DomainError('not_found', 'assignment not found');
  if (options.period === undefined) return { ...item, terms: null };
  const period = parseTermsPeriod(options.period, org.fiscalYearStartMonth);
  const { parsed } = await publishedVersion(db, actor.orgId, found.planId, found.planVersion);
  const terms = assignmentTerms({
    assignment: found,
    plan: { yearStartMonth: parsed.yearStartMonth, proration: parsed.proration, ...(parsed.quotaPhasing ? { quotaPhasing: parsed.quotaPhasing } : {}) },
    period, currency: org.currency,
  });
  return { ...item, terms: presentTerms(terms) };
}
