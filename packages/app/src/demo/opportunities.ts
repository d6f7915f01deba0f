import {
  changedTrackedFields,
  divideRounded,
  stageDerivedFields,
  type ForecastCategory,
  type LineItem,
  type Opportunity,
  type OpportunityHistoryEntry,
  type OpportunityType,
  type Stage,
} from '@attain/core';
import { LOST_REASONS, NEXT_STEPS } from './catalog.js';
import { lineItemRecords, sumOfDrafts, type LineItemDraft, type Segment } from './deal-products.js';
import type { DemoIds } from './demo-context.js';
import type { Rng } from './prng.js';
import { dateOf, instantOfMinute, MINUTES_PER_DAY, type FiscalCalendar } from './timeline.js';

/** The default pipeline's stages: open ones in order, the won and the lost stage. */
export interface StageSet {
  readonly open: readonly Stage[];
  readonly won: Stage;
  readonly lost: Stage;
  /** Index (in `open`) of the first best-case stage, where proposals go out. */
  readonly proposal: number;
}

export function stageSetOf(stages: readonly Stage[]): StageSet {
  const sorted = [...stages].sort((a, b) => a.sortOrder - b.sortOrder);
  const open = sorted.filter((s) => !s.isClosed);
  const won = sorted.find((s) => s.isClosed && s.isWon);
  const lost = sorted.find((s) => s.isClosed && !s.isWon);
  if (open.length === 0 || !won || !lost) throw new Error('the pipeline needs open, won and lost stages');
  const bestCase = open.findIndex((s) => s.forecastCategory === 'best_case');
  return { open, won, lost, proposal: bestCase >= 0 ? bestCase : Math.floor(open.length * 0.6) };
}

/** Who owned a territory when: the owner of its records on each day. */
export interface OwnerTimeline {
  ownerAt(day: number): string;
  /** Days in (from, to] on which the owner changes. */
  changes(from: number, to: number): readonly number[];
}

export interface OpportunityPlan {
  readonly id: string;
  readonly orgId: string;
  readonly name: string;
  readonly accountId: string;
  readonly pipelineId: string;
  readonly currency: string;
  readonly type: OpportunityType;
  readonly segment: Segment;
  /** The first estimate of the amount (minor units). */
  readonly amountMinor: bigint;
  readonly createdDay: number;
  readonly winProbability: number;
  /** Prices line items for a target amount; null for a deal without products. */
  readonly priceItems: ((target: bigint) => LineItemDraft[]) | null;
}

export interface SimulationContext {
  readonly stages: StageSet;
  readonly calendar: FiscalCalendar;
  /** The "today" of the data: only changes before this day happen. */
  readonly asOfDay: number;
  readonly owner: OwnerTimeline;
  readonly ids: DemoIds;
  /** The user who makes a person's changes, if the person has a login. */
  actorOf(personId: string | null): string | null;
}

export interface SimulatedOpportunity {
  readonly opportunity: Opportunity;
  readonly history: OpportunityHistoryEntry[];
  readonly lineItems: LineItem[];
  /** The creation day and the day of each stage move: when the deal was worked on. */
  readonly touchDays: number[];
  readonly closedDay: number | null;
}

/** One change in a deal's life; `rank` orders the changes of one day. */
interface Step {
  day: number;
  rank: number;
  minute: number;
  stage?: Stage;
  closeDay?: number;
  amount?: bigint;
  /** A discount off the current amount, in basis points kept (8500 = 15% off). */
  keepBps?: number;
  items?: LineItemDraft[];
  category?: ForecastCategory;
  ownerId?: string;
}

const CYCLES: Readonly<Record<Segment | 'expansion' | 'renewal', readonly [number, number]>> = {
  SMB: [30, 75], 'Mid-Market': [60, 120], Enterprise: [90, 180], expansion: [30, 90], renewal: [45, 90],
};

/** An amount scaled by basis points and rounded to whole hundreds of the major unit. */
export const scaleAmount = (amount: bigint, bps: number): bigint => divideRounded(amount * BigInt(bps), 100_000_000n) * 10_000n;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Plays one deal's life forward from its creation: stage moves, close-date pushes (a deal
 * pushed once tends to slip again), amount changes, forecast-category calls, owner changes
 * when its territory changes hands, and the close. Only changes before the as-of day happen;
 * every one goes through the core's stage rules and writes a history row.
 */
