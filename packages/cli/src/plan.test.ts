import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAttain } from './test-support/run-attain.js';

const templates = fileURLToPath(new URL('../../../plans/templates/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'attain-plan-'));

/** Runs the real `attain` entry point; plan commands need no database. */
const attain = (...args: string[]) => runAttain(args);

const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const BAD = `plan:
  id: bad
  name: Bad
  version: 1
  effective: { from: "2026-01-01" }
  currency: USD
  components:
    - id: c
      name: C
      kind: commission
      measure: { creditTypes: [booking], aggregate: sum }
      mode: marginal
      rateTable:
        basis: amount
        boundary: lower-inclusive
        tiers:
          - { lower: 0, rate: "0.1", multiplyer: "2" }
`;

describe('attain plan', () => {
  it('check: exit 0 on a template; exit 3 with file:line:column for each problem', () => {
    const ok = attain('plan', 'check', join(templates, 'ae-quota-commission.yaml'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('ok, plan ae-quota-commission v1: 1 component, 3 examples');
    const file = write('bad.yaml', BAD.replace('version: 1', 'version: one'));
    const bad = attain('plan', 'check', file);
    expect(bad.code).toBe(3);
    expect(bad.stderr.trim().split('\n')).toEqual([
      `${file}:4:12: plan.version: must be a whole number >= 1`,
      `${file}:17:38: plan.components[0].rateTable.tiers[0].multiplyer: unknown key 'multiplyer' (expected one of lower, upper, rate, payout, multiplier)`,
    ]);
    const json = attain('plan', 'check', file, '--json');
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, errors: [{ line: 4, column: 12, field: 'plan.version' }, { line: 17, column: 38 }] });
    expect(attain('plan', 'check', join(dir, 'missing.yaml')).code).toBe(3);
  });

  it('test: prints each example and exits 0 when all pass, 1 when one fails', () => {
    const ok = attain('plan', 'test', join(templates, 'sdr-meetings-pipeline.yaml'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('PASS  a quiet month');
    expect(ok.stdout).toContain('2 passed, 0 failed');
    const failing = write('failing.yaml', `${BAD.replace(', multiplyer: "2"', '')}  examples:
    - name: off by a cent
      period: { from: "2026-01-01", to: "2026-01-31" }
      credits: [{ type: booking, amount: "1000.00", date: "2026-01-05" }]
      expect: { c: "100.01" }
`);
    const bad = attain('plan', 'test', failing);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('FAIL  off by a cent (line 19)');
    expect(bad.stdout).toContain('FAIL c: expected 100.01, actual 100.00');
    const json = attain('plan', 'test', failing, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ passed: 0, failed: 1, examples: [{ checks: [{ componentId: 'c', expected: '100.01', actual: '100.00', pass: false }] }] });
  });

  it('run: computes from a credits CSV without a database, as a table or as JSON in major units', () => {
    const credits = write('credits.csv', 'id,type,amount,date\nb1,booking,400000.00,2026-02-10\nb2,booking,250000.00,2026-03-05\nr1,renewal,5.00,2026-03-06\n');
    const args = ['plan', 'run', join(templates, 'ae-quota-commission.yaml'), '--credits', credits, '--quota', '500000', '--period', '2026-01-01..2026-03-31', '--target-incentive', '50000.00'];
    const table = attain(...args);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/tier 1 +slice-at-rate 500000\.00\.\.650000\.00 \(150000\.00\) at 0\.15 +22500\.00/);
    expect(table.stdout).toMatch(/cap +limit 100000\.00 \(2 x target incentive\): no change +72500\.00/);
    expect(table.stdout).toMatch(/PAYOUT +USD +72500\.00/);
    expect(table.stdout).toMatch(/hash sha256:[0-9a-f]{64}/);
    const json = attain(...args, '--json');
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout) as { total: string; components: { amount: string; lines: { step: string }[] }[] };
    expect(result.total).toBe('72500.00');
    // Same inputs, same hash: the table and the JSON hash the same calculation.
    expect((result as unknown as { hash: string }).hash).toBe(/hash (sha256:[0-9a-f]{64})/.exec(table.stdout)?.[1]);
    expect(result.components[0]).toMatchObject({ componentId: 'commission', amount: '72500.00', lines: [{ step: 'measure', value: '650000.00', quota: '500000.00', attainment: { display: '1.3000' } }, { step: 'tiers' }, { step: 'cap', adjustment: { limit: '100000.00', acted: false } }] });
  });

  it('run: counts stay counts in a count measure; bad options exit 3 naming the option', () => {
    const credits = write('sdr.csv', 'id,type,amount,date\nm1,meeting-held,0,2026-02-02\nm2,meeting-held,0,2026-02-03\np1,pipeline-created,1000.00,2026-02-04\n');
    const run = attain('plan', 'run', join(templates, 'sdr-meetings-pipeline.yaml'), '--credits', credits, '--quota', '0', '--period', '2026-02-01..2026-02-28');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/tier 0 +slice-at-rate 0\.\.2 \(2\) at 50\.00 each +100\.00/);
    expect(run.stdout).toMatch(/PAYOUT +USD +110\.00/);
    const bad = attain('plan', 'run', join(templates, 'sdr-meetings-pipeline.yaml'), '--credits', credits, '--quota', '0', '--period', '2026-02-01');
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('--period');
    // A component measured against its own quota (new logos): given per component, as a count.
    const logos = write('logos.csv', 'id,type,amount,date\nn1,new-logo,0,2026-01-20\nn2,new-logo,0,2026-02-11\nn3,new-logo,0,2026-03-30\n');
    const paid = attain('plan', 'run', join(templates, 'ae-new-logos.yaml'), '--credits', logos, '--component-quota', 'logos=2', '--period', '2026-01-01..2026-03-31');
    expect([paid.code, paid.stdout]).toEqual([0, expect.stringMatching(/PAYOUT +USD +2000\.00/)]);
    expect(attain('plan', 'run', join(templates, 'ae-new-logos.yaml'), '--credits', logos, '--component-quota', 'logos=1.5', '--period', '2026-Q1')).toMatchObject({ code: 3, stderr: expect.stringContaining('--component-quota') });
  });
});
