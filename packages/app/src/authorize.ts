import { can, DomainError, type Ability, type Actor } from '@attain/core';

/** Throws `forbidden` unless the actor's role has the ability at all. */
export function requireAbility(actor: Pick<Actor, 'role'>, ability: Ability): void {
  if (!can(actor, ability)) throw new DomainError('forbidden', 'You are not allowed to do this.');
}
