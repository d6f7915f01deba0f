import { repos } from '@attain/app';
import { DomainError, type Organisation } from '@attain/core';
import type { Runtime } from '../runtime.js';

/** A person by id, or by e-mail (exactly, ignoring case). */
export async function resolvePerson(rt: Runtime, org: Organisation, text: string): Promise<string> {
  const byId = await repos.person.get(rt.database.db, org.id, text);
  if (byId) return byId.id;
  if (!text.includes('@')) throw new DomainError('not_found', `no person "${text}"`);
  const page = await repos.person.list(rt.database.db, { orgId: org.id, scope: { kind: 'all' }, search: text, limit: 50 });
  const found = page.items.find((p) => p.email?.toLowerCase() === text.toLowerCase());
  if (!found) throw new DomainError('not_found', `no person with e-mail ${text}`);
  return found.id;
}
