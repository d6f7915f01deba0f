import { createAppContext, systemActor, type AppContext } from '@attain/app';
import { DomainError, type Actor, type Organisation } from '@attain/core';
import { migrateToLatest, openDatabase, orgRepo, type Database } from '@attain/store';

/** Exit codes of `attain`: scripts can tell bad input from a broken audit chain from a crash. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  invalidInput: 3,
  notFound: 4,
  verificationFailed: 5,
} as const;

export interface GlobalOptions {
  readonly db?: string;
  readonly json?: boolean;
}

/** DATABASE_URL wins over ATTAIN_DB; --db over both. SQLite at ./data/attain.db by default. */
export function databaseUrl(options: GlobalOptions): string {
  return options.db ?? process.env.DATABASE_URL ?? process.env.ATTAIN_DB ?? './data/attain.db';
}

export interface Runtime {
  readonly database: Database;
  readonly ctx: AppContext;
  readonly json: boolean;
  close(): Promise<void>;
}

/** Opens the database, brings the schema up to date and builds the app context. */
export async function openRuntime(options: GlobalOptions): Promise<Runtime> {
  const database = openDatabase(databaseUrl(options));
  await migrateToLatest(database.db);
  return { database, ctx: createAppContext(database), json: options.json ?? false, close: () => database.close() };
}

/** The organisation a command acts on: by id or name, or the only one there is. */
export async function resolveOrg(rt: Runtime, orgOption: string | undefined): Promise<Organisation> {
  const orgs = await orgRepo.list(rt.database.db);
  if (orgOption) {
    const org = orgs.find((o) => o.id === orgOption || o.name === orgOption);
    if (!org) throw new DomainError('not_found', `no organisation "${orgOption}"`);
    return org;
  }
  if (orgs.length === 0) throw new DomainError('not_found', 'there is no organisation yet: run `attain seed demo` or `attain org create`');
  if (orgs.length > 1) throw new DomainError('validation_failed', `there are ${orgs.length} organisations: choose one with --org`, [{ field: '--org', message: 'required' }]);
  return orgs[0] as Organisation;
}

/** The CLI acts as the organisation's administrator: whoever runs it holds the database. */
export const cliActor = (org: Organisation): Actor => systemActor(org.id);

/** Prints a result: JSON with --json (bigints as strings), otherwise the human text. */
export function output(rt: { json: boolean }, value: unknown, human: () => string): void {
  if (rt.json) process.stdout.write(`${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
  else process.stdout.write(`${human()}\n`);
}

/** Runs a command body with the runtime, mapping failures to messages and exit codes. */
export async function runCommand(options: GlobalOptions, body: (rt: Runtime) => Promise<number | void>): Promise<void> {
  let rt: Runtime | undefined;
  try {
    rt = await openRuntime(options);
    process.exitCode = (await body(rt)) ?? EXIT.ok;
  } catch (error) {
    process.exitCode = reportError(error, options.json ?? false);
  } finally {
    await rt?.close();
  }
}

export function reportError(error: unknown, json: boolean): number {
  if (error instanceof DomainError) {
    const code = error.code === 'not_found' ? EXIT.notFound : error.code === 'validation_failed' || error.code === 'import_failed' ? EXIT.invalidInput : EXIT.failure;
    if (json) process.stdout.write(`${JSON.stringify({ error: { code: error.code, message: error.message, details: error.issues } }, null, 2)}\n`);
    else {
      process.stderr.write(`error: ${error.message}\n`);
      for (const issue of error.issues.slice(0, 50)) process.stderr.write(`  ${issue.line ? `line ${issue.line}, ` : ''}${issue.field}: ${issue.message}\n`);
      if (error.issues.length > 50) process.stderr.write(`  ... and ${error.issues.length - 50} more\n`);
    }
    return code;
  }
  process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.failure;
}
