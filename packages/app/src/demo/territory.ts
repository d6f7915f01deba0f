import type { Account, Activity, Contact, Lead, LineItem, Opportunity, OpportunityHistoryEntry, OpportunityType, Product } from '@attain/core';
import { accountRecord, contactRecord, ownershipOf, profileAccount, type AccountProfile } from './accounts.js';
import { dealActivities, doneActivity, type ActivityContext } from './activities.js';
import { shortCompanyName, type CompanyNames } from './companies.js';
import { priceDeal, type Segment } from './deal-products.js';
import type { DemoIds } from './demo-context.js';
import { convertedLead, looseLeads } from './leads.js';
import { scaleAmount, simulateOpportunity, type OpportunityPlan, type SimulationContext, type StageSet } from './opportunities.js';
import type { PositionOwners } from './owners.js';
import type { Place } from './places.js';
import type { Rng } from './prng.js';
import type { SizeConfig } from './sizes.js';
import { growingDay, instantAt, weekdayNear, type FiscalCalendar } from './timeline.js';

/** Records generated and not yet written. */
export interface RecordBatch {
  accounts: Account[];
  contacts: Contact[];
  leads: Lead[];
  opportunities: Opportunity[];
  lineItems: LineItem[];
  history: OpportunityHistoryEntry[];
  activities: Activity[];
}

export const emptyBatch = (): RecordBatch => ({ accounts: [], contacts: [], leads: [], opportunities: [], lineItems: [], history: [], activities: [] });

export const batchRows = (b: RecordBatch): number =>
  b.accounts.length + b.contacts.length + b.leads.length + b.opportunities.length + b.lineItems.length + b.history.length + b.activities.length;

export interface TerritoryContext {
  readonly orgId: string;
  readonly currency: string;
  readonly pipelineId: string;
  readonly stages: StageSet;
  readonly calendar: FiscalCalendar;
  readonly asOfDay: number;
  readonly windowStartDay: number;
  readonly setupDay: number;
  readonly config: SizeConfig;
  readonly ids: DemoIds;
  readonly names: CompanyNames;
  readonly products: readonly Product[];
  /** Mean count of new and expansion deals per account, before the segment factor. */
  readonly dealsPerAccount: number;
  actorOf(personId: string | null): string | null;
}

/** One seat's book of business: its accounts' places, its owners over time, its SDRs. */
export interface Territory {
  readonly kind: 'ae' | 'am';
  readonly places: readonly Place[];
  readonly owner: PositionOwners;
  readonly sdrs: readonly PositionOwners[];
  readonly rng: Rng;
}

const DEALS_FACTOR: Readonly<Record<Segment, number>> = { SMB: 0.7, 'Mid-Market': 1.1, Enterprise: 1.8 };
const NEW_WIN: Readonly<Record<Segment, number>> = { SMB: 0.2, 'Mid-Market': 0.16, Enterprise: 0.12 };
const LAND_BPS: Readonly<Record<Segment, readonly [number, number]>> = { SMB: [1500, 3500], 'Mid-Market': [1000, 2500], Enterprise: [300, 1000] };
const MIN_DEAL = 100_000n;
const CONTRACT_YEARS: readonly number[] = [1, 1, 2, 3];

interface PlannedDeal {
  readonly day: number;
  readonly renewal: boolean;
}

/** Generates every record of one territory into `out`. */
export function generateTerritory(ctx: TerritoryContext, t: Territory, out: RecordBatch): void {
  const enterprises: AccountProfile[] = [];
  t.places.forEach((place, i) => {
    const rng = t.rng.fork(i);
    const parent = enterprises.length > 0 && rng.chance(0.04) ? rng.pick(enterprises) : null;
    const profile = profileAccount(rng, ctx.ids, ctx.names, place, parent);
    if (profile.segment === 'Enterprise' && !parent) enterprises.push(profile);
    generateAccount(ctx, t, rng, profile, out);
  });
  if (t.kind === 'ae' && t.sdrs.length > 0 && t.places.length > 0) {
    const actx: ActivityContext = { rng: t.rng.fork('leads'), ids: ctx.ids, orgId: ctx.orgId, asOfDay: ctx.asOfDay, rate: ctx.config.activityRate };
    const loose = looseLeads(actx, {
      sdr: actx.rng.pick(t.sdrs), count: actx.rng.poisson(ctx.config.leadsPerTerritory), windowStartDay: ctx.windowStartDay, names: ctx.names, places: t.places,
    });
    out.leads.push(...loose.leads);
    out.activities.push(...loose.activities);
  }
}

