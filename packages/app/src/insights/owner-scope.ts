import { DomainError, notFound, ownerInScope, readScope, type Actor } from '@attain/core';
import { insightsRepo } from '@attain/store';
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
export async function ownerScopeOf(ctx: AppContext, actor: Actor, filter: { ownerId?: string; teamId?: string }): Promise<readonly string[] | null> {
  const scope = readScope(actor);
  let owners: readonly string[] | null = scope.kind === 'all' ? null : scope.ownerIds;
  if (filter.ownerId !== undefined) {
    if (!(await repos.person.get(ctx.database.db, actor.orgId, filter.ownerId))) throw notFound('person');
    if (!ownerInScope(actor, filter.ownerId)) throw new DomainError('forbidden', 'This person\'s deals are outside what you may see.');
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