export function simulateOpportunity(plan: OpportunityPlan, ctx: SimulationContext, rng: Rng): SimulatedOpportunity {
  const { stages, calendar } = ctx;
  const n = stages.open.length;
  const created = plan.createdDay;
  const start = plan.type === 'renewal' ? stages.proposal : plan.type === 'expansion' ? Math.min(1, n - 1) : 0;
  const [minCycle, maxCycle] = CYCLES[plan.type === 'new' ? plan.segment : plan.type];
  const closes = [Math.max(created + 10, calendar.closeDateNear(created + rng.int(minCycle, maxCycle), rng))];
  const pushDays: number[] = [];
  for (let p = 0.35; closes.length < 5 && rng.chance(p); p = Math.min(0.6, p + 0.1)) {
    const previous = closes[closes.length - 1] as number;
    const at = Math.max(created + 2, (pushDays[pushDays.length - 1] ?? created) + 2, previous + rng.int(-12, 5));
    const next = calendar.closeDateNear(Math.max(previous, at) + rng.int(21, 70), rng);
    if (next <= previous) break;
    pushDays.push(at);
    closes.push(next);
  }
  const won = rng.chance(plan.winProbability);
  const finalClose = closes[closes.length - 1] as number;
  let endDay: number;
  let lastStage: number;
  if (won) {
    lastStage = n - 1;
    endDay = Math.max(finalClose - rng.int(0, 4), (pushDays[pushDays.length - 1] ?? created) + 1, created + 3);
  } else {
    // Most lost deals die early; some go dark after their close date has passed.
    lastStage = start + rng.weightedIndex(Array.from({ length: n - start }, (_, i) => n - start - i));
    endDay = Math.max(created + 3, created + Math.round((finalClose - created) * (0.35 + 0.75 * rng.next())));
    while (pushDays.length > 0 && (pushDays[pushDays.length - 1] as number) >= endDay) {
      pushDays.pop();
      closes.pop();
    }
  }
  // A few deals go stale: nobody pushes them, so they sit open past their close date.
  if (endDay >= ctx.asOfDay && (closes[0] as number) < ctx.asOfDay && rng.chance(0.25)) {
    pushDays.length = 0;
    closes.length = 1;
  }

  const steps: Step[] = [];
  const minute = () => rng.int(13 * 60, 22 * 60 + 59);
  const fractions = Array.from({ length: lastStage - start }, () => 0.1 + 0.8 * rng.next()).sort((a, b) => a - b);
  const stageDays: number[] = [created];
  fractions.forEach((f, i) => {
    const day = created + Math.max(1, Math.round(f * (endDay - created)));
    stageDays.push(day);
    steps.push({ day, rank: 1, minute: minute(), stage: stages.open[start + i + 1] as Stage });
  });
  pushDays.forEach((day, i) => steps.push({ day, rank: 4, minute: minute(), closeDay: closes[i + 1] as number }));
  steps.push({ day: endDay, rank: 5, minute: minute(), stage: won ? stages.won : stages.lost, closeDay: endDay });

  let amount = plan.amountMinor;
  let items: LineItemDraft[] | null = null;
  const proposalDay = lastStage >= stages.proposal ? (stageDays[Math.max(0, stages.proposal - start)] as number) : null;
  if (plan.priceItems && start >= stages.proposal) {
    items = plan.priceItems(amount);
    amount = sumOfDrafts(items);
  } else if (plan.priceItems && proposalDay !== null) {
    const drafts = plan.priceItems(scaleAmount(amount, rng.int(9_000, 11_000)));
    steps.push({ day: proposalDay, rank: 2, minute: minute(), items: drafts, amount: sumOfDrafts(drafts) });
  } else if (proposalDay !== null && rng.chance(0.35)) {
    steps.push({ day: proposalDay + rng.int(0, 3), rank: 2, minute: minute(), amount: floorAmount(scaleAmount(amount, rng.int(7_500, 12_500))) });
  }
  if (won && !plan.priceItems && rng.chance(0.25)) {
    steps.push({ day: Math.max(created + 1, endDay - rng.int(1, 5)), rank: 3, minute: minute(), keepBps: rng.int(8_500, 9_700) });
  }
  const nextStageDay = (k: number): number => (stageDays[k - start + 1] as number | undefined) ?? endDay;
  if (proposalDay !== null && stages.proposal < n - 1 && rng.chance(0.3)) {
    const day = proposalDay + rng.int(1, 10);
    if (day < nextStageDay(stages.proposal)) steps.push({ day, rank: 3, minute: minute(), category: 'commit' });
  }
  if (lastStage === n - 1 && n - 1 >= start && rng.chance(0.08)) {
    const day = (stageDays[n - 1 - start] as number) + rng.int(1, 7);
    if (day < endDay) steps.push({ day, rank: 3, minute: minute(), category: 'best_case' });
  }
  for (const day of ctx.owner.changes(created, Math.min(endDay, ctx.asOfDay - 1))) {
    steps.push({ day, rank: 0, minute: 16 * 60 + rng.int(0, 59), ownerId: ctx.owner.ownerAt(day) });
  }
  return play(plan, ctx, rng, { start, amount, items, steps, initialClose: closes[0] as number, minute: minute() });
}

/**
 * A multi-year contract for about a fifth of new and expansion deals (24 months) and a tenth (36),
 * the rest a year: read from the deal's id rather than drawn, so every other demo figure is drawn as before.
 */
