import { ACTIVITY_TYPES, FORECAST_CATEGORIES, LEAD_STATUSES, OPPORTUNITY_TYPES, PERSON_KINDS } from '@attain/core';

/*
 * What the generic list and detail screens know of each CRM entity: its fields, how each is
 * shown and edited, which columns a list starts with, and which it may sort by (the same as
 * the server's list specs; a test keeps the two in step).
 */

export type EntityKey = 'accounts' | 'contacts' | 'leads' | 'opportunities' | 'activities' | 'people';

export type FieldKind =
  | { type: 'text'; long?: boolean }
  | { type: 'email' }
  | { type: 'int' }
  | { type: 'money'; currencyField: string }
  | { type: 'date' }
  | { type: 'instant' }
  | { type: 'bps' }
  | { type: 'bool' }
  /** One of the organisation's currencies. */
  | { type: 'currency' }
  | { type: 'enum'; options: readonly string[] }
  | { type: 'ref'; entity: EntityKey | 'teams' | 'pipelines' | 'stages' };

export interface FieldMeta {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  /** Set by the system: shown, never edited. */
  readonly readOnly?: boolean;
  /** Offered as a filter in the list's filter bar. */
  readonly filter?: boolean;
  /**
   * Set when the record is created, then shown only: changing the currency alone would
   * change what the stored amounts mean (USD 2,500.00 would become JPY 250,000).
   */
  readonly fixedAfterCreate?: boolean;
  /** Must be given when creating a record. */
  readonly required?: boolean;
  /** What leaving it empty means, shown as the empty choice or placeholder ("From the stage"). */
  readonly whenEmpty?: string;
}

export interface RelatedList {
  readonly entity: EntityKey;
  /** The field of the related entity that points back to this record. */
  readonly via: string;
  readonly title: string;
}

export interface EntityMeta {
  readonly key: EntityKey;
  /** Policy resource, for abilities: `${resource}:list`. */
  readonly resource: string;
  readonly singular: string;
  readonly plural: string;
  readonly fields: readonly FieldMeta[];
  /** The field that names a record (a function when it is composed). */
  readonly title: (record: Record<string, unknown>) => string;
  /** The first column, always shown: the record's name, linking to its page. */
  readonly titleColumn: { readonly label: string; readonly sort: string; readonly fields: readonly string[] };
  /** The other columns a list starts with. */
  readonly defaultColumns: readonly string[];
  /** The fields the API's list filters on (the server's list spec; a test keeps them equal). */
  readonly filterable: readonly string[];
  readonly sortable: readonly string[];
  readonly defaultSort: string;
  readonly related: readonly RelatedList[];
}

const text = (name: string, label: string, extra: Partial<FieldMeta> = {}): FieldMeta => ({ name, label, kind: { type: 'text' }, ...extra });
const ref = (name: string, label: string, entity: Extract<FieldKind, { type: 'ref' }>['entity'], extra: Partial<FieldMeta> = {}): FieldMeta => ({
  name, label, kind: { type: 'ref', entity }, ...extra,
});
const choice = (name: string, label: string, options: readonly string[], extra: Partial<FieldMeta> = {}): FieldMeta => ({
  name, label, kind: { type: 'enum', options }, ...extra,
});
const currency = (): FieldMeta => ({ name: 'currency', label: 'Currency', kind: { type: 'currency' }, fixedAfterCreate: true, whenEmpty: 'The organisation\'s currency' });
const owner = ref('ownerId', 'Owner', 'people', { filter: true, whenEmpty: 'You' });
const created: FieldMeta = { name: 'createdAt', label: 'Created', kind: { type: 'instant' }, readOnly: true };
const updated: FieldMeta = { name: 'updatedAt', label: 'Updated', kind: { type: 'instant' }, readOnly: true };
const fullName = (r: Record<string, unknown>) => [r.firstName, r.lastName].filter((p) => typeof p === 'string' && p !== '').join(' ');

