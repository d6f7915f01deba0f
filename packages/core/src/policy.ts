import type { Actor, Role } from './roles.js';

/**
 * Permission policies: pure functions of the actor and the resource. The server attaches
 * the resulting ability map to each resource it returns, and list queries use
 * {@link readScope} so rows a user may not see are never loaded.
 */

/** Records owned by a person (the sales owner) and scoped by ownership. */
export const OWNED_RESOURCES = ['account', 'contact', 'lead', 'opportunity', 'activity'] as const;
export type OwnedResource = (typeof OWNED_RESOURCES)[number];

/** Organisation configuration read by everyone and written by admins and sales ops. */
export const CONFIG_RESOURCES = ['person', 'team', 'product', 'pipeline'] as const;
export type ConfigResource = (typeof CONFIG_RESOURCES)[number];

export type Resource = OwnedResource | ConfigResource | 'user' | 'api_token' | 'org' | 'exchange_rate' | 'audit' | 'import' | 'export';

/**
 * Every ability a route can require. A route declares exactly one; the permission snapshot
 * test lists them all.
 */
export type Ability =
  | `${OwnedResource | ConfigResource}:${'list' | 'read' | 'create' | 'update' | 'archive'}`
  | 'opportunity:history'
  | 'lead:convert'
  | 'user:list'
  | 'user:manage'
  | 'api_token:manage'
  | 'org:read'
  | 'org:update'
  | 'exchange_rate:manage'
  | 'audit:read'
  | 'audit:verify'
  | 'import:run'
  | 'export:run'
  | 'session:self'
  | 'saved_view:manage'
  | 'comp_plan:read'
  | 'comp_plan:write'
  | 'plan_assignment:read'
  | 'plan_assignment:write'
  | 'comp_transaction:read'
  | 'clawback_event:read'
  | 'calc_run:read'
  | 'calc_run:run'
  | 'statement:read'
  | 'ledger:adjust'
  | 'statement:approve'
  | 'comp_period:manage'
  | 'payroll:export'
  | 'dispute:raise'
  | 'dispute:manage'
  | 'coverage:read'
  | 'coverage:write'
  | 'quota:plan'
  | 'quota:approve'
  | 'quota:propose'
  | 'forecast:read'
  | 'forecast:call'
  | 'forecast:adjust'
  | 'forecast:snapshot'
  | 'analytics:read';

/** What the actor may do with one record. */
export interface AbilityMap {
  readonly read: boolean;
  readonly update: boolean;
  readonly archive: boolean;
}

const ORG_WIDE: readonly Role[] = ['admin', 'sales_ops'];

function isConfig(resource: string): resource is ConfigResource {
  return (CONFIG_RESOURCES as readonly string[]).includes(resource);
}

