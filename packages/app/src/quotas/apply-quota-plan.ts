import { canonicalJson, DomainError, quotaPieces, rampRemaining, type Actor, type FiscalPeriod, type QuotaPlanDocument, type QuotaPlanLine, type QuotaPlanMeasure } from '@attain/core';
import { compPlanRepo, planAssignmentRepo, type PlanAssignment, type StoredQuotaPhasing, type Tx } from '@attain/store';
import { auditOfAssignment } from '../assignments/assign-plan.js';
import { dayBefore } from '../assignments/assignment-rules.js';
import { writeAssignmentChange } from '../assignments/change-assignment.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { repos } from '../crm/repos.js';

/*
 * An approved quota plan flows into the plan assignments, from the year's first day (or a
 * seller's start, or today when the year has begun: changes are prospective only; a line changed
 * inside the year keeps the quota before the change until the day before it):
 * - an assignment in force on that day is changed from it (ended the day before, a new row after);
 * - one that starts on that day or later in the year is replaced (ended before it began, so it
 *   never counts, and a copy with the new quota takes its dates);
 * - with none, her last quota-carrying assignment rolls forward: the same plan's published
 *   version in force on the day, to the year's end, her target incentive and base salary kept.
 * Each write is audited; nothing is deleted. An assignment that carries the line's quota, ramp
 * and seasonality already is left alone, so approving again writes only what changed. A plan of
 * another measure than bookings (new logos) writes the assignment's quota of that measure; since
 * an assignment phases all its quotas alike, it is skipped, saying why, where it would re-phase
 * the money quota.
 */

export interface AppliedQuota {
  readonly personId: string;
  readonly name: string;
  readonly assignmentId: string;
  readonly validFrom: string;
  /** Before the year's end when the plan version ends sooner: the rest of the year has no quota until a later version is assigned. */
  readonly validTo: string | null;
  readonly annualMinor: string;
  readonly how: 'changed' | 'replaced' | 'rolled-forward';
}

export interface SkippedQuota {
  readonly key: string;
  readonly name: string;
  readonly reason: string;
}

export interface ApplyQuotaPlanInput {
  /** Bookings go into the assignment's money quota, another measure into its quota of that measure. */
  readonly measure: QuotaPlanMeasure;
  readonly doc: QuotaPlanDocument;
  readonly year: FiscalPeriod;
  readonly phasing: StoredQuotaPhasing | null;
  readonly today: string;
  /** Why, on every assignment written ("quota plan FY2028 v3"). */
  readonly reason: string;
}

/** Where a measure's annual quota lives on an assignment: the money quota, or its quota of that measure. */
const quotaOf = (a: PlanAssignment, measure: QuotaPlanMeasure): bigint | null => (measure === 'bookings' ? a.annualQuotaMinor : (a.measureQuotas?.[measure] ?? null));
const withQuota = (a: PlanAssignment, measure: QuotaPlanMeasure, annual: bigint): Pick<PlanAssignment, 'annualQuotaMinor' | 'measureQuotas'> =>
  (measure === 'bookings' ? { annualQuotaMinor: annual } : { annualQuotaMinor: a.annualQuotaMinor, measureQuotas: { ...a.measureQuotas, [measure]: annual } });
const samePhasing = (a: Pick<PlanAssignment, 'ramp' | 'quotaPhasing'>, b: Pick<PlanAssignment, 'ramp' | 'quotaPhasing'>): boolean =>
  canonicalJson(a.ramp) === canonicalJson(b.ramp) && canonicalJson(a.quotaPhasing) === canonicalJson(b.quotaPhasing);

/** The published version of a plan in force on a day (the latest such), if any. */
async function versionOn(tx: Tx, orgId: string, planId: string, day: string) {
  const versions = await compPlanRepo.listVersions(tx, orgId, planId);
  return versions.filter((v) => v.status === 'published' && v.effectiveFrom <= day && (v.effectiveTo === null || v.effectiveTo >= day)).sort((a, b) => b.version - a.version)[0];
}

export async function applyQuotaPlan(ctx: AppContext, tx: Tx, actor: Actor, input: ApplyQuotaPlanInput): Promise<{ applied: AppliedQuota[]; skipped: SkippedQuota[] }> {
  const applied: AppliedQuota[] = [];
  const skipped: SkippedQuota[] = [];
  const { doc, year } = input;
  for (const line of [...doc.lines].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const skip = (reason: string) => skipped.push({ key: line.key, name: line.name, reason });
    if (line.personId === null) {
      skip('to be hired: her quota goes into her plan assignment once she is hired and assigned a plan');
      continue;
    }
    const from = [year.start, input.today, ...(line.startDate ? [line.startDate] : [])].reduce((a, b) => (b > a ? b : a));
    if (from > year.end) {
      skip(`the year ended on ${year.end}: quotas change from today on only`);
      continue;
    }
    // Changes inside the year still to come: each quota from its day (the assignments then hold the blend).
    const segments = quotaPieces(line, from, year.end);
    try {
      for (const segment of segments) {
        const outcome = await setQuotaFrom(ctx, tx, actor, input, line, segment.from, segment.annualMinor);
        if (typeof outcome === 'string') {
          skip(outcome);
          break;
        }
        if (outcome) applied.push(outcome);
      }
    } catch (error) {
      // Any other refusal stops the whole approval (nothing is written), naming whose quota it was.
      if (error instanceof DomainError) throw new DomainError(error.code, `${line.name}: ${error.message}`, error.issues);
      throw error;
    }
  }
  return { applied, skipped };
}

