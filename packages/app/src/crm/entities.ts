import { DomainError, invalid, type Account, type Activity, type Contact, type Lead, type Opportunity, type Person, type Product, type RecordMeta, type Team } from '@attain/core';
import type { EntityRepo } from '@attain/store';
import type { EntityDefinition, WriteArgs } from './definition.js';
import { deriveOpportunity, writeOpportunityHistory } from './opportunity-rules.js';
import { checkManager, writeReportingLine } from './people-rules.js';
import { syncDealTransactionsAfterWrite } from '../transactions/sync-deal-transactions.js';
import { asRef, repos } from './repos.js';

/*
 * The CRM entities served by the generic use cases. Defaults give a new record the org's
 * currency and the acting person as owner; rules specific to one entity live beside it.
 */

/** Refuses a parent that is the record itself or one of its descendants (walks up from the new parent). */
function noParentCycle<T extends RecordMeta>(repo: EntityRepo<T>, field: keyof T & string) {
  return async ({ tx, actor, next, input }: WriteArgs<T>): Promise<T> => {
    if (!(field in input)) return next;
    let current = next[field] as unknown as string | null;
    for (let depth = 0; current; depth++) {
      if (current === next.id || depth > 1000) throw invalid(field, 'would make the record its own ancestor');
      current = ((await repo.get(tx, actor.orgId, current)) as Record<string, unknown> | undefined)?.[field] as string | null;
    }
    return next;
  };
}

/** A converted lead is history: what it became (account, contact, deal) is what changes now. */
async function keepConvertedLeads({ before, next, input }: WriteArgs<Lead>): Promise<Lead> {
  const onlyArchiving = Object.keys(input).every((k) => k === 'archivedAt');
  if (before?.status === 'converted' && !onlyArchiving) {
    throw new DomainError('conflict', 'A converted lead cannot change: change the account, contact or opportunity it became.');
  }
  return next;
}

const ownerDefault = (personId: string | null) => ({ ownerId: personId });
const people = asRef(repos.person);

export const accounts: EntityDefinition<Account> = {
  resource: 'account',
  repo: repos.account,
  idPrefix: 'acc',
  owned: true,
  references: { ownerId: people, parentId: asRef(repos.account) },
  derive: noParentCycle(repos.account, 'parentId'),
  defaults: ({ actor, org }) => ({
    ...ownerDefault(actor.personId), currency: org.defaultCurrency, industry: null, employees: null, annualRevenueMinor: null,
    website: null, street: null, city: null, region: null, postalCode: null, country: null, latitude: null, longitude: null,
    segment: null, potentialMinor: null, parentId: null,
  }),
};

export const contacts: EntityDefinition<Contact> = {
  resource: 'contact',
  repo: repos.contact,
  idPrefix: 'con',
  owned: true,
  references: { ownerId: people, accountId: asRef(repos.account) },
  defaults: ({ actor }) => ({ ...ownerDefault(actor.personId), accountId: null, firstName: null, email: null, phone: null, title: null }),
};

export const leads: EntityDefinition<Lead> = {
  resource: 'lead',
  repo: repos.lead,
  idPrefix: 'led',
  owned: true,
  references: { ownerId: people },
  readOnly: ['convertedAt', 'convertedAccountId', 'convertedContactId', 'convertedOpportunityId'],
  derive: keepConvertedLeads,
  defaults: ({ actor }) => ({
    ...ownerDefault(actor.personId), firstName: null, email: null, phone: null, title: null, industry: null, source: null,
    status: 'open', convertedAt: null, convertedAccountId: null, convertedContactId: null, convertedOpportunityId: null,
  }),
};

export const opportunities: EntityDefinition<Opportunity> = {
  resource: 'opportunity',
  repo: repos.opportunity,
  idPrefix: 'opp',
  owned: true,
  references: { ownerId: people, accountId: asRef(repos.account) },
  readOnly: ['territoryId', 'isClosed', 'isWon', 'closedAt'],
  defaults: ({ actor, org }) => ({
    ...ownerDefault(actor.personId), currency: org.defaultCurrency, accountId: null, pipelineId: '', stageId: '', type: 'new',
    nextStep: null, lostReason: null, contractTermMonths: null, territoryId: null,
  }),
  derive: deriveOpportunity,
  afterWrite: async (args) => { await writeOpportunityHistory(args); await syncDealTransactionsAfterWrite(args); },
};

export const activities: EntityDefinition<Activity> = {
  resource: 'activity',
  repo: repos.activity,
  idPrefix: 'act',
  owned: true,
  references: {
    ownerId: people, accountId: asRef(repos.account), contactId: asRef(repos.contact),
    opportunityId: asRef(repos.opportunity), leadId: asRef(repos.lead),
  },
  defaults: ({ actor }) => ({
    ...ownerDefault(actor.personId), accountId: null, contactId: null, opportunityId: null, leadId: null, dueDate: null, doneAt: null, notes: null,
  }),
};

export const persons: EntityDefinition<Person> = {
  resource: 'person',
  repo: repos.person,
  idPrefix: 'per',
  owned: false,
  references: { managerId: people, teamId: asRef(repos.team) },
  defaults: () => ({ email: null, title: null, hireDate: null, terminationDate: null, teamId: null, managerId: null }),
  derive: checkManager,
  afterWrite: writeReportingLine,
};

export const teams: EntityDefinition<Team> = {
  resource: 'team',
  repo: repos.team,
  idPrefix: 'tea',
  owned: false,
  references: { leaderId: people, parentTeamId: asRef(repos.team) },
  derive: noParentCycle(repos.team, 'parentTeamId'),
  defaults: () => ({ leaderId: null, parentTeamId: null }),
};

export const products: EntityDefinition<Product> = {
  resource: 'product',
  repo: repos.product,
  idPrefix: 'prd',
  owned: false,
  references: {},
  defaults: ({ org }) => ({ currency: org.defaultCurrency, sku: null, family: null, active: true }),
};