/** May the actor perform `ability` at all (before looking at any particular record)? */
export function can(actor: Pick<Actor, 'role'>, ability: Ability): boolean {
  const [resource, action] = ability.split(':') as [string, string];
  const role = actor.role;
  if (ability === 'session:self') return true;
  // Saved list views are the user's own UI preferences; every role keeps her own.
  if (ability === 'saved_view:manage') return true;
  // Plans are the comp admin's: admins, sales ops and finance; a rep sees her own plan on her statement only.
  if (resource === 'comp_plan') return role === 'admin' || role === 'sales_ops' || role === 'finance';
  // Assignments carry pay: comp admins write them; everyone reads, scoped to her reach (see ownerInScope).
  if (ability === 'plan_assignment:write') return role === 'admin' || role === 'sales_ops' || role === 'finance';
  if (ability === 'plan_assignment:read') return true;
  // Transactions carry pay too: everyone reads, scoped by transactionInScope; clawbacks are the comp admins'.
  if (ability === 'comp_transaction:read') return true;
  if (ability === 'clawback_event:read') return role === 'admin' || role === 'sales_ops' || role === 'finance';
  // The pay cycle: finance (comp admins) and admins run calculations and post adjustments; sales ops reads the runs.
  if (ability === 'calc_run:run' || ability === 'ledger:adjust') return role === 'admin' || role === 'finance';
  if (ability === 'calc_run:read') return role === 'admin' || role === 'finance' || role === 'sales_ops';
  // Closing and reopening periods and exporting payroll are finance's; managers approve their team's statements (see checkApprover).
  if (ability === 'comp_period:manage' || ability === 'payroll:export') return role === 'admin' || role === 'finance';
  if (ability === 'statement:approve') return role === 'admin' || role === 'finance' || role === 'manager';
  // Everyone reads statements, scoped: a rep her own, a manager her team's (see ownerInScope).
  if (ability === 'statement:read') return true;
  // Disputes: everyone raises and follows her own (a manager her team's, see core disputeParty); finance and admins handle them.
  if (ability === 'dispute:raise') return true;
  if (ability === 'dispute:manage') return role === 'admin' || role === 'finance';
  // The coverage model is sales ops' strategy work; leaders and finance read it (aggregates over every account), reps do not.
  if (ability === 'coverage:write') return ORG_WIDE.includes(role);
  if (ability === 'coverage:read') return role !== 'rep';
  // Quota planning reads everyone's bookings: sales ops, finance and admins.
  if (ability === 'quota:plan') return ORG_WIDE.includes(role) || role === 'finance';
  // Approving quotas writes them into pay: finance and admins, never whoever submitted the plan (see approveQuotaPlan).
  if (ability === 'quota:approve') return role === 'admin' || role === 'finance';
  // Bottom-up: managers see their own team's lines of a quota plan, propose numbers for them and sign them off.
  if (ability === 'quota:propose') return role === 'manager';
  // The statistical forecast: everyone, of the deals she may read (a rep her own, a manager her team's).
  if (ability === 'forecast:read') return true;
  // Forecast calls are the sellers' and their managers': a rep calls her own number, a manager hers and adjusts her direct reports' (see adjustForecast).
  if (ability === 'forecast:call') return role === 'rep' || role === 'manager';
  if (ability === 'forecast:adjust') return role === 'manager';
  // Taking a snapshot by hand (the weekly job takes them by itself): sales ops and admins.
  if (ability === 'forecast:snapshot') return ORG_WIDE.includes(role);
  // Output analytics: everyone, of the people she may read (a rep her own figures, a manager her team's).
  if (ability === 'analytics:read') return true;
  if (resource === 'user' || resource === 'api_token' || ability === 'org:update') return role === 'admin';
  if (ability === 'org:read') return true;
  if (ability === 'exchange_rate:manage') return role === 'admin' || role === 'finance';
  if (resource === 'audit') return role === 'admin' || role === 'finance' || role === 'sales_ops';
  if (resource === 'import') return ORG_WIDE.includes(role);
  if (resource === 'export') return role !== 'rep';
  if (isConfig(resource)) return action === 'list' || action === 'read' ? true : ORG_WIDE.includes(role);
  // Owned CRM records: finance reads everything but changes nothing of the CRM.
  if (role === 'finance') return action === 'list' || action === 'read' || action === 'history';
  return true;
}

/** Which owners' records a list may load for the actor. */
export type ReadScope = { readonly kind: 'all' } | { readonly kind: 'owners'; readonly ownerIds: readonly string[] };

export function readScope(actor: Actor): ReadScope {
  if (actor.role === 'admin' || actor.role === 'sales_ops' || actor.role === 'finance') return { kind: 'all' };
  if (actor.role === 'manager') return { kind: 'owners', ownerIds: actor.teamPersonIds };
  return { kind: 'owners', ownerIds: actor.personId ? [actor.personId] : [] };
}

/** True when the owner is within the actor's read scope. Unowned records are org-wide only. */
export function ownerInScope(actor: Actor, ownerId: string | null): boolean {
  const scope = readScope(actor);
  if (scope.kind === 'all') return true;
  return ownerId !== null && scope.ownerIds.includes(ownerId);
}

/** The ability map of one owned record. */
export function ownedRecordAbilities(actor: Actor, resource: OwnedResource, ownerId: string | null): AbilityMap {
  const read = ownerInScope(actor, ownerId);
  const update = read && can(actor, `${resource}:update`);
  const archive = update && !(actor.role === 'rep' && resource === 'account');
  return { read, update, archive };
}

/** The ability map of a configuration record (people, teams, products, pipelines). */
export function configRecordAbilities(actor: Actor, resource: ConfigResource): AbilityMap {
  const update = can(actor, `${resource}:update`);
  return { read: true, update, archive: update };
}

/**
 * May the actor give a record to `ownerId`? Reps keep records to themselves; managers
 * assign within their team; org-wide roles to anyone.
 */
export function canAssignOwner(actor: Actor, ownerId: string | null): boolean {
  if (ORG_WIDE.includes(actor.role)) return true;
  if (ownerId === null) return false;
  return ownerInScope(actor, ownerId);
}

/**
 * May the actor see a compensation transaction? Org-wide roles see all; a manager those whose
 * owner or a split member is in her team; a rep those she owns or shares in a split.
 */
export function transactionInScope(actor: Actor, ownerId: string | null, splitPersonIds: readonly string[]): boolean {
  if (ownerInScope(actor, ownerId)) return true;
  return splitPersonIds.some((id) => ownerInScope(actor, id));
}
