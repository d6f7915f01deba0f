import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySmallDemo, runAttain } from './test-support/run-attain.js';

const AE = readFileSync(new URL('../../../plans/templates/ae-quota-commission.yaml', import.meta.url), 'utf8');

describe('attain plan save and publish', () => {
  it('stores a file as a draft, refuses its author as publisher, publishes it as someone else, and places a bad file\'s problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'attain-plan-save-'));
    const db = join(dir, 'demo.db');
    copySmallDemo(db);
    const file = join(dir, 'ae-2028.yaml');
    writeFileSync(file, AE.replace('id: ae-quota-commission', 'id: ae-2028'));

    const saved = runAttain(['--db', db, 'plan', 'save', file, '--as', 'ops@example.com', '--json']);
    expect(saved.code).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ plan: { key: 'ae-2028' }, version: { version: 1, status: 'draft' } });

    const byAuthor = runAttain(['--db', db, 'plan', 'publish', '--plan', 'ae-2028', '--plan-version', '1', '--as', 'ops@example.com']);
    expect(byAuthor.code).toBe(1);
    expect(byAuthor.stderr).toMatch(/cannot also publish it/);
    const published = runAttain(['--db', db, 'plan', 'publish', '--plan', 'ae-2028', '--plan-version', '1', '--as', 'finance@example.com']);
    expect(published).toMatchObject({ code: 0, stdout: expect.stringMatching(/^published ae-2028 v1 \(published\)/) });

    // The next version is version 2; a file still saying 1 is refused at its line.
    const stale = runAttain(['--db', db, 'plan', 'save', file, '--as', 'ops@example.com']);
    expect(stale.code).toBe(3);
    expect(stale.stderr).toMatch(/line 7, column 12: plan\.version: must be 2/);
  }, 60_000);
});
