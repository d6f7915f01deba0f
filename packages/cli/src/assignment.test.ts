import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAttain } from './test-support/run-attain.js';
import type { PlanAssignmentDetail, PlanAssignmentItem } from '@attain/contract';

const db = join(mkdtempSync(join(tmpdir(), 'attain-assignment-')), 'demo.db');

/** Runs the real `attain` entry point against the test's own SQLite file. */
const attain = (...args: string[]) => runAttain(['--db', db, ...args]);

describe('attain assignment', () => {
  beforeAll(() => {
    const seeded = attain('seed', 'demo', '--size', 'small', '--seed', '5', '--json');
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 120_000);

  it('lists a person\'s assignments by e-mail, as JSON and as text', () => {
    const listed = attain('assignment', 'list', '--person', 'rep@example.com', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const items = (JSON.parse(listed.stdout) as { items: PlanAssignmentItem[] }).items;
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items.every((a) => a.personName === 'Ray Rep')).toBe(true);
    const text = attain('assignment', 'list', '--person', 'rep@example.com');
    expect(text.stdout).toContain('Ray Rep');
    expect(attain('assignment', 'list', '--person', 'nobody@example.com').code).toBe(4);
    expect(attain('assignment', 'list', '--as-of', 'tomorrow').code).toBe(3);
  }, 60_000);

  it('explains the terms of a period', () => {
    const all = (JSON.parse(attain('assignment', 'list', '--json').stdout) as { items: PlanAssignmentItem[] }).items;
    const a = all.find((x) => x.planKey === 'ae-quota-commission') as PlanAssignmentItem;
    const terms = attain('assignment', 'terms', a.id, '--period', `${a.validFrom}..${a.validFrom}`, '--json');
    expect(terms.code, terms.stderr).toBe(0);
    expect((JSON.parse(terms.stdout) as PlanAssignmentDetail).terms).toMatchObject({ daysOnPlan: 1 });
    const text = attain('assignment', 'terms', a.id, '--period', `${a.validFrom}..${a.validFrom}`);
    expect(text.stdout).toMatch(/target incentive: [\d.]+ USD/);
    expect(attain('assignment', 'terms', a.id, '--period', 'later').code).toBe(3);
    expect(attain('assignment', 'terms', 'pas_none', '--period', '2026-Q1').code).toBe(4);
  }, 60_000);
});
