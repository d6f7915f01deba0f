import { DomainError, type Actor } from '@attain/core';
import { requireAbility } from '../authorize.js';

/** The caller's own person: earnings and estimates are a payee's own, never anyone else's. */
export function ownPerson(actor: Actor): string {
  requireAbility(actor, 'statement:read');
  if (actor.personId === null) throw new DomainError('forbidden', 'Your login is not linked to a person: there are no earnings of yours to show.');
  return actor.personId;
}
