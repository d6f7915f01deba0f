import type { Activity, ActivityType, Contact } from '@attain/core';
import { ownershipOf } from './accounts.js';
import { ACTIVITY_SUBJECTS, ACTIVITY_WEIGHTS } from './catalog.js';
import type { DemoIds } from './demo-context.js';
import type { OwnerTimeline, SimulatedOpportunity, StageSet } from './opportunities.js';
import type { Rng } from './prng.js';
import { businessMinute, dateOf, instantAt, weekdayNear } from './timeline.js';

const TYPES = Object.keys(ACTIVITY_WEIGHTS) as ActivityType[];
const TYPE_WEIGHTS = TYPES.map((t) => ACTIVITY_WEIGHTS[t]);

export interface ActivityContext {
  readonly rng: Rng;
  readonly ids: DemoIds;
  readonly orgId: string;
  readonly asOfDay: number;
  /** Activity logging rate of the size (0..1). */
  readonly rate: number;
}

function subject(rng: Rng, type: ActivityType, contact: Contact | null, stageName: string): string {
  return rng.pick(ACTIVITY_SUBJECTS[type]).replace('{c}', contact?.firstName ?? 'the buyer').replace('{s}', stageName);
}

/** A logged (done) activity on `day`. */
export function doneActivity(
  ctx: ActivityContext,
  input: { day: number; type: ActivityType; subject: string; ownerId: string; accountId: string | null; contactId: string | null; opportunityId: string | null; leadId: string | null },
): Activity {
  const at = instantAt(input.day, businessMinute(ctx.rng));
  return {
    id: ctx.ids.next('act'), orgId: ctx.orgId, externalId: null, createdAt: at, updatedAt: at, archivedAt: null, version: 1,
    type: input.type, subject: input.subject, accountId: input.accountId, contactId: input.contactId, opportunityId: input.opportunityId,
    leadId: input.leadId, ownerId: input.ownerId, dueDate: dateOf(input.day), doneAt: at, notes: null,
  };
}

/** An open task due on `dueDay`, created some days before it (never on or after the as-of day). */
export function openTask(
  ctx: ActivityContext,
  owner: OwnerTimeline,
  input: { earliestDay: number; dueDay: number; subject: string; accountId: string | null; contactId: string | null; opportunityId: string | null; leadId: string | null },
): Activity {
  const createdDay = Math.max(input.earliestDay, Math.min(input.dueDay, ctx.asOfDay - 1) - ctx.rng.int(1, 10));
  const createdAt = instantAt(Math.min(createdDay, ctx.asOfDay - 1), businessMinute(ctx.rng));
  const own = ownershipOf(owner, createdDay, createdAt, ctx.asOfDay);
  return {
    id: ctx.ids.next('act'), orgId: ctx.orgId, externalId: null, createdAt, updatedAt: own.updatedAt, archivedAt: null, version: own.version,
    type: 'task', subject: input.subject, accountId: input.accountId, contactId: input.contactId, opportunityId: input.opportunityId,
    leadId: input.leadId, ownerId: own.ownerId, dueDate: dateOf(input.dueDay), doneAt: null, notes: null,
  };
}

/**
 * The activities of one deal: calls, e-mails and meetings logged around the days it moved
 * (by whoever owned it then), and for a deal still open, the next step as an open task (due
 * within three weeks, or up to two weeks overdue).
 */
export function dealActivities(
  ctx: ActivityContext,
  deal: SimulatedOpportunity,
  stages: StageSet,
  owner: OwnerTimeline,
  contacts: readonly { contact: Contact; day: number }[],
): Activity[] {
  const { rng } = ctx;
  const opp = deal.opportunity;
  const out: Activity[] = [];
  const lastDay = Math.min(deal.closedDay ?? ctx.asOfDay - 1, ctx.asOfDay - 1);
  const contactOn = (day: number): Contact | null => {
    const known = contacts.filter((c) => c.day <= day);
    return known.length > 0 ? rng.pick(known).contact : null;
  };
  deal.touchDays.forEach((touch, i) => {
    const stageName = (stages.open[Math.min(i, stages.open.length - 1)] as { name: string }).name;
    const logged = rng.chance(ctx.rate) ? 1 + (rng.chance(ctx.rate * 0.5) ? 1 : 0) : 0;
    for (let k = 0; k < logged; k++) {
      const day = Math.min(weekdayNear(touch + rng.int(0, 3)), lastDay);
      const type = TYPES[rng.weightedIndex(TYPE_WEIGHTS)] as ActivityType;
      const contact = contactOn(day);
      out.push(doneActivity(ctx, {
        day, type, subject: subject(rng, type, contact, stageName), ownerId: owner.ownerAt(day),
        accountId: opp.accountId, contactId: contact?.id ?? null, opportunityId: opp.id, leadId: null,
      }));
    }
  });
  if (!opp.isClosed) {
    const contact = contactOn(ctx.asOfDay - 1);
    out.push(openTask(ctx, owner, {
      earliestDay: deal.touchDays[0] as number, dueDay: ctx.asOfDay + rng.int(-14, 21), subject: opp.nextStep ?? 'Follow up',
      accountId: opp.accountId, contactId: contact?.id ?? null, opportunityId: opp.id, leadId: null,
    }));
  }
  return out;
}
