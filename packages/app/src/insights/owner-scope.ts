import { DomainError, notFound, ownerInScope, readScope, type Actor } from '@attain/core';
import { insightsRepo, type Db, type Tx } from '@attain/store';
import type { AppContext } from '../context.js';
import { repos } from '../crm/repos.js';

/**
 * The owners whose records a figure covers: the actor's read scope, narrowed by an optional
 * owner and team. null = every owner (org-wide roles without a filter).
 *
 * A person outside the actor's scope is refused with 403, not hidden with 404: people are
 * configuration every role may read (GET /people lists them all), so "not found" would
 * hide nothing and only mislead; what the caller may not see is that person's deals.
 * An id that names no person (or team) of the org is 404.
 */
/**
 * A person the actor may read the records of: 404 when she is not of the organisation, 403 when
 * she is outside the actor's reach (`what`: what of hers is refused, e.g. "deals").
 */
export async function requirePersonInReach(db: Db | Tx, actor: Actor, personId: string, what: string): Promise<void> {
  if (!(await repos.person.get(db, actor.orgId, personId))) throw notFound('person');
  if (!ownerInScope(actor, personId)) throw new DomainError('forbidden', `This person's ${what} ${what.endsWith('s') ? 'are' : 'is'} outside what you may see.`);
}

export async function ownerScopeOf(ctx: AppContext, actor: Actor, filter: { ownerId?: string; teamId?: string }): Promise<readonly string[] | null> {
  const scope = readScope(actor);
  let owners: readonly string[] | null = scope.kind === 'all' ? null : scope.ownerIds;
  if (filter.ownerId !== undefined) {
    await requirePersonInReach(ctx.database.db, actor, filter.ownerId, 'deals');
    owners = [filter.ownerId];
  }
  if (filter.teamId !== undefined) {
    if (!(await repos.team.get(ctx.database.db, actor.orgId, filter.teamId))) throw notFound('team');
    // A team may reach beyond the actor's scope: the filter narrows, it never widens.
    const members = new Set(await insightsRepo.peopleOfTeamTree(ctx.database.db, actor.orgId, filter.teamId));
    owners = owners === null ? [...members] : owners.filter((id) => members.has(id));
  }
  return owners;
}
