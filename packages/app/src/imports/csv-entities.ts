import { ACTIVITY_TYPES, CSV_ENTITIES, FORECAST_CATEGORIES, LEAD_STATUSES, OPPORTUNITY_TYPES, PERSON_KINDS, type CsvEntity, type RecordMeta } from '@attain/core';
import { Account, Activity, Contact, Lead, Opportunity, Person } from '@attain/contract';
import type { EntityRepo } from '@attain/store';
import type { z } from 'zod';
import type { EntityDefinition } from '../crm/definition.js';
import { accounts, activities, contacts, leads, opportunities, persons } from '../crm/entities.js';
import { asRef, repos } from '../crm/repos.js';

/*
 * The CSV shape of each CRM entity, shared by import and export: the native column names
 * (our camelCase field names, which is what the export writes), how each cell is read, and
 * the relations, which a file may give by id, external id, name or e-mail.
 */

export { CSV_ENTITIES, type CsvEntity };

export const isCsvEntity = (value: string): value is CsvEntity => (CSV_ENTITIES as readonly string[]).includes(value);

/**
 * How a cell becomes a wire value: `money` is a major-unit decimal ("1,234.56") converted
 * exactly into the minor units of the row's currency; `minor` is already minor units.
 */
export type ValueType = 'text' | 'int' | 'real' | 'money' | 'minor' | 'date' | 'instant' | 'enum';

export interface FieldColumn {
  /** Native column name. */
  readonly column: string;
  /** Record field it fills. */
  readonly field: string;
  readonly type: ValueType;
  /** Allowed values of an enum, and other spellings (normalised: lower case, `_` for separators). */
  readonly values?: readonly string[];
  readonly aliases?: Readonly<Record<string, string>>;
  /** Export this column (false for alternative input spellings such as `amountMinor`). */
  readonly exported?: boolean;
}

export type TargetName = 'account' | 'contact' | 'lead' | 'opportunity' | 'person' | 'team' | 'pipeline' | 'stage';

/** How records of a relation target can be found, and which columns carry them in an export. */
export interface Target {
  readonly repo: EntityRepo<RecordMeta>;
  /** Field matched by `…Name` columns (exact, archived records excluded). */
  readonly nameField?: string;
  /** True when `…Email` columns match (case-insensitive). */
  readonly email?: boolean;
  /** Export the target's external id beside its id. */
  readonly exportExternalId: boolean;
}

export const TARGETS: Readonly<Record<TargetName, Target>> = {
  account: { repo: asRef(repos.account), nameField: 'name', exportExternalId: true },
  contact: { repo: asRef(repos.contact), email: true, exportExternalId: true },
  lead: { repo: asRef(repos.lead), email: true, exportExternalId: true },
  opportunity: { repo: asRef(repos.opportunity), nameField: 'name', exportExternalId: true },
  person: { repo: asRef(repos.person), nameField: 'name', email: true, exportExternalId: true },
  team: { repo: asRef(repos.team), nameField: 'name', exportExternalId: false },
  pipeline: { repo: asRef(repos.pipeline), nameField: 'name', exportExternalId: false },
  stage: { repo: asRef(repos.stage), nameField: 'name', exportExternalId: false },
};

/** A relation: columns `${prefix}Id`, `${prefix}ExternalId`, `${prefix}Name`, `${prefix}Email` and `${prefix}` fill `field`. */
export interface RefSpec {
  readonly prefix: string;
  readonly field: string;
  readonly target: TargetName;
}

export type LookupKind = 'id' | 'externalId' | 'email' | 'name';

export interface RefColumn {
  readonly column: string;
  readonly ref: RefSpec;
  /** Lookups tried in order for a value of this column. */
  readonly kinds: readonly LookupKind[];
}

