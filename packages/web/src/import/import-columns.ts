import { CSV_ENTITIES, type CsvEntity } from '@attain/core';

/*
 * The native columns an import of each entity understands: a copy of what
 * packages/app/src/imports/csv-entities.ts accepts (the web never imports @attain/app).
 * When a column is added there, add it here too, or the mapping step cannot offer it.
 */

export const IMPORT_ENTITIES = CSV_ENTITIES;
export type ImportEntity = CsvEntity;

/** What a relation column can name a record by. */
interface RelationTarget {
  readonly email: boolean;
  readonly name: boolean;
}

const TARGETS = {
  account: { email: false, name: true },
  contact: { email: true, name: false },
  lead: { email: true, name: false },
  opportunity: { email: false, name: true },
  person: { email: true, name: true },
  team: { email: false, name: true },
  pipeline: { email: false, name: true },
  stage: { email: false, name: true },
} satisfies Record<string, RelationTarget>;

interface Relation {
  readonly prefix: string;
  readonly label: string;
  readonly target: keyof typeof TARGETS;
}

interface EntityColumns {
  /** Field columns, in the order the export writes them. */
  readonly fields: readonly string[];
  readonly relations: readonly Relation[];
  /** Columns of our export that carry nothing to import: the server ignores them silently. */
  readonly exportOnly: readonly string[];
}

const owner: Relation = { prefix: 'owner', label: 'Owner', target: 'person' };
const stamps = ['createdAt', 'updatedAt'];

const COLUMNS: Readonly<Record<ImportEntity, EntityColumns>> = {
  accounts: {
    fields: [
      'externalId', 'name', 'industry', 'employees', 'annualRevenue', 'annualRevenueMinor', 'currency', 'website', 'street', 'city',
      'region', 'postalCode', 'country', 'latitude', 'longitude', 'segment', 'potential', 'potentialMinor',
    ],
    relations: [owner, { prefix: 'parent', label: 'Parent account', target: 'account' }],
    exportOnly: stamps,
  },
  contacts: {
    fields: ['externalId', 'firstName', 'lastName', 'email', 'phone', 'title'],
    relations: [{ prefix: 'account', label: 'Account', target: 'account' }, owner],
    exportOnly: stamps,
  },
  leads: {
    fields: ['externalId', 'firstName', 'lastName', 'email', 'phone', 'company', 'title', 'industry', 'source', 'status'],
    relations: [owner],
    exportOnly: ['convertedAt', 'convertedAccountId', 'convertedContactId', 'convertedOpportunityId', ...stamps],
  },
  opportunities: {
    fields: [
      'externalId', 'name', 'amount', 'amountMinor', 'currency', 'closeDate', 'type', 'forecastCategory', 'probabilityBps', 'nextStep', 'lostReason', 'contractTermMonths',
    ],
    relations: [
      { prefix: 'account', label: 'Account', target: 'account' }, owner, { prefix: 'pipeline', label: 'Pipeline', target: 'pipeline' },
      { prefix: 'stage', label: 'Stage', target: 'stage' },
    ],
    exportOnly: ['isClosed', 'isWon', 'closedAt', 'territoryId', ...stamps],
  },
  activities: {
    fields: ['externalId', 'type', 'subject', 'dueDate', 'doneAt', 'notes'],
    relations: [
      { prefix: 'account', label: 'Account', target: 'account' }, { prefix: 'contact', label: 'Contact', target: 'contact' },
      { prefix: 'opportunity', label: 'Opportunity', target: 'opportunity' }, { prefix: 'lead', label: 'Lead', target: 'lead' }, owner,
    ],
    exportOnly: stamps,
  },
  people: {
    // firstName + lastName make the name when the file has none (HubSpot users).
    fields: ['externalId', 'name', 'firstName', 'lastName', 'email', 'title', 'kind', 'hireDate', 'terminationDate'],
    relations: [{ prefix: 'manager', label: 'Manager', target: 'person' }, { prefix: 'team', label: 'Team', target: 'team' }],
    exportOnly: stamps,
  },
};

/** A column the mapping step offers: the native name sent to the server, and words for people. */
export interface TargetOption {
  readonly column: string;
  readonly label: string;
}

export interface TargetGroup {
  readonly label: string;
  readonly options: readonly TargetOption[];
}

/** Labels where splitting the camelCase name is not enough. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  externalId: 'External id',
  annualRevenue: 'Annual revenue (amount)',
  annualRevenueMinor: 'Annual revenue (minor units)',
  potential: 'Potential (amount)',
  potentialMinor: 'Potential (minor units)',
  amount: 'Amount',
  amountMinor: 'Amount (minor units)',
  probabilityBps: 'Probability (basis points)',
  postalCode: 'Postal code',
  email: 'E-mail',
  doneAt: 'Done at (date-time)',
};

/** "closeDate" -> "Close date". */
export function labelOfColumn(column: string): string {
  const known = FIELD_LABELS[column];
  if (known) return known;
  const words = column.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function relationOptions(relation: Relation): TargetOption[] {
  const target: RelationTarget = TARGETS[relation.target];
  const { prefix, label } = relation;
  return [
    { column: `${prefix}Id`, label: `${label}: Attain id or external id` },
    { column: `${prefix}ExternalId`, label: `${label}: external id` },
    ...(target.email ? [{ column: `${prefix}Email`, label: `${label}: e-mail` }] : []),
    ...(target.name ? [{ column: `${prefix}Name`, label: `${label}: name` }] : []),
    { column: prefix, label: `${label}: any of these` },
  ];
}

/** The columns to offer for an entity, grouped for the select. */
export function targetGroups(entity: ImportEntity): readonly TargetGroup[] {
  const spec = COLUMNS[entity];
  return [
    { label: 'Fields', options: spec.fields.map((column) => ({ column, label: labelOfColumn(column) })) },
    { label: 'Related records', options: spec.relations.flatMap(relationOptions) },
    { label: 'Attain', options: [{ column: 'id', label: 'Attain record id (updates that record)' }] },
  ];
}

/** Every column the server understands for the entity, and whether it carries anything to import. */
export function nativeColumnsOf(entity: ImportEntity): ReadonlyMap<string, 'imported' | 'ignored'> {
  const columns = new Map<string, 'imported' | 'ignored'>();
  for (const group of targetGroups(entity)) for (const option of group.options) columns.set(option.column, 'imported');
  for (const column of COLUMNS[entity].exportOnly) if (!columns.has(column)) columns.set(column, 'ignored');
  return columns;
}
