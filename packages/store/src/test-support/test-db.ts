import { randomBytes } from 'node:crypto';
import { migrateToLatest, openDatabase, type Database } from '../index.js';
import pg from 'pg';

export type TestDialect = 'sqlite' | 'postgres';

/** The dialects the tests run on: SQLite always, PostgreSQL when ATTAIN_TEST_PG_URL is set. */
export function testDialects(): TestDialect[] {
  return process.env.ATTAIN_TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

let warned = false;
/** Says once per process that PostgreSQL tests are skipped, so a green run is not mistaken for a full one. */
export function warnIfPostgresSkipped(): void {
  if (!process.env.ATTAIN_TEST_PG_URL && !warned) {
    warned = true;
    console.warn('ATTAIN_TEST_PG_URL is not set: PostgreSQL tests are skipped (SQLite only).');
  }
}

/**
 * A fresh, migrated database: SQLite in memory, or a new database of its own on the test
 * PostgreSQL server (dropped by `close`), so test files never see each other's rows.
 */
export async function openTestDatabase(dialect: TestDialect): Promise<Database> {
  if (dialect === 'sqlite') {
    const database = openDatabase(':memory:');
    await migrateToLatest(database.db);
    return database;
  }
  const base = process.env.ATTAIN_TEST_PG_URL;
  if (!base) throw new Error('ATTAIN_TEST_PG_URL is not set');
  const name = `attain_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = openDatabase(url.toString(), { poolSize: 4 });
  await migrateToLatest(database.db);
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: base });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