export interface CsvEntitySpec {
  readonly entity: CsvEntity;
  readonly def: EntityDefinition<RecordMeta>;
  readonly schemas: { readonly create: z.ZodObject; readonly update: z.ZodObject };
  readonly fields: readonly FieldColumn[];
  readonly refs: readonly RefSpec[];
  /** Columns of our export that carry nothing to import (derived or system fields): ignored silently. */
  readonly exportOnly: readonly string[];
  /** People: `firstName` + `lastName` make `name` when no name is given (HubSpot users). */
  readonly composeName?: boolean;
}

const text = (column: string, field = column): FieldColumn => ({ column, field, type: 'text' });
const typed = (column: string, type: ValueType, field = column, exported = true): FieldColumn => ({ column, field, type, exported });
const enumOf = (column: string, values: readonly string[], aliases: Record<string, string> = {}): FieldColumn => ({ column, field: column, type: 'enum', values, aliases });
const ref = (prefix: string, target: TargetName, field = `${prefix}Id`): RefSpec => ({ prefix, field, target });
const owner = ref('owner', 'person');

/** Spellings of other systems (Salesforce, HubSpot) for our enum values. */
const OPPORTUNITY_TYPE_ALIASES = {
  new_business: 'new', newbusiness: 'new', new_customer: 'new', existing_business: 'expansion', existingbusiness: 'expansion',
  existing_customer_upgrade: 'expansion', existing_customer_downgrade: 'expansion', upsell: 'expansion', existing_customer_renewal: 'renewal',
  existing_customer_replacement: 'renewal',
};
const FORECAST_ALIASES = { not_forecasted: 'omitted', closed_won: 'closed' };
const LEAD_STATUS_ALIASES = {
  open_not_contacted: 'open', new: 'open', working_contacted: 'working', in_progress: 'working', attempted_to_contact: 'working',
  connected: 'working', open_deal: 'working', closed_converted: 'converted', closed_not_converted: 'disqualified', unqualified: 'disqualified',
  bad_timing: 'disqualified',
};
const ACTIVITY_TYPE_ALIASES = { other: 'task', event: 'meeting', note: 'task', logged_call: 'call', todo: 'task' };
const PERSON_KIND_ALIASES = {
  account_executive: 'ae', sales_development_representative: 'sdr', account_manager: 'am', sales_engineer: 'se', vice_president: 'vp',
  sales_operations: 'ops', operations: 'ops',
};

const META = [text('externalId')];