function contractTermOf(plan: OpportunityPlan): number | null {
  if (plan.type === 'renewal') return null;
  let h = 0;
  for (let i = 0; i < plan.id.length; i++) h = (h * 31 + plan.id.charCodeAt(i)) >>> 0;
  const bucket = h % 10;
  return bucket < 2 ? 24 : bucket === 2 ? 36 : null;
}

/** Never below 500 in major units. */
const floorAmount = (amount: bigint): bigint => (amount < 50_000n ? 50_000n : amount);

function play(
  plan: OpportunityPlan,
  ctx: SimulationContext,
  rng: Rng,
  life: { start: number; amount: bigint; items: LineItemDraft[] | null; steps: Step[]; initialClose: number; minute: number },
): SimulatedOpportunity {
  const { stages, asOfDay } = ctx;
  const createdMinute = plan.createdDay * MINUTES_PER_DAY + life.minute;
  const createdAt = instantOfMinute(createdMinute);
  const firstStage = stages.open[life.start] as Stage;
  const ownerId = ctx.owner.ownerAt(plan.createdDay);
  let state: Mutable<Opportunity> = {
    id: plan.id, orgId: plan.orgId, externalId: null, createdAt, updatedAt: createdAt, archivedAt: null, version: 1,
    name: plan.name, accountId: plan.accountId, ownerId, pipelineId: plan.pipelineId, stageId: firstStage.id,
    amountMinor: life.amount, currency: plan.currency, closeDate: dateOf(life.initialClose), type: plan.type,
    ...stageDerivedFields({ stage: firstStage, previous: null, requestedCategory: undefined, now: createdAt }),
    nextStep: rng.pick(NEXT_STEPS[Math.min(life.start, NEXT_STEPS.length - 1)] as readonly string[]),
    lostReason: null, contractTermMonths: contractTermOf(plan), territoryId: null,
  };
  const steps = life.steps.sort((a, b) => a.day - b.day || a.rank - b.rank || a.minute - b.minute);
  const history: OpportunityHistoryEntry[] = [];
  const lineItems: LineItem[] = [];
  const record = (s: Mutable<Opportunity>, before: Opportunity | null, actor: string | null) => {
    const changedFields = changedTrackedFields(before, s);
    if (changedFields.length === 0) return false;
    history.push({
      orgId: s.orgId, opportunityId: s.id, seq: history.length + 1, changedAt: s.updatedAt, actorUserId: actor, changedFields,
      stageId: s.stageId, amountMinor: s.amountMinor, currency: s.currency, closeDate: s.closeDate,
      forecastCategory: s.forecastCategory, ownerId: s.ownerId, territoryId: s.territoryId,
    });
    return true;
  };
  record(state, null, ctx.actorOf(ownerId));
  if (life.items) lineItems.push(...lineItemRecords(life.items, plan.orgId, plan.id, createdAt, ctx.ids));
  const touchDays = [plan.createdDay];
  let closedDay: number | null = null;
  let last = createdMinute;
  for (const step of steps) {
    const at = Math.max(step.day * MINUTES_PER_DAY + step.minute, last + 1);
    if (at >= asOfDay * MINUTES_PER_DAY || state.isClosed) break;
    const now = instantOfMinute(at);
    const next: Mutable<Opportunity> = { ...state, updatedAt: now, version: state.version + 1 };
    if (step.closeDay !== undefined) next.closeDate = dateOf(step.closeDay);
    if (step.amount !== undefined) next.amountMinor = step.amount;
    if (step.keepBps !== undefined) next.amountMinor = floorAmount(scaleAmount(state.amountMinor, step.keepBps));
    if (step.ownerId !== undefined) next.ownerId = step.ownerId;
    const stage = step.stage ?? (stages.open.find((s) => s.id === state.stageId) as Stage);
    if (step.stage || step.category) {
      Object.assign(next, stageDerivedFields({ stage, previous: state, requestedCategory: step.category, now }));
      next.stageId = stage.id;
    }
    if (step.stage && !stage.isClosed) next.nextStep = rng.pick(NEXT_STEPS[Math.min(stages.open.indexOf(stage), NEXT_STEPS.length - 1)] as readonly string[]);
    if (stage.isClosed) {
      next.nextStep = null;
      if (!stage.isWon) next.lostReason = rng.weighted(LOST_REASONS[plan.type], (r) => r.weight).reason;
      closedDay = step.day;
    }
    if (!record(next, state, step.ownerId !== undefined ? null : ctx.actorOf(next.ownerId))) continue;
    if (step.items) lineItems.push(...lineItemRecords(step.items, plan.orgId, plan.id, now, ctx.ids));
    if (step.stage && !stage.isClosed) touchDays.push(step.day);
    state = next;
    last = at;
  }
  return { opportunity: state, history, lineItems, touchDays, closedDay };
}
