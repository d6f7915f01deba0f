import { loadActor } from '@attain/app';
import { DomainError, type Actor, type Organisation } from '@attain/core';
import { userRepo } from '@attain/store';
import { cliActor, type Runtime } from '../runtime.js';

/**
 * Who a command acts as: the user with this e-mail in the organisation (her role, team and
 * separation of duties apply, as in the web app), or without `--as` the organisation's system
 * administrator.
 */
export async function actAs(rt: Runtime, org: Organisation, email: string | undefined): Promise<Actor> {
  if (email === undefined) return cliActor(org);
  const user = (await userRepo.list(rt.database.db, org.id)).find((u) => u.email.toLowerCase() === email.trim().toLowerCase());
  if (!user || user.disabledAt) throw new DomainError('not_found', `no active user ${email} in ${org.name}`);
  return loadActor(rt.ctx, user);
}
