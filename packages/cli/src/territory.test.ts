import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countyAt } from '@attain/app';
import type { AccountTerritoryHistory, TerritoryActivateResult, TerritoryDiffWire, TerritoryModelDetail, TerritoryOptimizeResult } from '@attain/contract';
import { openDatabase } from '@attain/store';
import { copySmallDemo, runAttain } from './test-support/run-attain.js';

describe('attain territory optimize', () => {
  it('cuts the US counties into connected territories within the band and writes a plan anyone can check', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'attain-territory-')), 'plan.json');
    const run = runAttain(['territory', 'optimize', '--territories', '10', '--tolerance', '0.05', '--out', out]);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('every territory within +/-5.00% of the mean') });
    const plan = JSON.parse(readFileSync(out, 'utf8')) as { assignment: Record<string, number>; weights: number[]; withinBand: boolean; metrics: { disconnected: number; maxDeviation: number } };
    expect(Object.keys(plan.assignment)).toHaveLength(3108);
    expect(new Set(Object.values(plan.assignment))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(plan).toMatchObject({ withinBand: true, metrics: { disconnected: 0 } });
    expect(plan.metrics.maxDeviation).toBeLessThanOrEqual(0.05);
    // Fifty territories need Los Angeles (2.2 means) split: the plan says which counties, and how.
    const split = runAttain(['territory', 'optimize', '--territories', '50', '--split', '--json']);
    const fifty = JSON.parse(split.stdout) as { splits: Record<string, Record<string, number>>; withinBand: boolean; metrics: { disconnected: number; maxDeviation: number } };
    expect(fifty).toMatchObject({ withinBand: true, metrics: { disconnected: 0 } });
    expect(Object.keys(fifty.splits).length).toBeLessThanOrEqual(49);
    expect(Object.keys(fifty.splits['06037'] ?? {}).length).toBeGreaterThan(1);
    const bad = runAttain(['territory', 'optimize', '--territories', 'ten']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('--territories: must be a whole number');
  }, 60_000);
});

/** The demo's accounts as the database holds them (read in process, between the commands). */
async function demoAccounts(db: string): Promise<{ id: string; latitude: number | null; longitude: number | null; ownerId: string | null }[]> {
  const database = openDatabase(db);
  try {
    const rows = await database.db.selectFrom('accounts').select(['id', 'latitude', 'longitude', 'owner_id']).where('archived_at', 'is', null).execute();
    return rows.map((r) => ({ id: String(r.id), latitude: r.latitude === null ? null : Number(r.latitude), longitude: r.longitude === null ? null : Number(r.longitude), ownerId: r.owner_id === null ? null : String(r.owner_id) }));
  } finally {
    await database.close();
  }
}

