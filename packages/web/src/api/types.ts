import type { z } from 'zod';
import type { Account, Activity, Contact, Lead, Me, Opportunity, OpportunityHistoryEntrySchema, Person, Pipeline, Team } from '@attain/contract';

/*
 * Wire types, inferred from the contract's schemas (types only: no schema code is bundled).
 */

export type MeBody = z.infer<typeof Me>;
export type AccountRecord = z.infer<typeof Account.record>;
export type ContactRecord = z.infer<typeof Contact.record>;
export type LeadRecord = z.infer<typeof Lead.record>;
export type OpportunityRecord = z.infer<typeof Opportunity.record>;
export type ActivityRecord = z.infer<typeof Activity.record>;
export type PersonRecord = z.infer<typeof Person.record>;
export type TeamRecord = z.infer<typeof Team.record>;
export type PipelineRecord = z.infer<typeof Pipeline.record>;
export type HistoryEntry = z.infer<typeof OpportunityHistoryEntrySchema>;

/** Display names of referenced records, by id, sent beside lists and records. */
export type Labels = Record<string, string>;

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
  readonly labels: Labels;
}

/** Any CRM record as the generic screens see it. */
export type AnyRecord = {
  readonly id: string;
  readonly version: number;
  readonly abilities: { read: boolean; update: boolean; archive: boolean };
  readonly archivedAt: string | null;
} & Record<string, unknown>;

export type WithLabels<T> = T & { labels: Labels };
