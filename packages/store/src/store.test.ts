import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDialects, warnIfPostgresSkipped } from '@attain/store/test-support';
import { auditRepo } from './audit.repo.js';
import { accountSpec } from './crm-specs.js';
import { openDatabase, type Database } from './database.js';
import { EntityRepo } from './generic.repo.js';
import { migrateToLatest } from './migrate.js';
import { orgRepo } from './org.repo.js';

warnIfPostgresSkipped();

const accounts = new EntityRepo(accountSpec);
const now = '2026-11-26T12:00:00.000Z';

const org = (id: string) => ({ id, name: id, fiscalYearStartMonth: 1, defaultCurrency: 'USD', currencies: ['USD'], createdAt: now });
const account = (orgId: string, id: string, over: Record<string, unknown> = {}) => ({
  id, orgId, externalId: null, createdAt: now, updatedAt: now, archivedAt: null, version: 1, name: id, industry: null, employees: null,
  annualRevenueMinor: null, currency: 'USD', website: null, street: null, city: null, region: null, postalCode: null, country: null,
  latitude: null, longitude: null, segment: null, potentialMinor: null, ownerId: null, parentId: null, ...over,
});

describe.each(testDialects())('store on %s', (dialect) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    await orgRepo.insert(database.db, org('org_a'));
    await orgRepo.insert(database.db, org('org_b'));
  });
  afterAll(async () => database.close());

  it('re-running migrations changes nothing, and an unknown history is refused', async () => {
    expect((await migrateToLatest(database.db)).applied).toEqual([]);
    await sql`insert into schema_migrations (name, timestamp) values ('2099-01-01T0000-from-the-future', ${now})`.execute(database.db);
    await expect(migrateToLatest(database.db)).rejects.toThrow(/corrupted migrations/);
    await sql`delete from schema_migrations where name = '2099-01-01T0000-from-the-future'`.execute(database.db);
  });

  it('returns money as exact bigint beyond 2^53', async () => {
    const big = 2n ** 62n + 7n;
    await accounts.insert(database.db, account('org_a', 'acc_big', { annualRevenueMinor: big, potentialMinor: -big, employees: 12, latitude: 40.7128 }));
    const back = await accounts.get(database.db, 'org_a', 'acc_big');
    expect(back?.annualRevenueMinor).toBe(big);
    expect(back?.potentialMinor).toBe(-big);
    expect(back?.employees).toBe(12);
    expect(back?.latitude).toBeCloseTo(40.7128, 10);
    const sum = await sql<{ s: bigint }>`select sum(annual_revenue_minor) as s from accounts where org_id = 'org_a'`.execute(database.db);
    expect(BigInt(sum.rows[0]?.s as bigint)).toBe(big);
  });

  it('finds records by any part of their text, and follows renames', async () => {
    await accounts.insert(database.db, account('org_a', 'acc_search', { name: 'Globex Corporation', city: 'Zürich' }));
    const search = (term: string) => accounts.list(database.db, { orgId: 'org_a', scope: { kind: 'all' }, search: term, limit: 10 }).then((p) => p.items.map((a) => a.id));
    expect(await search('obex corp')).toEqual(['acc_search']);
    expect(await search('ZURICH')).toEqual(['acc_search']);
    expect(await search('gl')).toEqual(['acc_search']);
    expect(await search('100%')).toEqual([]);
    const current = await accounts.get(database.db, 'org_a', 'acc_search');
    await accounts.update(database.db, { ...(current as NonNullable<typeof current>), name: 'Initrode', version: 2 }, 1);
    expect(await search('globex')).toEqual([]);
    expect(await search('initrode')).toEqual(['acc_search']);
  });

  it('pages through a search term that matches thousands, in sort order', async () => {
    const many = Array.from({ length: 2100 }, (_, i) => account('org_a', `acc_c${String(i).padStart(5, '0')}`, { name: `Commonplace ${String(2100 - i).padStart(5, '0')}` }));
    await accounts.insertMany(database.db, many);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 3; page++) {
      const result = await accounts.list(database.db, { orgId: 'org_a', scope: { kind: 'all' }, search: 'commonplace', limit: 40, ...(cursor ? { cursor } : {}) });
      seen.push(...result.items.map((a) => a.name));
      cursor = result.nextCursor ?? undefined;
    }
    expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => `Commonplace ${String(i + 1).padStart(5, '0')}`));
  });

  it('keeps tenants apart at the database level: no reference into another org', async () => {
    await accounts.insert(database.db, account('org_b', 'acc_b_parent'));
    await expect(accounts.insert(database.db, account('org_a', 'acc_a_child', { parentId: 'acc_b_parent' }))).rejects.toThrow();
    expect(await accounts.get(database.db, 'org_a', 'acc_b_parent')).toBeUndefined();
  });

  it('detects an edited audit row and a removed tail', async () => {
    await database.db.transaction().execute((tx) =>
      auditRepo.append(tx, [1, 2, 3, 4].map((n) => ({ orgId: 'org_a', at: now, actorUserId: 'u', action: 'x.update', entity: 'x', entityId: 'x1', before: { n }, after: { n: n + 1, big: 10n ** 20n } }))),
    );
    expect((await auditRepo.verify(database.db, 'org_a')).break).toBeNull();
    await sql`update audit_log set action = 'x.delete' where org_id = 'org_a' and seq = 2`.execute(database.db);
    expect((await auditRepo.verify(database.db, 'org_a')).break).toEqual({ seq: 2, reason: 'hash_mismatch' });
    await sql`update audit_log set action = 'x.update' where org_id = 'org_a' and seq = 2`.execute(database.db);
    await sql`delete from audit_log where org_id = 'org_a' and seq = 4`.execute(database.db);
    expect((await auditRepo.verify(database.db, 'org_a')).break).toEqual({ seq: 4, reason: 'sequence_gap' });
  });
});

describe('SQLite file settings', () => {
  it('runs in WAL with synchronous=FULL and foreign keys on', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'attain-')), 'a.db');
    const database = openDatabase(file);
    const pragma = async (name: string) => (await sql.raw(`pragma ${name}`).execute(database.db)).rows[0] as Record<string, unknown>;
    expect(String((await pragma('journal_mode')).journal_mode)).toBe('wal');
    expect(Number((await pragma('synchronous')).synchronous)).toBe(2);
    expect(Number((await pragma('foreign_keys')).foreign_keys)).toBe(1);
    await database.close();
  });
});