describe('attain territory models', () => {
  it('creates a model on the demo, optimizes it into contiguous county territories, shows the dry run, activates it today; a rep may not, a bad file is named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attain-territory-models-'));
    const db = join(dir, 'demo.db');
    copySmallDemo(db);
    const attain = (...args: string[]) => runAttain(['--db', db, 'territory', ...args]);
    const json = <T>(run: { code: number | null; stdout: string; stderr: string }): T => {
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as T;
    };
    const today = new Date().toISOString().slice(0, 10);
    const before = await demoAccounts(db);

    const created = json<TerritoryModelDetail>(attain('create', '--name', 'FY27 regions', '--as', 'ops@example.com', '--json'));
    expect([created.status, created.version, created.territories]).toEqual(['planning', 1, 0]);

    // By name: a model is its id or its name.
    const optimized = json<TerritoryOptimizeResult>(attain('optimize', '--model', 'FY27 regions', '--territories', '6', '--tolerance', '0.1', '--as', 'ops@example.com', '--json'));
    const d = optimized.model.definition;
    expect([optimized.model.id, optimized.model.version, d.territories.length, optimized.metrics.disconnected, optimized.metrics.empty]).toEqual([created.id, 2, 6, 0, 0]);
    // Every account located in a county is in exactly one rule.
    const rulesOf = new Map<string, number>();
    for (const r of d.rules) for (const fips of (r.filter as { values: string[] }).values) rulesOf.set(fips, (rulesOf.get(fips) ?? 0) + 1);
    const located = before.map((a) => countyAt(a.latitude, a.longitude)).filter((fips): fips is string => fips !== null);
    expect(located.length).toBeGreaterThan(before.length / 2);
    expect(located.filter((fips) => rulesOf.get(fips) !== 1)).toEqual([]);

    const diff = json<TerritoryDiffWire>(attain('diff', created.id, '--date', today, '--as', 'ops@example.com', '--json'));
    expect([diff.modelId, diff.effectiveDate, diff.accounts]).toEqual([created.id, today, before.length]);
    expect(diff.moved.accounts).toBeGreaterThan(0);
    expect(diff.moved.accounts).toBeLessThanOrEqual(diff.accounts);

    // Carrying quota needs the year's quota plan, which the demo has not: refused, nothing activated.
    expect(attain('activate', created.id, '--date', today, '--carry-quota', '--as', 'ops@example.com')).toMatchObject({ code: 3, stderr: expect.stringMatching(/carryQuota: there is no FY\d+ quota plan/) });
    const activated = json<TerritoryActivateResult>(attain('activate', created.id, '--date', today, '--as', 'ops@example.com', '--json'));
    expect(activated.quota).toBeNull();
    expect([activated.model.status, activated.model.effectiveFrom, activated.pending, activated.accountOwnersSet]).toEqual(['active', today, false, diff.moved.accounts]);

    // An account whose owner the activation changed has a row from today with its new owner.
    const after = new Map((await demoAccounts(db)).map((a) => [a.id, a.ownerId]));
    const moved = before.find((a) => after.get(a.id) !== a.ownerId);
    expect(moved).toBeDefined();
    const history = json<AccountTerritoryHistory>(attain('history', moved?.id as string, '--as', 'ops@example.com', '--json'));
    expect(history.items).toContainEqual(expect.objectContaining({ validFrom: today, validTo: null, modelId: created.id, ownerId: after.get(moved?.id as string) }));

    expect(attain('models', '--as', 'manager@example.com')).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`${created.id}\\s+FY27 regions\\s+active\\s+6\\s+${today}\\s+2\\n`)) });

    // A copy of the active model rebalanced: the same territories, at most 10% of the potential moving.
    json<TerritoryModelDetail>(attain('create', '--name', 'FY27 rebalanced', '--copy-of', created.id, '--as', 'ops@example.com', '--json'));
    const rebalanced = json<TerritoryOptimizeResult>(attain('optimize', '--model', 'FY27 rebalanced', '--rebalance', '--max-disruption', '0.1', '--secondary', 'accounts:0.5', '--tolerance', '0.05', '--as', 'ops@example.com', '--json'));
    expect(rebalanced.model.definition.territories.map((x) => x.key)).toEqual(d.territories.map((x) => x.key));
    expect([rebalanced.from, rebalanced.secondary.map((x) => x.measure)]).toEqual(['current', ['accounts']]);
    expect(rebalanced.movedShare).toBeLessThanOrEqual(0.1);
    expect(attain('optimize', '--model', 'FY27 rebalanced', '--rebalance', '--territories', '4', '--as', 'ops@example.com')).toMatchObject({ code: 3, stderr: expect.stringContaining('--territories') });

    const refused = attain('create', '--name', 'Mine', '--as', 'rep@example.com');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/not allowed/);

    const file = join(dir, 'model.json');
    writeFileSync(file, '{"ownerRole": "ae",');
    const bad = attain('save', created.id, '--file', file, '--as', 'ops@example.com');
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain(`${file} is not JSON`);
  }, 120_000);
});
