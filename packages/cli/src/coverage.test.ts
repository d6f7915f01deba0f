import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySmallDemo, runAttain } from './test-support/run-attain.js';

describe('attain coverage', () => {
  it('shows the starter model on the demo, analyses a draft file, saves it, applies it; a bad file is named by path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'attain-coverage-'));
    const db = join(dir, 'demo.db');
    copySmallDemo(db);

    // The starter model cuts segments as the demo data does: applying it changes nothing.
    const shown = runAttain(['--db', db, 'coverage', 'show', '--as', 'manager@example.com', '--json']);
    expect(shown.code).toBe(0);
    const starter = JSON.parse(shown.stdout) as { version: null; model: { segments: { key: string }[] }; analysis: { accounts: number; changes: number; segments: { accounts: number }[] } };
    expect(starter).toMatchObject({ version: null, analysis: { changes: 0 } });
    expect(starter.analysis.segments.reduce((n, s) => n + s.accounts, 0)).toBe(starter.analysis.accounts);

    const file = join(dir, 'model.json');
    writeFileSync(file, JSON.stringify({
      segments: [{ key: 'big', name: 'Big', rule: { field: 'employees', op: 'gte', value: '500' }, coverage: [{ role: 'ae', hoursPerAccount: '10' }] }, { key: 'rest', name: 'Rest', rule: null, coverage: [] }],
      roles: [{ key: 'ae', name: 'AE', hoursPerRep: '100', headcount: 2 }],
    }));
    const draft = runAttain(['--db', db, 'coverage', 'analyze', file, '--as', 'ops@example.com']);
    expect(draft).toMatchObject({ code: 0, stdout: expect.stringMatching(/AE \(ae\): \d+ h a year at 100 h a rep -> \d+ reps for full coverage; 2 cover 20 accounts/) });
    expect(runAttain(['--db', db, 'coverage', 'save', file, '--as', 'manager@example.com']).code).toBe(1);
    expect(runAttain(['--db', db, 'coverage', 'save', file, '--as', 'ops@example.com'])).toMatchObject({ code: 0, stdout: 'saved coverage model version 1\n' });
    const applied = runAttain(['--db', db, 'coverage', 'apply', '--as', 'ops@example.com', '--json']);
    expect(JSON.parse(applied.stdout)).toMatchObject({ version: 1, changed: starter.analysis.accounts });

    writeFileSync(file, JSON.stringify({ segments: [{ key: 'all', name: 'All', rule: { field: 'employees', op: 'gte', value: 'many' } }], roles: [] }));
    const bad = runAttain(['--db', db, 'coverage', 'save', file, '--as', 'ops@example.com']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('segments[0].rule: the last segment takes every account left');
  }, 60_000);
});
