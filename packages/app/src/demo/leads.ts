import type { Activity, Contact, Lead, Opportunity } from '@attain/core';
import { doneActivity, openTask, type ActivityContext } from './activities.js';
import { ownershipOf } from './accounts.js';
import { LEAD_SOURCES } from './catalog.js';
import { INDUSTRIES, domainOf, type CompanyNames } from './companies.js';
import { CONTACT_TITLES, emailLocalPart, randomName } from './names.js';
import type { OwnerTimeline } from './opportunities.js';
import type { Place } from './places.js';
import { businessMinute, instantAt } from './timeline.js';

/**
 * A lead an SDR worked and converted into a deal: it keeps links to the account, the contact
 * made from it and the opportunity, as lead conversion does. The SDR logged a call or two
 * before handing it over.
 */
export function convertedLead(
  ctx: ActivityContext,
  input: { sdr: OwnerTimeline; contact: Contact; opportunity: Opportunity; company: string; industry: string; leadDay: number; convertedDay: number },
): { lead: Lead; activities: Activity[] } {
  const { rng } = ctx;
  const owner = input.sdr.ownerAt(input.leadDay);
  const createdAt = instantAt(input.leadDay, businessMinute(rng));
  const c = input.contact;
  const lead: Lead = {
    id: ctx.ids.next('led'), orgId: ctx.orgId, externalId: null, createdAt, updatedAt: input.opportunity.createdAt, archivedAt: null, version: 2,
    firstName: c.firstName, lastName: c.lastName, email: c.email, phone: c.phone, company: input.company, title: c.title,
    industry: input.industry, source: rng.weighted(LEAD_SOURCES, (s) => s.weight).source, status: 'converted', ownerId: owner,
    convertedAt: input.opportunity.createdAt, convertedAccountId: input.opportunity.accountId, convertedContactId: c.id,
    convertedOpportunityId: input.opportunity.id,
  };
  const activities: Activity[] = [];
  const calls = rng.int(1, 2);
  for (let k = 0; k < calls; k++) {
    const day = input.leadDay + Math.floor(((input.convertedDay - input.leadDay) * (k + 1)) / (calls + 1));
    activities.push(doneActivity(ctx, {
      day, type: k === 0 ? 'call' : 'email', subject: k === 0 ? `Qualification call with ${c.firstName ?? 'lead'}` : 'Sent meeting invite',
      ownerId: input.sdr.ownerAt(day), accountId: null, contactId: null, opportunityId: null, leadId: lead.id,
    }));
  }
  return { lead, activities };
}

/**
 * Leads that did not (yet) become deals: open and working ones from the last weeks, and
 * older disqualified ones, each with the SDR's calls.
 */
export function looseLeads(
  ctx: ActivityContext,
  input: { sdr: OwnerTimeline; count: number; windowStartDay: number; names: CompanyNames; places: readonly Place[] },
): { leads: Lead[]; activities: Activity[] } {
  const { rng } = ctx;
  const leads: Lead[] = [];
  const activities: Activity[] = [];
  for (let i = 0; i < input.count; i++) {
    const status = rng.weighted(['open', 'working', 'disqualified'] as const, (s) => (s === 'open' ? 25 : s === 'working' ? 20 : 55));
    const day = status === 'disqualified' ? rng.int(input.windowStartDay, ctx.asOfDay - 30) : rng.int(ctx.asOfDay - 75, ctx.asOfDay - 1);
    const createdAt = instantAt(day, businessMinute(rng));
    const industry = rng.weighted(INDUSTRIES, (x) => x.weight);
    const place = rng.pick(input.places);
    const company = input.names.next(rng, industry, place.name, place.state);
    const name = randomName(rng);
    const doneDay = status === 'disqualified' ? Math.min(day + rng.int(3, 40), ctx.asOfDay - 1) : Math.min(day + rng.int(1, 10), ctx.asOfDay - 1);
    const doneAt = instantAt(doneDay, 22 * 60 + 30);
    // A disqualified lead stays with whoever closed it; open ones follow the SDR seat.
    const own = status === 'disqualified'
      ? { ownerId: input.sdr.ownerAt(day), version: 2, updatedAt: doneAt }
      : ownershipOf(input.sdr, day, createdAt, ctx.asOfDay);
    const working = status === 'working';
    const lead: Lead = {
      id: ctx.ids.next('led'), orgId: ctx.orgId, externalId: null, createdAt,
      updatedAt: working && doneAt > own.updatedAt ? doneAt : own.updatedAt, archivedAt: null,
      version: own.version + (working ? 1 : 0), firstName: name.first, lastName: name.last,
      email: `${emailLocalPart(name)}@${domainOf(company)}`, phone: `+1-${rng.int(201, 989)}-555-01${String(rng.int(0, 99)).padStart(2, '0')}`,
      company, title: rng.weighted(CONTACT_TITLES, (t) => t.weight).title, industry: industry.name,
      source: rng.weighted(LEAD_SOURCES, (s) => s.weight).source, status, ownerId: own.ownerId,
      convertedAt: null, convertedAccountId: null, convertedContactId: null, convertedOpportunityId: null,
    };
    leads.push(lead);
    if (status !== 'open') {
      activities.push(doneActivity(ctx, {
        day: doneDay, type: status === 'working' ? 'call' : 'email', subject: status === 'working' ? `Intro call with ${name.first}` : 'Closing the loop',
        ownerId: input.sdr.ownerAt(doneDay), accountId: null, contactId: null, opportunityId: null, leadId: lead.id,
      }));
    }
    if (status !== 'disqualified') {
      activities.push(openTask(ctx, input.sdr, {
        earliestDay: day, dueDay: ctx.asOfDay + rng.int(-5, 10), subject: `Follow up with ${name.first} ${name.last}`,
        accountId: null, contactId: null, opportunityId: null, leadId: lead.id,
      }));
    }
  }
  return { leads, activities };
}