export const ENTITIES: Readonly<Record<EntityKey, EntityMeta>> = {
  accounts: {
    key: 'accounts', resource: 'account', singular: 'Account', plural: 'Accounts',
    title: (r) => String(r.name ?? ''),
    fields: [
      text('name', 'Name', { required: true }), text('industry', 'Industry', { filter: true }), { name: 'employees', label: 'Employees', kind: { type: 'int' } },
      { name: 'annualRevenueMinor', label: 'Annual revenue', kind: { type: 'money', currencyField: 'currency' } },
      text('segment', 'Segment', { filter: true }), text('website', 'Website'), text('street', 'Street'), text('city', 'City'),
      text('region', 'Region', { filter: true }), text('postalCode', 'Postal code'), text('country', 'Country', { filter: true }),
      { name: 'potentialMinor', label: 'Potential', kind: { type: 'money', currencyField: 'currency' } },
      owner, ref('parentId', 'Parent account', 'accounts'), currency(), created, updated,
    ],
    titleColumn: { label: 'Name', sort: 'name', fields: ['name'] },
    defaultColumns: ['industry', 'segment', 'city', 'region', 'annualRevenueMinor', 'ownerId'],
    filterable: ['ownerId', 'industry', 'segment', 'region', 'country', 'parentId', 'employees', 'potentialMinor', 'externalId'],
    sortable: ['name', 'industry', 'employees', 'annualRevenueMinor', 'city', 'region', 'segment', 'potentialMinor', 'createdAt', 'updatedAt'],
    defaultSort: 'name',
    related: [
      { entity: 'contacts', via: 'accountId', title: 'Contacts' },
      { entity: 'opportunities', via: 'accountId', title: 'Opportunities' },
      { entity: 'activities', via: 'accountId', title: 'Activities' },
    ],
  },
  contacts: {
    key: 'contacts', resource: 'contact', singular: 'Contact', plural: 'Contacts',
    title: fullName,
    fields: [
      text('firstName', 'First name'), text('lastName', 'Last name', { required: true }), { name: 'email', label: 'E-mail', kind: { type: 'email' } },
      text('phone', 'Phone'), text('title', 'Title'), ref('accountId', 'Account', 'accounts', { filter: true }), owner, created, updated,
    ],
    titleColumn: { label: 'Name', sort: 'lastName', fields: ['firstName', 'lastName'] },
    defaultColumns: ['email', 'title', 'accountId', 'ownerId'],
    filterable: ['accountId', 'ownerId', 'email', 'externalId'],
    sortable: ['lastName', 'firstName', 'email', 'createdAt', 'updatedAt'],
    defaultSort: 'lastName',
    related: [{ entity: 'activities', via: 'contactId', title: 'Activities' }],
  },
  leads: {
    key: 'leads', resource: 'lead', singular: 'Lead', plural: 'Leads',
    title: fullName,
    fields: [
      text('firstName', 'First name'), text('lastName', 'Last name', { required: true }), text('company', 'Company', { required: true }), { name: 'email', label: 'E-mail', kind: { type: 'email' } },
      text('phone', 'Phone'), text('title', 'Title'), text('industry', 'Industry', { filter: true }), text('source', 'Source', { filter: true }),
      choice('status', 'Status', LEAD_STATUSES, { filter: true }), owner, created, updated,
    ],
    titleColumn: { label: 'Name', sort: 'lastName', fields: ['firstName', 'lastName'] },
    defaultColumns: ['company', 'status', 'source', 'ownerId'],
    filterable: ['ownerId', 'status', 'source', 'industry', 'externalId'],
    sortable: ['lastName', 'company', 'status', 'source', 'createdAt', 'updatedAt'],
    defaultSort: 'lastName',
    related: [{ entity: 'activities', via: 'leadId', title: 'Activities' }],
  },
  opportunities: {
    key: 'opportunities', resource: 'opportunity', singular: 'Opportunity', plural: 'Opportunities',
    title: (r) => String(r.name ?? ''),
    fields: [
      text('name', 'Name', { required: true }), ref('accountId', 'Account', 'accounts', { filter: true }),
      { name: 'amountMinor', label: 'Amount', kind: { type: 'money', currencyField: 'currency' }, required: true },
      currency(),
      { name: 'closeDate', label: 'Close date', kind: { type: 'date' }, filter: true, required: true },
      ref('pipelineId', 'Pipeline', 'pipelines', { filter: true, whenEmpty: 'Default pipeline' }), ref('stageId', 'Stage', 'stages', { whenEmpty: 'First stage' }),
      { name: 'probabilityBps', label: 'Probability', kind: { type: 'bps' }, whenEmpty: 'From the stage' },
      choice('forecastCategory', 'Forecast category', FORECAST_CATEGORIES, { filter: true, whenEmpty: 'From the stage' }),
      choice('type', 'Type', OPPORTUNITY_TYPES, { filter: true, whenEmpty: 'New' }),
      text('nextStep', 'Next step'), text('lostReason', 'Lost reason'),
      { name: 'contractTermMonths', label: 'Contract term (months)', kind: { type: 'int' }, whenEmpty: 'A year or less' }, owner,
      { name: 'isClosed', label: 'Closed', kind: { type: 'bool' }, readOnly: true, filter: true },
      { name: 'isWon', label: 'Won', kind: { type: 'bool' }, readOnly: true, filter: true },
      { name: 'closedAt', label: 'Closed at', kind: { type: 'instant' }, readOnly: true }, created, updated,
    ],
    titleColumn: { label: 'Name', sort: 'name', fields: ['name'] },
    defaultColumns: ['accountId', 'stageId', 'amountMinor', 'closeDate', 'probabilityBps', 'ownerId'],
    filterable: ['accountId', 'ownerId', 'pipelineId', 'stageId', 'type', 'forecastCategory', 'isClosed', 'isWon', 'closeDate', 'amountMinor', 'territoryId', 'externalId'],
    sortable: ['name', 'amountMinor', 'closeDate', 'createdAt', 'updatedAt', 'probabilityBps'],
    defaultSort: 'closeDate',
    related: [{ entity: 'activities', via: 'opportunityId', title: 'Activities' }],
  },
  activities: {
    key: 'activities', resource: 'activity', singular: 'Activity', plural: 'Activities',
    title: (r) => String(r.subject ?? ''),
    fields: [
      text('subject', 'Subject', { required: true }), choice('type', 'Type', ACTIVITY_TYPES, { filter: true, required: true }), { name: 'dueDate', label: 'Due', kind: { type: 'date' }, filter: true },
      { name: 'doneAt', label: 'Done at', kind: { type: 'instant' } }, ref('accountId', 'Account', 'accounts', { filter: true }),
      ref('contactId', 'Contact', 'contacts'), ref('opportunityId', 'Opportunity', 'opportunities'), ref('leadId', 'Lead', 'leads'), owner,
      { name: 'notes', label: 'Notes', kind: { type: 'text', long: true } }, created, updated,
    ],
    titleColumn: { label: 'Subject', sort: 'subject', fields: ['subject'] },
    defaultColumns: ['type', 'dueDate', 'doneAt', 'accountId', 'ownerId'],
    filterable: ['type', 'accountId', 'contactId', 'opportunityId', 'leadId', 'ownerId', 'dueDate', 'externalId'],
    sortable: ['dueDate', 'doneAt', 'subject', 'type', 'createdAt', 'updatedAt'],
    defaultSort: 'dueDate',
    related: [],
  },
  people: {
    key: 'people', resource: 'person', singular: 'Person', plural: 'People',
    title: (r) => String(r.name ?? ''),
    fields: [
      text('name', 'Name', { required: true }), { name: 'email', label: 'E-mail', kind: { type: 'email' } }, text('title', 'Title'),
      choice('kind', 'Kind', PERSON_KINDS, { filter: true, required: true }), { name: 'hireDate', label: 'Hire date', kind: { type: 'date' } },
      { name: 'terminationDate', label: 'Termination date', kind: { type: 'date' } }, ref('teamId', 'Team', 'teams', { filter: true }),
      ref('managerId', 'Manager', 'people', { filter: true }), created,
    ],
    titleColumn: { label: 'Name', sort: 'name', fields: ['name'] },
    defaultColumns: ['title', 'kind', 'teamId', 'managerId', 'hireDate'],
    filterable: ['kind', 'teamId', 'managerId', 'hireDate', 'externalId'],
    sortable: ['name', 'title', 'kind', 'hireDate', 'createdAt'],
    defaultSort: 'name',
    related: [
      { entity: 'opportunities', via: 'ownerId', title: 'Opportunities owned' },
      { entity: 'people', via: 'managerId', title: 'Direct reports' },
    ],
  },
};

export const ENTITY_KEYS = Object.keys(ENTITIES) as EntityKey[];

export function isEntityKey(value: string): value is EntityKey {
  return Object.hasOwn(ENTITIES, value);
}

/** The fields a list may show as columns besides its title column. */
export function columnFields(meta: EntityMeta): readonly FieldMeta[] {
  return meta.fields.filter((f) => !meta.titleColumn.fields.includes(f.name));
}

export function fieldOf(meta: EntityMeta, name: string): FieldMeta | undefined {
  return meta.fields.find((f) => f.name === name);
}