export const CSV_SPECS: Readonly<Record<CsvEntity, CsvEntitySpec>> = {
  accounts: {
    entity: 'accounts',
    def: accounts as unknown as EntityDefinition<RecordMeta>,
    schemas: Account,
    fields: [
      ...META, text('name'), text('industry'), typed('employees', 'int'), typed('annualRevenue', 'money', 'annualRevenueMinor'),
      typed('annualRevenueMinor', 'minor', 'annualRevenueMinor', false), text('currency'), text('website'), text('street'), text('city'),
      text('region'), text('postalCode'), text('country'), typed('latitude', 'real'), typed('longitude', 'real'), text('segment'),
      typed('potential', 'money', 'potentialMinor'), typed('potentialMinor', 'minor', 'potentialMinor', false),
    ],
    refs: [owner, ref('parent', 'account')],
    exportOnly: ['createdAt', 'updatedAt'],
  },
  contacts: {
    entity: 'contacts',
    def: contacts as unknown as EntityDefinition<RecordMeta>,
    schemas: Contact,
    fields: [...META, text('firstName'), text('lastName'), text('email'), text('phone'), text('title')],
    refs: [ref('account', 'account'), owner],
    exportOnly: ['createdAt', 'updatedAt'],
  },
  leads: {
    entity: 'leads',
    def: leads as unknown as EntityDefinition<RecordMeta>,
    schemas: Lead,
    fields: [
      ...META, text('firstName'), text('lastName'), text('email'), text('phone'), text('company'), text('title'), text('industry'),
      text('source'), enumOf('status', LEAD_STATUSES, LEAD_STATUS_ALIASES),
    ],
    refs: [owner],
    exportOnly: ['convertedAt', 'convertedAccountId', 'convertedContactId', 'convertedOpportunityId', 'createdAt', 'updatedAt'],
  },
  opportunities: {
    entity: 'opportunities',
    def: opportunities as unknown as EntityDefinition<RecordMeta>,
    schemas: Opportunity,
    fields: [
      ...META, text('name'), typed('amount', 'money', 'amountMinor'), typed('amountMinor', 'minor', 'amountMinor', false), text('currency'),
      typed('closeDate', 'date'), enumOf('type', OPPORTUNITY_TYPES, OPPORTUNITY_TYPE_ALIASES),
      enumOf('forecastCategory', FORECAST_CATEGORIES, FORECAST_ALIASES), typed('probabilityBps', 'int'), text('nextStep'), text('lostReason'), typed('contractTermMonths', 'int'),
    ],
    refs: [ref('account', 'account'), owner, ref('pipeline', 'pipeline'), ref('stage', 'stage')],
    exportOnly: ['isClosed', 'isWon', 'closedAt', 'territoryId', 'createdAt', 'updatedAt'],
  },
  activities: {
    entity: 'activities',
    def: activities as unknown as EntityDefinition<RecordMeta>,
    schemas: Activity,
    fields: [...META, enumOf('type', ACTIVITY_TYPES, ACTIVITY_TYPE_ALIASES), text('subject'), typed('dueDate', 'date'), typed('doneAt', 'instant'), text('notes')],
    refs: [ref('account', 'account'), ref('contact', 'contact'), ref('opportunity', 'opportunity'), ref('lead', 'lead'), owner],
    exportOnly: ['createdAt', 'updatedAt'],
  },
  people: {
    entity: 'people',
    def: persons as unknown as EntityDefinition<RecordMeta>,
    schemas: Person,
    fields: [
      ...META, text('name'), text('email'), text('title'), enumOf('kind', PERSON_KINDS, PERSON_KIND_ALIASES), typed('hireDate', 'date'),
      typed('terminationDate', 'date'),
    ],
    refs: [ref('manager', 'person'), ref('team', 'team')],
    exportOnly: ['createdAt', 'updatedAt'],
    composeName: true,
  },
};

const refColumnCache = new WeakMap<RefSpec, RefColumn[]>();

/** The import columns of a relation, most specific first: ids, then e-mails, then names, then the catch-all. */
export function refColumns(spec: RefSpec): RefColumn[] {
  const cached = refColumnCache.get(spec);
  if (cached) return cached;
  const target = TARGETS[spec.target];
  const columns: RefColumn[] = [
    { column: `${spec.prefix}Id`, ref: spec, kinds: ['id', 'externalId'] },
    { column: `${spec.prefix}ExternalId`, ref: spec, kinds: ['externalId'] },
  ];
  if (target.email) columns.push({ column: `${spec.prefix}Email`, ref: spec, kinds: ['email'] });
  if (target.nameField) columns.push({ column: `${spec.prefix}Name`, ref: spec, kinds: ['name'] });
  const any: LookupKind[] = ['id', 'externalId', ...(target.email ? (['email'] as const) : []), ...(target.nameField ? (['name'] as const) : [])];
  columns.push({ column: spec.prefix, ref: spec, kinds: any });
  refColumnCache.set(spec, columns);
  return columns;
}

/** Every column an import of the entity understands, by native name. */
export function nativeColumns(spec: CsvEntitySpec): Map<string, FieldColumn | RefColumn | 'id' | 'ignored'> {
  const columns = new Map<string, FieldColumn | RefColumn | 'id' | 'ignored'>([['id', 'id']]);
  for (const field of spec.fields) columns.set(field.column, field);
  for (const r of spec.refs) for (const c of refColumns(r)) columns.set(c.column, c);
  if (spec.composeName) {
    columns.set('firstName', { column: 'firstName', field: 'firstName', type: 'text' });
    columns.set('lastName', { column: 'lastName', field: 'lastName', type: 'text' });
  }
  for (const c of spec.exportOnly) if (!columns.has(c)) columns.set(c, 'ignored');
  return columns;
}
