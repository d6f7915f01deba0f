/**
 * The CRM records every other part of Attain stands on. Money is bigint minor units with
 * its currency; dates are YYYY-MM-DD; instants ISO strings. Owned records carry `ownerId`,
 * a person in the sales org. Every record has a `version` that grows by one per update.
 */

export interface RecordMeta {
  readonly id: string;
  readonly orgId: string;
  readonly externalId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly archivedAt: string | null;
  readonly version: number;
}

export interface Organisation {
  readonly id: string;
  readonly name: string;
  /** 1 = January. The fiscal year is named after the calendar year it ends in. */
  readonly fiscalYearStartMonth: number;
  readonly defaultCurrency: string;
  readonly currencies: readonly string[];
  readonly createdAt: string;
}

export const PERSON_KINDS = ['vp', 'director', 'manager', 'ae', 'sdr', 'am', 'se', 'ops', 'other'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export interface Person extends RecordMeta {
  readonly name: string;
  readonly email: string | null;
  readonly title: string | null;
  readonly kind: PersonKind;
  readonly hireDate: string | null;
  readonly terminationDate: string | null;
  readonly teamId: string | null;
  /** Current manager: the reporting line in force today; history lives in reporting lines. */
  readonly managerId: string | null;
}

export interface Team extends RecordMeta {
  readonly name: string;
  readonly leaderId: string | null;
  readonly parentTeamId: string | null;
}

export interface Account extends RecordMeta {
  readonly name: string;
  readonly industry: string | null;
  readonly employees: number | null;
  readonly annualRevenueMinor: bigint | null;
  readonly currency: string;
  readonly website: string | null;
  readonly street: string | null;
  readonly city: string | null;
  readonly region: string | null;
  readonly postalCode: string | null;
  readonly country: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly segment: string | null;
  readonly potentialMinor: bigint | null;
  readonly ownerId: string | null;
  readonly parentId: string | null;
}

export interface Contact extends RecordMeta {
  readonly accountId: string | null;
  readonly firstName: string | null;
  readonly lastName: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly title: string | null;
  readonly ownerId: string | null;
}

export const LEAD_STATUSES = ['open', 'working', 'converted', 'disqualified'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export interface Lead extends RecordMeta {
  readonly firstName: string | null;
  readonly lastName: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly company: string;
  readonly title: string | null;
  readonly industry: string | null;
  readonly source: string | null;
  readonly status: LeadStatus;
  readonly ownerId: string | null;
  readonly convertedAt: string | null;
  readonly convertedAccountId: string | null;
  readonly convertedContactId: string | null;
  readonly convertedOpportunityId: string | null;
}

export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

export interface Pipeline extends RecordMeta {
  readonly name: string;
  readonly isDefault: boolean;
}

export interface Stage extends RecordMeta {
  readonly pipelineId: string;
  readonly name: string;
  readonly sortOrder: number;
  /** Default probability in basis points (0..10000). */
  readonly probabilityBps: number;
  readonly forecastCategory: ForecastCategory;
  readonly isClosed: boolean;
  readonly isWon: boolean;
}

export interface Product extends RecordMeta {
  readonly name: string;
  readonly sku: string | null;
  readonly family: string | null;
  readonly listPriceMinor: bigint;
  readonly currency: string;
  readonly active: boolean;
}

export const OPPORTUNITY_TYPES = ['new', 'expansion', 'renewal'] as const;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number];

export interface Opportunity extends RecordMeta {
  readonly name: string;
  readonly accountId: string | null;
  readonly ownerId: string | null;
  readonly pipelineId: string;
  readonly stageId: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly closeDate: string;
  readonly type: OpportunityType;
  readonly forecastCategory: ForecastCategory;
  readonly probabilityBps: number;
  readonly nextStep: string | null;
  readonly lostReason: string | null;
  /** The contract's term in months; null: a year or less (its amount is its annual value). */
  readonly contractTermMonths: number | null;
  /** Filled by territory assignment (coverage model); null until territories exist. */
  readonly territoryId: string | null;
  readonly isClosed: boolean;
  readonly isWon: boolean;
  readonly closedAt: string | null;
}

/** Fields whose every change is written to the opportunity history. */
export const OPPORTUNITY_TRACKED_FIELDS = ['stageId', 'amountMinor', 'currency', 'closeDate', 'forecastCategory', 'ownerId', 'territoryId'] as const;
export type OpportunityTrackedField = (typeof OPPORTUNITY_TRACKED_FIELDS)[number];

/** One entry of the append-only opportunity history: the tracked state after a change. */
export interface OpportunityHistoryEntry {
  readonly orgId: string;
  readonly opportunityId: string;
  readonly seq: number;
  readonly changedAt: string;
  readonly actorUserId: string | null;
  readonly changedFields: readonly OpportunityTrackedField[];
  readonly stageId: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly closeDate: string;
  readonly forecastCategory: ForecastCategory;
  readonly ownerId: string | null;
  readonly territoryId: string | null;
}

export interface LineItem extends RecordMeta {
  readonly opportunityId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly unitPriceMinor: bigint;
  /** Discount in basis points (0..10000). */
  readonly discountBps: number;
  /** quantity x unit price less discount, rounded half-even once. */
  readonly totalMinor: bigint;
}

export const ACTIVITY_TYPES = ['call', 'meeting', 'email', 'task'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export interface Activity extends RecordMeta {
  readonly type: ActivityType;
  readonly subject: string;
  readonly accountId: string | null;
  readonly contactId: string | null;
  readonly opportunityId: string | null;
  readonly leadId: string | null;
  readonly ownerId: string | null;
  readonly dueDate: string | null;
  readonly doneAt: string | null;
  readonly notes: string | null;
}