/**
 * Sets her annual quota from a day: what was written, null when her assignment carries it
 * already, or why it could not be written.
 */
async function setQuotaFrom(ctx: AppContext, tx: Tx, actor: Actor, input: ApplyQuotaPlanInput, line: QuotaPlanLine, from: string, annualMinor: bigint): Promise<AppliedQuota | string | null> {
  const { doc, year } = input;
  const personId = line.personId as string;
  const person = await repos.person.get(tx, actor.orgId, personId);
  if (!person || person.archivedAt !== null || (person.terminationDate !== null && person.terminationDate < from)) {
    return person?.terminationDate ? `left on ${person.terminationDate}` : 'is no longer a person of the organisation';
  }
  const rows = (await planAssignmentRepo.list(tx, actor.orgId, { personIds: [personId] })).filter((r) => quotaOf(r, input.measure) !== null);
  const open = rows.filter((r) => r.endedAt === null);
  const inForce = open.find((r) => r.validFrom <= from && (r.validTo === null || r.validTo >= from));
  const later = open.filter((r) => r.validFrom > from && r.validFrom <= year.end).sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))[0];
  const phasing = (day: string) => ({ ramp: rampRemaining(doc.ramps[line.role], line.startDate, day), quotaPhasing: input.phasing });
  const values = (base: PlanAssignment, day: string) => ({ ...withQuota(base, input.measure, annualMinor), ...phasing(day), reason: input.reason });
  const current = inForce ?? later;
  const day = current && current.validFrom < from ? from : (current?.validFrom ?? from);
  // An assignment phases all its quotas alike: another measure's plan may not re-phase the money quota a bookings plan set.
  if (current && input.measure !== 'bookings' && current.annualQuotaMinor !== null && !samePhasing(current, phasing(day))) {
    return 'her assignment phases its quotas by the bookings plan\'s seasonality and ramp: give this plan the same ones, then approve again';
  }
  if (current && quotaOf(current, input.measure) === annualMinor && samePhasing(current, phasing(day))) return null;
  const done = (a: PlanAssignment, how: AppliedQuota['how']): AppliedQuota =>
    ({ personId, name: line.name, assignmentId: a.id, validFrom: a.validFrom, validTo: a.validTo, annualMinor: String(annualMinor), how });
  if (inForce && inForce.validFrom < from) return done((await writeAssignmentChange(ctx, tx, actor, inForce, { effectiveFrom: from, ...values(inForce, from) })).created, 'changed');
  if (current) return done(await replace(ctx, tx, actor, current, values(current, current.validFrom)), 'replaced');
  const last = rows.filter((r) => (r.validTo ?? '9999-12-31') < from).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  if (!last) return input.measure === 'bookings' ? 'has no plan assignment with a quota: assign her a plan first' : `has no plan assignment with a ${input.measure} quota: assign her a plan that measures it first`;
  const version = await versionOn(tx, actor.orgId, last.planId, from);
  if (!version) {
    const plan = await compPlanRepo.find(tx, actor.orgId, last.planId);
    return `plan ${plan?.key ?? last.planId} has no published version in force on ${from}: publish next year's version, then approve again`;
  }
  const to = version.effectiveTo !== null && version.effectiveTo < year.end ? version.effectiveTo : year.end;
  const created: PlanAssignment = {
    ...last, ...values(last, from), id: ctx.newId('pas'), planVersion: version.version, validFrom: from, validTo: to,
    createdBy: actor.userId, createdAt: ctx.now(), endedBy: null, endedAt: null,
  };
  await planAssignmentRepo.insert(tx, created);
  await recordAudit(ctx, tx, { actor, action: 'plan_assignment.create', entity: 'plan_assignment', entityId: created.id, before: null, after: auditOfAssignment(created) });
  return done(created, 'rolled-forward');
}

/**
 * An assignment that has not begun by the quota's day is replaced: ended the day before it began
 * (so it never counts) and a copy with the new values takes its dates.
 */
async function replace(ctx: AppContext, tx: Tx, actor: Actor, current: PlanAssignment, values: Pick<PlanAssignment, 'annualQuotaMinor' | 'measureQuotas' | 'ramp' | 'quotaPhasing' | 'reason'>): Promise<PlanAssignment> {
  const at = ctx.now();
  const ended: PlanAssignment = { ...current, validTo: dayBefore(current.validFrom), endedBy: actor.userId, endedAt: at };
  if (!(await planAssignmentRepo.end(tx, actor.orgId, current.id, { validTo: ended.validTo as string, endedBy: actor.userId, endedAt: at }))) {
    throw new DomainError('conflict', 'an assignment was changed at the same time by someone else: reload and approve again');
  }
  await recordAudit(ctx, tx, { actor, action: 'plan_assignment.end', entity: 'plan_assignment', entityId: current.id, before: auditOfAssignment(current), after: auditOfAssignment(ended) });
  const created: PlanAssignment = { ...current, ...values, id: ctx.newId('pas'), createdBy: actor.userId, createdAt: at, endedBy: null, endedAt: null };
  await planAssignmentRepo.insert(tx, created);
  await recordAudit(ctx, tx, { actor, action: 'plan_assignment.change', entity: 'plan_assignment', entityId: created.id, before: auditOfAssignment(ended), after: auditOfAssignment(created) });
  return created;
}
