import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { copySmallDemo, runAttain, spawnAttain } from './test-support/run-attain.js';

const dir = mkdtempSync(join(tmpdir(), 'attain-calc-kill-'));
const db = join(dir, 'demo.db');
const attain = (file: string, ...args: string[]) => runAttain(['--db', file, ...args]);
const PERIOD = 'FY2027-Q1';

type RunRow = { id: string; status: string; payee_count: number | null; outputs_hash: string | null };

/** What the file holds of the calc runs: every run, and how many results and ledger entries each wrote. */
function snapshot(file: string) {
  const sqlite = new SQLite(file, { readonly: true });
  try {
    const runs = sqlite.prepare('select id, status, payee_count, outputs_hash from calc_runs order by started_at').all() as RunRow[];
    const count = (table: string, id: string) => (sqlite.prepare(`select count(*) as n from ${table} where run_id = ?`).get(id) as { n: number }).n;
    return runs.map((r) => ({ ...r, results: count('calc_results', r.id), entries: count('ledger_entries', r.id) }));
  } finally {
    sqlite.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(probe: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const found = probe();
    if (found !== undefined) return found;
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A run either published all its results and ledger entries or wrote none: never part. */
function expectAllOrNothing(file: string): void {
  for (const r of snapshot(file)) {
    if (r.status === 'published') expect(r.results, r.id).toBe(r.payee_count);
    else expect([r.status, r.results, r.entries], r.id).toEqual([r.status, 0, 0]);
  }
}

describe('a calc run killed mid-way', () => {
  let control: string;

  beforeAll(() => {
    copySmallDemo(db);
    // The same data, calculated without interruption, gives the hash a re-run must match.
    control = join(dir, 'control.db');
    copyFileSync(db, control);
    expect(attain(control, 'calc', 'run', '--period', PERIOD).code).toBe(0);
  }, 120_000);

  it('leaves no partial results, is marked interrupted by the next run, and the re-run gives the same hash', async () => {
    const child = spawnAttain(['--db', db, 'calc', 'run', '--period', PERIOD]);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Once the run is recorded, hold the database's write lock: the run computes but cannot write
    // progress or publish, so the kill lands mid-run every time.
    await waitFor(() => snapshot(db).find((r) => r.status === 'running'), 'the run to start');
    const lock = new SQLite(db);
    lock.exec('begin immediate');
    await sleep(500);
    child.kill('SIGKILL');
    await exited;
    lock.exec('rollback');
    lock.close();

    const [killed] = snapshot(db);
    expect(killed).toMatchObject({ status: 'running', results: 0, entries: 0 });

    const rerun = attain(db, '--json', 'calc', 'run', '--period', PERIOD);
    expect(rerun.code, rerun.stderr).toBe(0);
    const runs = snapshot(db);
    expect(runs.map((r) => r.status)).toEqual(['interrupted', 'published']);
    expect(runs[1]?.outputs_hash).toBe(snapshot(control)[0]?.outputs_hash);
    expect(attain(db, 'calc', 'verify', runs[1]?.id as string).code).toBe(0);

    // The rest of the cycle on the CLI: approvals by the demo's people, close, and every closed run verifies.
    for (const who of ['manager', 'admin', 'controller']) expect(attain(db, 'statement', 'approve', '--all', '--period', PERIOD, '--as', `${who}@example.com`).code).toBe(0);
    const closed = attain(db, 'period', 'close', PERIOD, '--as', 'finance@example.com');
    expect(closed.code, closed.stderr).toBe(0);
    const verified = attain(db, '--json', 'calc', 'verify', '--closed');
    expect(verified.code, verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, runs: [{ runId: runs[1]?.id, ok: true }] });
  }, 120_000);

  it('is all or nothing whenever the kill lands', async () => {
    for (const delay of [120, 350, 600, 900, 1300]) {
      const child = spawnAttain(['--db', db, 'calc', 'run', '--period', PERIOD]);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await sleep(delay);
      child.kill('SIGKILL');
      await exited;
      expectAllOrNothing(db);
    }
    const last = attain(db, '--json', 'calc', 'run', '--period', PERIOD);
    expect(last.code, last.stderr).toBe(0);
    expect(snapshot(db).at(-1)?.outputs_hash).toBe(snapshot(control)[0]?.outputs_hash);
  }, 120_000);

  it('leaves no partial results when the run is shared among worker threads, and their re-run pays the same', async () => {
    const workers = process.env.ATTAIN_CALC_WORKERS;
    process.env.ATTAIN_CALC_WORKERS = '2';
    try {
      const child = spawnAttain(['--db', db, 'calc', 'run', '--period', PERIOD]);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const running = await waitFor(() => snapshot(db).find((r) => r.status === 'running'), 'the run to start');
      // The workers read on; the lock keeps the run from writing progress or publishing until the kill.
      const lock = new SQLite(db);
      lock.exec('begin immediate');
      await sleep(800);
      child.kill('SIGKILL');
      await exited;
      lock.exec('rollback');
      lock.close();
      expect(snapshot(db).find((r) => r.id === running.id)).toMatchObject({ status: 'running', results: 0, entries: 0 });

      const rerun = attain(db, '--json', 'calc', 'run', '--period', PERIOD);
      expect(rerun.code, rerun.stderr).toBe(0);
      expectAllOrNothing(db);
      expect(snapshot(db).find((r) => r.id === running.id)?.status).toBe('interrupted');
      // Two partitions change the inputs hash, not what anyone is paid.
      expect(snapshot(db).at(-1)?.outputs_hash).toBe(snapshot(control)[0]?.outputs_hash);
    } finally {
      if (workers === undefined) delete process.env.ATTAIN_CALC_WORKERS;
      else process.env.ATTAIN_CALC_WORKERS = workers;
    }
  }, 120_000);
});

