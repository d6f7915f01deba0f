import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CapitalizationPolicyWire, JournalEntriesWire, RollForwardWire } from '@attain/contract';
import { runAttain } from './test-support/run-attain.js';

const dir = mkdtempSync(join(tmpdir(), 'attain-capitalization-'));
const db = join(dir, 'cap.db');

/** Runs the real `attain` entry point against the test's own SQLite file. */
const attain = (...args: string[]) => runAttain(['--db', db, ...args]);

const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const YAML = `# Commissions on bookings are incremental; customers stay five years.
incrementalComponentIds: [commission]
benefitPeriod: { basis: customer-life, months: 60 }
practicalExpedient: true
defaultContractTermMonths: 24
accounts:
  deferredCommissionAsset: "1450 Deferred commissions"
  commissionExpense: "6100 Commission expense"
  commissionsPayable: "2150 Commissions payable"
  impairmentExpense: "6110 Commission impairment"
`;

describe('attain capitalization', () => {
  beforeAll(() => {
    const org = attain('org', 'create', '--name', 'Cap Co', '--json');
    expect(org.code, org.stderr).toBe(0);
  }, 60_000);

  it('sets the policy from YAML or JSON as new versions and shows the one in force', () => {
    expect(attain('capitalization', 'policy', 'show').code).toBe(4);
    const set = attain('capitalization', 'policy', 'set', file('policy.yaml', YAML), '--json');
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout) as CapitalizationPolicyWire).toMatchObject({ version: 1, policy: { benefitPeriod: { basis: 'customer-life', months: 60 }, defaultContractTermMonths: 24 } });
    const json = { incrementalComponentIds: ['ae-quota-commission/commission'], benefitPeriod: { basis: 'contract-term' }, practicalExpedient: false, defaultContractTermMonths: 36,
      accounts: { deferredCommissionAsset: '1450', commissionExpense: '6100', commissionsPayable: '2150', impairmentExpense: '6110' } };
    expect(attain('capitalization', 'policy', 'set', file('policy.json', JSON.stringify(json))).code).toBe(0);
    const shown = attain('capitalization', 'policy', 'show');
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('capitalization policy v2');
    expect(shown.stdout).toContain('benefit period: contract term; contracts assumed 36 months');
    expect((JSON.parse(attain('capitalization', 'policy', 'show', '--json').stdout) as CapitalizationPolicyWire).policy).toEqual(json);
  }, 60_000);

  it('refuses a bad policy file with exit code 3 naming the field, and keeps the policy in force', () => {
    const bad = attain('capitalization', 'policy', 'set', file('bad.yaml', YAML.replace('months: 60', 'months: 0')), '--json');
    expect(bad.code).toBe(3);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'benefitPeriod.months' }] } });
    expect(attain('capitalization', 'policy', 'set', file('broken.yaml', 'accounts: [')).code).toBe(3);
    expect(attain('capitalization', 'policy', 'set', join(dir, 'missing.yaml')).code).toBe(3);
    expect((JSON.parse(attain('capitalization', 'policy', 'show', '--json').stdout) as CapitalizationPolicyWire).version).toBe(2);
  }, 60_000);

  it('prints the roll-forward and the journal (JSON, text, CSV); a bad month is exit code 3', () => {
    const r = attain('capitalization', 'roll-forward', '--from', '2026-02', '--to', '2026-04', '--json');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as RollForwardWire;
    expect(report.months.map((m) => m.month)).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(report.total).toEqual({ openingMinor: '0', capitalizedMinor: '0', amortizedMinor: '0', impairedMinor: '0', closingMinor: '0' });
    const text = attain('capitalization', 'roll-forward', '--from', '2026-02', '--to', '2026-04');
    expect(text.stdout).toMatch(/^total\s+0\.00\s+0\.00\s+0\.00\s+0\.00\s+0\.00$/m);
    const j = attain('capitalization', 'journal', '--from', '2026-01', '--to', '2026-12', '--json');
    expect((JSON.parse(j.stdout) as JournalEntriesWire).items).toEqual([]);
    expect(attain('capitalization', 'journal', '--from', '2026-01', '--to', '2026-12', '--csv').stdout.trim()).toBe('entry_id,date,kind,account,debit,credit,currency,contract_id,payee_id,cost_id,memo');
    const badMonth = attain('capitalization', 'roll-forward', '--from', '2026-2', '--to', '2026-04', '--json');
    expect(badMonth.code).toBe(3);
    expect(JSON.parse(badMonth.stdout)).toMatchObject({ error: { details: [{ field: 'from' }] } });
  }, 60_000);
});
