import type { Account, Activity, Contact, Lead, LineItem, Opportunity, Person, Pipeline, Product, Stage, Team } from '@attain/core';
import type { EntitySpec } from './entity-spec.js';

export const accountSpec: EntitySpec<Account> = {
  name: 'account',
  table: 'accounts',
  fields: {
    name: 'text', industry: 'text', employees: 'int', annualRevenueMinor: 'bigint', currency: 'text', website: 'text',
    street: 'text', city: 'text', region: 'text', postalCode: 'text', country: 'text', latitude: 'real', longitude: 'real',
    segment: 'text', potentialMinor: 'bigint', ownerId: 'text', parentId: 'text',
  },
  search: ['name', 'city', 'region', 'website', 'industry'],
  sortable: ['name', 'industry', 'employees', 'annualRevenueMinor', 'city', 'region', 'segment', 'potentialMinor', 'createdAt', 'updatedAt'],
  filterable: ['ownerId', 'industry', 'segment', 'region', 'country', 'parentId', 'employees', 'potentialMinor', 'externalId'],
  defaultSort: 'name',
};

export const contactSpec: EntitySpec<Contact> = {
  name: 'contact',
  table: 'contacts',
  fields: { accountId: 'text', firstName: 'text', lastName: 'text', email: 'text', phone: 'text', title: 'text', ownerId: 'text' },
  search: ['firstName', 'lastName', 'email', 'title'],
  sortable: ['lastName', 'firstName', 'email', 'createdAt', 'updatedAt'],
  filterable: ['accountId', 'ownerId', 'email', 'externalId'],
  defaultSort: 'lastName',
};

export const leadSpec: EntitySpec<Lead> = {
  name: 'lead',
  table: 'leads',
  fields: {
    firstName: 'text', lastName: 'text', email: 'text', phone: 'text', company: 'text', title: 'text', industry: 'text',
    source: 'text', status: 'text', ownerId: 'text', convertedAt: 'instant', convertedAccountId: 'text',
    convertedContactId: 'text', convertedOpportunityId: 'text',
  },
  search: ['firstName', 'lastName', 'email', 'company'],
  sortable: ['lastName', 'company', 'status', 'source', 'createdAt', 'updatedAt'],
  filterable: ['ownerId', 'status', 'source', 'industry', 'externalId'],
  defaultSort: 'lastName',
};

export const opportunitySpec: EntitySpec<Opportunity> = {
  name: 'opportunity',
  table: 'opportunities',
  fields: {
    name: 'text', accountId: 'text', ownerId: 'text', pipelineId: 'text', stageId: 'text', amountMinor: 'bigint',
    currency: 'text', closeDate: 'date', type: 'text', forecastCategory: 'text', probabilityBps: 'int', nextStep: 'text', contractTermMonths: 'int',
    lostReason: 'text', territoryId: 'text', isClosed: 'bool', isWon: 'bool', closedAt: 'instant',
  },
  search: ['name'],
  sortable: ['name', 'amountMinor', 'closeDate', 'createdAt', 'updatedAt', 'probabilityBps'],
  filterable: ['accountId', 'ownerId', 'pipelineId', 'stageId', 'type', 'forecastCategory', 'isClosed', 'isWon', 'closeDate', 'amountMinor', 'territoryId', 'externalId'],
  defaultSort: 'closeDate',
};

export const activitySpec: EntitySpec<Activity> = {
  name: 'activity',
  table: 'activities',
  fields: {
    type: 'text', subject: 'text', accountId: 'text', contactId: 'text', opportunityId: 'text', leadId: 'text',
    ownerId: 'text', dueDate: 'date', doneAt: 'instant', notes: 'text',
  },
  search: ['subject', 'notes'],
  sortable: ['dueDate', 'doneAt', 'subject', 'type', 'createdAt', 'updatedAt'],
  filterable: ['type', 'accountId', 'contactId', 'opportunityId', 'leadId', 'ownerId', 'dueDate', 'externalId'],
  defaultSort: 'dueDate',
};

export const personSpec: EntitySpec<Person> = {
  name: 'person',
  table: 'people',
  fields: {
    name: 'text', email: 'text', title: 'text', kind: 'text', hireDate: 'date', terminationDate: 'date', teamId: 'text',
    managerId: 'text',
  },
  search: ['name', 'email', 'title'],
  sortable: ['name', 'title', 'kind', 'hireDate', 'createdAt'],
  filterable: ['kind', 'teamId', 'managerId', 'hireDate', 'externalId'],
  defaultSort: 'name',
};

export const teamSpec: EntitySpec<Team> = {
  name: 'team',
  table: 'teams',
  fields: { name: 'text', leaderId: 'text', parentTeamId: 'text' },
  search: ['name'],
  sortable: ['name', 'createdAt'],
  filterable: ['leaderId', 'parentTeamId'],
  defaultSort: 'name',
};

export const productSpec: EntitySpec<Product> = {
  name: 'product',
  table: 'products',
  fields: { name: 'text', sku: 'text', family: 'text', listPriceMinor: 'bigint', currency: 'text', active: 'bool' },
  search: ['name', 'sku', 'family'],
  sortable: ['name', 'sku', 'family', 'listPriceMinor'],
  filterable: ['family', 'active', 'externalId'],
  defaultSort: 'name',
};

export const pipelineSpec: EntitySpec<Pipeline> = {
  name: 'pipeline',
  table: 'pipelines',
  fields: { name: 'text', isDefault: 'bool' },
  search: ['name'],
  sortable: ['name'],
  filterable: ['isDefault'],
  defaultSort: 'name',
};

export const stageSpec: EntitySpec<Stage> = {
  name: 'stage',
  table: 'stages',
  fields: {
    pipelineId: 'text', name: 'text', sortOrder: 'int', probabilityBps: 'int', forecastCategory: 'text', isClosed: 'bool',
    isWon: 'bool',
  },
  search: ['name'],
  sortable: ['sortOrder', 'name'],
  filterable: ['pipelineId', 'isClosed', 'isWon'],
  defaultSort: 'sortOrder',
};

export const lineItemSpec: EntitySpec<LineItem> = {
  name: 'line_item',
  table: 'line_items',
  fields: { opportunityId: 'text', productId: 'text', quantity: 'int', unitPriceMinor: 'bigint', discountBps: 'int', totalMinor: 'bigint' },
  search: [],
  sortable: ['createdAt'],
  filterable: ['opportunityId', 'productId'],
  defaultSort: 'createdAt',
};