function generateAccount(ctx: TerritoryContext, t: Territory, rng: Rng, profile: AccountProfile, out: RecordBatch): void {
  const { asOfDay, windowStartDay: w0 } = ctx;
  const customerAtStart = t.kind === 'am' || rng.chance(0.1);
  const deals: PlannedDeal[] = [];
  const count = rng.poisson(ctx.dealsPerAccount * DEALS_FACTOR[profile.segment]);
  for (let k = 0; k < count; k++) deals.push({ day: Math.min(asOfDay - 1, weekdayNear(growingDay(rng, w0, asOfDay - 1, 0.5))), renewal: false });
  const [landMin, landMax] = LAND_BPS[profile.segment];
  let arr = customerAtStart ? atLeastMinDeal(scaleAmount(profile.potentialMinor, rng.int(landMin * 3, landMax * 3) >> 1)) : 0n;
  // Contracts run one, two or three years; a renewal deal opens 90 days before one ends.
  const term = 365 * rng.pick(CONTRACT_YEARS);
  if (customerAtStart) {
    for (let renewal = w0 + rng.int(0, term - 1); renewal - 90 < asOfDay - 1; renewal += term) {
      if (renewal - 90 >= w0) deals.push({ day: Math.max(w0, renewal - 90 - rng.int(0, 14)), renewal: true });
    }
  }
  deals.sort((a, b) => a.day - b.day);
  const imported = customerAtStart || rng.chance(0.5) || deals.length === 0;
  const createdDay = imported ? ctx.setupDay : Math.max(ctx.setupDay + 1, (deals[0] as PlannedDeal).day - rng.int(0, 20));
  const createdAt = imported ? instantAt(ctx.setupDay, 18 * 60) : instantAt(createdDay, 13 * 60 + rng.int(0, 60));
  out.accounts.push(accountRecord(profile, ctx.orgId, ctx.currency, createdAt, ownershipOf(t.owner, createdDay, createdAt, asOfDay)));

  const contacts: { contact: Contact; day: number }[] = [];
  const [minContacts, maxContacts] = ctx.config.contactsPerAccount;
  const contactCount = rng.int(minContacts, maxContacts) + (profile.segment === 'Enterprise' ? 1 : 0);
  for (let k = 0; k < contactCount; k++) {
    const day = Math.min(asOfDay - 1, createdDay + (k === 0 ? 0 : rng.int(0, 60)));
    contacts.push({ contact: contactRecord(rng, ctx.ids, profile, ctx.orgId, day, t.owner, asOfDay), day });
  }
  const actx: ActivityContext = { rng, ids: ctx.ids, orgId: ctx.orgId, asOfDay, rate: ctx.config.activityRate };
  const sim: SimulationContext = { stages: ctx.stages, calendar: ctx.calendar, asOfDay, owner: t.owner, ids: ctx.ids, actorOf: (p) => ctx.actorOf(p) };
  const short = shortCompanyName(profile.name);
  let customerSince = customerAtStart ? Number.NEGATIVE_INFINITY : null;
  for (let k = 0; k < deals.length; k++) {
    const deal = deals[k] as PlannedDeal;
    const day = Math.max(deal.day, createdDay);
    if (deal.renewal && arr === 0n) continue;
    const type: OpportunityType = deal.renewal ? 'renewal' : customerSince !== null && customerSince <= day ? 'expansion' : 'new';
    // Customers buy more seats less often than prospects are pitched.
    if (type === 'expansion' && rng.chance(0.5)) continue;
    const amount = type === 'renewal' ? atLeastMinDeal(scaleAmount(arr, rng.int(10_000, 10_800)))
      : atLeastMinDeal(scaleAmount(profile.potentialMinor, type === 'new' ? rng.int(landMin, landMax) : rng.int(400, 1200)));
    const winBase = type === 'renewal' ? 0.78 : type === 'expansion' ? 0.35 : NEW_WIN[profile.segment];
    const plan: OpportunityPlan = {
      id: ctx.ids.next('opp'), orgId: ctx.orgId, name: `${short} - ${dealName(rng, type, ctx.calendar.fiscalYear(day + 120))}`,
      accountId: profile.id, pipelineId: ctx.pipelineId, currency: ctx.currency, type, segment: profile.segment, amountMinor: amount,
      createdDay: day, winProbability: winBase * t.owner.winFactor(day),
      priceItems: type !== 'renewal' && rng.chance(0.4) ? (target) => priceDeal(rng, ctx.products, profile.segment, target) : null,
    };
    const result = simulateOpportunity(plan, sim, rng);
    const opp = result.opportunity;
    out.opportunities.push(opp);
    out.history.push(...result.history);
    out.lineItems.push(...result.lineItems);
    out.activities.push(...dealActivities(actx, result, ctx.stages, t.owner, contacts));
    if (result.closedDay !== null && opp.isWon) {
      if (type === 'renewal') arr = opp.amountMinor;
      else arr += opp.amountMinor;
      if (type === 'new') {
        customerSince = result.closedDay;
        const renewalDay = result.closedDay + term - 90 - rng.int(0, 14);
        if (renewalDay < asOfDay - 1) insertDeal(deals, k + 1, { day: renewalDay, renewal: true });
      }
    } else if (result.closedDay !== null && type === 'renewal') {
      arr = 0n;
      customerSince = null;
    }
    if (type === 'new' && t.sdrs.length > 0 && rng.chance(0.25)) {
      const contact = contactRecord(rng, ctx.ids, profile, ctx.orgId, day, t.owner, asOfDay);
      const withTime = { ...contact, createdAt: opp.createdAt, updatedAt: contact.version === 1 ? opp.createdAt : contact.updatedAt };
      contacts.push({ contact: withTime, day });
      const lead = convertedLead(actx, {
        sdr: rng.pick(t.sdrs), contact: withTime, opportunity: opp, company: profile.name, industry: profile.industry.name,
        leadDay: Math.max(ctx.setupDay + 1, day - rng.int(3, 30)), convertedDay: day,
      });
      out.leads.push(lead.lead);
      out.activities.push(...lead.activities);
    }
  }
  out.contacts.push(...contacts.map((c) => c.contact));
  if (arr > 0n && rng.chance(ctx.config.activityRate * 0.5)) {
    const day = asOfDay - rng.int(1, 90);
    out.activities.push(doneActivity(actx, {
      day, type: 'meeting', subject: 'Quarterly business review', ownerId: t.owner.ownerAt(day), accountId: profile.id,
      contactId: contacts.find((c) => c.day <= day)?.contact.id ?? null, opportunityId: null, leadId: null,
    }));
  }
}

const atLeastMinDeal = (amount: bigint): bigint => (amount < MIN_DEAL ? MIN_DEAL : amount);

function insertDeal(deals: PlannedDeal[], from: number, deal: PlannedDeal): void {
  let i = from;
  while (i < deals.length && (deals[i] as PlannedDeal).day <= deal.day) i++;
  deals.splice(i, 0, deal);
}

function dealName(rng: Rng, type: OpportunityType, fiscalYear: number): string {
  if (type === 'renewal') return `Renewal FY${fiscalYear}`;
  if (type === 'expansion') return rng.pick(['Expansion', 'Seat expansion', 'Analytics add-on', 'New division rollout', 'Upgrade to Enterprise']);
  return rng.pick(['New Business', 'Platform', 'Pilot', 'Initial Rollout', 'Sales Ops Suite']);
}
