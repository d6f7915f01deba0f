import type { Actor, ConfigResource, Organisation, OwnedResource, RecordMeta } from '@attain/core';
import type { EntityRepo, Tx } from '@attain/store';
import type { AppContext } from '../context.js';

/** What an entity-specific rule gets when a record is created or changed. */
export interface WriteArgs<T extends RecordMeta> {
  readonly ctx: AppContext;
  readonly tx: Tx;
  readonly actor: Actor;
  readonly org: Organisation;
  /** The record before the change; null on create. */
  readonly before: T | null;
  /** The new state so far: defaults, then the stored record, then the input applied. */
  readonly next: T;
  /** The input fields as given (after wire conversion). */
  readonly input: Record<string, unknown>;
}

/**
 * One CRM entity for the generic use cases: its repository, its policy resource, the fields
 * that point to other records (checked to exist in the same org, so a bad id is a field
 * error, not a database failure), and its own rules.
 */
export interface EntityDefinition<T extends RecordMeta> {
  readonly resource: OwnedResource | ConfigResource;
  readonly repo: EntityRepo<T>;
  readonly idPrefix: string;
  /** Owned records are scoped to their owner's team; configuration is org-wide. */
  readonly owned: boolean;
  readonly references: Readonly<Record<string, EntityRepo<RecordMeta>>>;
  /** Field values of a new record before the input is applied. */
  defaults(args: { actor: Actor; org: Organisation; now: string }): Partial<T>;
  /** Fields derived from others (stage -> probability...) and cross-field checks. */
  derive?(args: WriteArgs<T>): Promise<T>;
  /** Side records written in the same transaction (opportunity history, reporting lines). */
  afterWrite?(args: WriteArgs<T> & { after: T }): Promise<void>;
  /** Fields the input may not set directly (set by the system or by dedicated use cases). */
  readonly readOnly?: readonly string[];
}
