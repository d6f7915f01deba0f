import type { Account, Activity, Contact, Lead, Opportunity, Person, Product, Team } from '@attain/core';
import type { EntityDefinition } from './definition.js';
import { deriveOpportunity, writeOpportunityHistory } from './opportunity-rules.js';
import { checkManager, writeReportingLine } from './people-rules.js';
import { asRef, repos } from './repos.js';

/*
 * The CRM entities served by the generic use cases. Defaults give a new record the org's
 * currency and the acting person as owner; rules specific to one entity live beside it.
 */

const ownerDefault = (personId: string | null) => ({ ownerId: personId });
const people = asRef(repos.person);

export const accounts: EntityDefinition<Account> = {
  resource: 'account',
  repo: repos.account,
  idPrefix: 'acc',
  owned: true,
  references: { ownerId: people, parentId: asRef(repos.account) },
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
    nextStep: null, lostReason: null, territoryId: null,
  }),
  derive: deriveOpportunity,
  afterWrite: writeOpportunityHistory,
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
