import { dateOfInstant, subtreeOn, type Actor, type Role, type User } from '@attain/core';
import { reportingLineRepo } from '@attain/store';
import type { AppContext } from '../context.js';

/**
 * The actor for a signed-in user, with the team she leads today computed from the
 * effective-dated hierarchy. `role` may be narrower than the user's (an API token's scope).
 */
export async function loadActor(ctx: AppContext, user: User, role: Role = user.role): Promise<Actor> {
  let teamPersonIds: string[] = user.personId ? [user.personId] : [];
  if (role === 'manager' && user.personId) {
    const lines = await reportingLineRepo.listForOrg(ctx.database.db, user.orgId);
    teamPersonIds = subtreeOn(lines, user.personId, dateOfInstant(ctx.now()));
  }
  return { orgId: user.orgId, userId: user.id, role, personId: user.personId, teamPersonIds };
}
