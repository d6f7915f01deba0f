import { columnOf, type Tx } from '@attain/store';
import { sql } from 'kysely';
import { TARGETS, type LookupKind, type TargetName } from './csv-entities.js';

export type Resolution = { readonly id: string } | { readonly missing: true } | { readonly ambiguous: number };

const CACHE_LIMIT = 50_000;

/**
 * Finds the records a file refers to, in the importing organisation: by our id, by external
 * id, by e-mail (case-insensitive) or by exact name (archived records excluded). Hits are
 * cached (bounded) except for the entity being imported, whose records change as rows land.
 */
export class ReferenceResolver {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly tx: Tx,
    private readonly orgId: string,
    private readonly self: TargetName | null,
  ) {}

  /** Tries each lookup in order; the first that matches exactly one record wins. */
  async resolve(target: TargetName, kinds: readonly LookupKind[], value: string): Promise<Resolution> {
    for (const kind of kinds) {
      const found = await this.find(target, kind, value);
      if (found.length === 1) return { id: found[0] as string };
      if (found.length > 1) return { ambiguous: found.length };
    }
    return { missing: true };
  }

  private async find(target: TargetName, kind: LookupKind, value: string): Promise<string[]> {
    const spec = TARGETS[target];
    if ((kind === 'email' && !spec.email) || (kind === 'name' && !spec.nameField)) return [];
    const key = `${target}\u0000${kind}\u0000${value}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return [cached];
    const table = spec.repo.spec.table;
    let q = this.tx.selectFrom(table).select('id').where('org_id', '=', this.orgId);
    if (kind === 'id') q = q.where('id', '=', value);
    else if (kind === 'externalId') q = q.where('external_id', '=', value);
    else if (kind === 'email') q = q.where(sql`lower(email)`, '=', value.trim().toLowerCase()).where('archived_at', 'is', null);
    else q = q.where(columnOf(spec.nameField as string), '=', value.trim()).where('archived_at', 'is', null);
    const rows = (await q.limit(2).execute()) as { id: string }[];
    const ids = rows.map((r) => String(r.id));
    if (ids.length === 1 && target !== this.self) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(key, ids[0] as string);
    }
    return ids;
  }
}

const KIND_WORDS: Record<LookupKind, string> = { id: 'id', externalId: 'external id', email: 'e-mail', name: 'name' };

/** "no account with id or external id "x"" */
export function missingMessage(target: TargetName, kinds: readonly LookupKind[], value: string): string {
  const words = kinds.filter((k) => (k !== 'email' || TARGETS[target].email) && (k !== 'name' || TARGETS[target].nameField)).map((k) => KIND_WORDS[k]);
  const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0];
  return `no ${target} with ${list} "${value}"`;
}

export function ambiguousMessage(target: TargetName, count: number, value: string): string {
  return `${count > 2 ? 'several' : 'two'} ${target === 'person' ? 'people' : `${target}s`} match "${value}"; give the id or external id instead`;
}
