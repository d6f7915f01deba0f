import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QuotaPlanApproved, QuotaPlanComparison, QuotaPlanDetail, QuotaTeamSummary, QuotaTeamView } from '@attain/contract';
import { copySmallDemo, runAttain } from './test-support/run-attain.js';

const sum = (xs: readonly string[]) => xs.reduce((s, x) => s + BigInt(x), 0n);

describe('attain quota plan', () => {
  it('creates a plan on the demo, edits it into version 2, compares, takes a manager\'s proposal and sign-off, submits, rejects, approves (not by ops), changes it from a day, diagnoses; a rep may not; a bad option is named', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'attain-quota-plan-')), 'demo.db');
    copySmallDemo(db);
    const attain = (...args: string[]) => runAttain(['--db', db, 'quota', ...args]);
    const json = <T>(...args: string[]): T => {
      const run = attain(...args, '--json');
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as T;
    };

    // The demo's fiscal year starts in February: FY2028 is 2027-02-01..2028-01-31.
    const plan = json<QuotaPlanDetail>('plan', 'create', '--year', '2028', '--target', '60000000.00', '--phasing', '0.2,0.2,0.2,0.4', '--ramp', 'ae=0,0.25,0.5,0.75',
      '--placeholder', 'New AE (West):ae:manager@example.com:2027-05-01:1200000.00:approved headcount', '--as', 'ops@example.com');
    expect(plan).toMatchObject({ status: 'draft', version: 1, fiscalYear: 2028, yearFrom: '2027-02-01', yearTo: '2028-01-31', phasing: { by: 'quarter' }, ramps: { ae: ['0', '0.25', '0.5', '0.75'] } });
    // The lines that carry quota sum to the target, and every node of the cascade is its lines' sum.
    const carrying = plan.lines.filter((l) => l.kind !== 'manager');
    expect(sum(carrying.map((l) => l.annualMinor))).toBe(6_000_000_000n);
    for (const node of plan.cascade) {
      expect(BigInt(node.childrenMinor)).toBe(sum(plan.lines.filter((l) => l.parentKey === node.key).map((l) => l.annualMinor)));
      expect([node.childrenMinor, node.overBound, node.short]).toEqual([node.quotaMinor, false, false]);
    }
    // The hire starts on May 1 (Q2) and ramps 0 / 0.25 / 0.5 / 0.75: 1,200,000.00 x 0.2 / 3 a month in Q1-Q3, x 0.4 / 3 in Q4.
    const hire = plan.lines.find((l) => l.kind === 'placeholder');
    expect(hire).toMatchObject({ key: 'tbh-1', parentKey: plan.lines.find((l) => l.name === 'Maria Manager')?.key, quarters: ['0', '6000000', '22000000', '48000000'], inYearMinor: '76000000' });
    const ray = plan.lines.find((l) => l.name === 'Ray Rep');
    // A seller there all year carries her annual quota, phased 20/20/20/40 (to the cent).
    const [q1 = 0n, , , q4 = 0n] = (ray?.quarters ?? []).map(BigInt);
    expect(sum(ray?.quarters ?? [])).toBe(BigInt(ray?.annualMinor ?? -1));
    expect(Math.abs(Number(q4 - 2n * q1))).toBeLessThanOrEqual(2);

    const shown = attain('plan', 'show', plan.id, '--as', 'finance@example.com');
    expect(shown.code, shown.stderr).toBe(0);
    const indent = (name: string) => /^ */.exec(shown.stdout.split('\n').find((row) => row.trimStart().startsWith(name)) ?? '')?.[0].length ?? -1;
    expect(indent('Ethan Ferguson')).toBeLessThan(indent('Maria Manager'));
    expect(indent('Maria Manager')).toBeLessThan(indent('Ray Rep'));
    expect(shown.stdout).toContain('New AE (West) [tbh-1]');
    expect(shown.stdout).toMatch(/The cascade[\s\S]*Company target[\s\S]*capacity: [\s\S]*created/);

    // Ray's quota up by a tenth of Maria's: her team now sums over the 5% bound.
    const maria = plan.lines.find((l) => l.name === 'Maria Manager');
    const raised = (BigInt(ray?.annualMinor ?? 0) + BigInt(maria?.annualMinor ?? 0) / 10n) / 100n;
    const v2 = json<QuotaPlanDetail>('plan', 'set', plan.id, '--person', 'rep@example.com', '--amount', `${raised}.00`, '--reason', 'takes the west', '--as', 'ops@example.com');
    expect(v2.version).toBe(2);
    expect(v2.cascade.find((n) => n.name === 'Maria Manager')).toMatchObject({ overBound: true });
    expect(json<QuotaPlanComparison>('plan', 'compare', plan.id, '--from', '1', '--to', '2', '--as', 'finance@example.com')).toMatchObject({
      lines: [{ name: 'Ray Rep', beforeMinor: ray?.annualMinor, afterMinor: `${raised}00`, reason: 'takes the west' }], settings: [],
    });
    expect(attain('plan', 'set', plan.id, '--person', 'nobody@example.com', '--amount', '1.00', '--reason', 'x', '--as', 'ops@example.com')).toMatchObject({ code: 3, stderr: expect.stringContaining('--person') });

    // Bottom-up: Maria sees her team's lines only and proposes for Ray; anyone outside her team is a bad --person; a rep has no team view.
    const teams = json<QuotaTeamSummary[]>('team', 'list', '--as', 'manager@example.com');
    expect(teams).toMatchObject([{ id: plan.id, version: 2, status: 'draft' }]);
    const proposed = json<QuotaTeamView>('team', 'propose', plan.id, '--person', 'rep@example.com', '--amount', '2500000.00', '--reason', 'her pipeline', '--comment', 'west', '--as', 'manager@example.com');
    expect(proposed.lines.every((l) => l.key === proposed.managerKey || l.parentKey !== null)).toBe(true);
    expect(proposed.lines.some((l) => l.name === 'Ethan Ferguson')).toBe(false);
    expect(proposed.proposals).toMatchObject([{ version: 2, comment: 'west', edits: [{ name: 'Ray Rep', currentMinor: `${raised}00`, proposedMinor: '250000000', reason: 'her pipeline' }] }]);
    expect(attain('team', 'show', plan.id, '--as', 'manager@example.com').stdout).toMatch(/your team: [\s\S]*Ray Rep[\s\S]*Your proposals[\s\S]*2500000.00/);
    expect(attain('team', 'propose', plan.id, '--person', 'manager@example.com', '--amount', '1.00', '--reason', 'x', '--as', 'manager@example.com')).toMatchObject({ code: 3, stderr: expect.stringContaining('--person') });
    expect(attain('team', 'list', '--as', 'rep@example.com')).toMatchObject({ code: 1, stderr: expect.stringMatching(/not allowed/) });

    expect(attain('plan', 'submit', plan.id, '--comment', 'FY2028 for review', '--as', 'ops@example.com')).toMatchObject({ code: 0, stdout: expect.stringContaining('in_review') });
    expect(json<QuotaTeamView>('team', 'sign-off', plan.id, '--comment', 'agreed', '--as', 'manager@example.com')).toMatchObject({ signedOff: true, abilities: { signOff: true } });
    // Ops may not approve at all (whoever submitted may not either: the app's tests hold that rule).
    expect(attain('plan', 'approve', plan.id, '--as', 'ops@example.com')).toMatchObject({ code: 1, stderr: expect.stringMatching(/not allowed/) });
    expect(attain('plan', 'reject', plan.id, '--comment', 'resubmit it', '--as', 'finance@example.com')).toMatchObject({ code: 0, stdout: expect.stringContaining('draft') });
    expect(attain('plan', 'submit', plan.id, '--as', 'ops@example.com')).toMatchObject({ code: 0 });
    expect(attain('plan', 'approve', plan.id, '--as', 'finance@example.com')).toMatchObject({ code: 3, stderr: expect.stringMatching(/comment: .*Maria Manager/) });
    const approved = json<QuotaPlanApproved>('plan', 'approve', plan.id, '--comment', 'the west is worth it', '--as', 'finance@example.com');
    expect(approved.plan).toMatchObject({ status: 'approved', approvedVersion: 2 });
    // Each line is written into her plan assignment at the plan's quota or skipped saying why, once at most. The demo
    // publishes next year's plan versions, so the sellers with an assignment this year roll forward into FY2028.
    const quotaOf = new Map(v2.lines.map((l) => [l.key, l.annualMinor]));
    for (const a of approved.applied) expect(a.annualMinor).toBe(quotaOf.get(a.personId));
    const handled = [...approved.applied.map((a) => a.personId), ...approved.skipped.map((s) => s.key)];
    expect(new Set(handled).size).toBe(handled.length);
    expect(approved.skipped.every((s) => s.reason.length > 0)).toBe(true);
    const rayKey = ray?.key ?? '';
    expect(approved.applied.find((a) => a.personId === rayKey)).toMatchObject({ annualMinor: `${raised}00`, validFrom: '2027-02-01', validTo: '2027-12-31', how: 'rolled-forward' });
    expect(approved.skipped.find((s) => s.key === 'tbh-1')?.reason).toContain('to be hired');
    expect(approved.skipped.find((s) => s.name === 'Ethan Ferguson')?.reason).toContain('no plan assignment with a quota');
    const approvedText = attain('plan', 'show', plan.id, '--as', 'finance@example.com').stdout;
    expect(approvedText).toMatch(/approved, version 2 \(approved: version 2\)[\s\S]*padding accepted \(Maria Manager\): the west is worth it/);
    // A change to the approved plan takes effect from a day, her quota before it kept.
    const midYear = json<QuotaPlanDetail>('plan', 'set', plan.id, '--person', 'rep@example.com', '--amount', '3000000.00', '--reason', 'takes the east too', '--change-reason', 'territory-change', '--from', '2028-01-03', '--as', 'ops@example.com');
    expect(midYear.lines.find((l) => l.key === rayKey)).toMatchObject({ annualMinor: '300000000', earlier: [{ annualMinor: `${raised}00`, until: '2028-01-03' }] });
    expect(midYear.versions.at(-1)?.reason).toBe('territory-change from 2028-01-03: takes the east too');

    const d = json<{ version: number; diagnostics: QuotaPlanDetail['diagnostics']; capacity: QuotaPlanDetail['capacity']; overBound: { name: string }[] }>('diagnose', plan.id, '--plan-version', '2', '--as', 'ops@example.com');
    expect(d).toMatchObject({ version: 2, capacity: { sellers: carrying.length }, overBound: [{ name: 'Maria Manager' }] });
    expect(d.diagnostics.quotaToOte?.sellers).toBeGreaterThan(5);
    expect(d.diagnostics.shareAtQuota === null ? d.diagnostics.notEnoughHistory : 'predicted').toEqual(expect.any(String));

    expect(attain('diagnose', plan.id, '--as', 'rep@example.com')).toMatchObject({ code: 1, stderr: expect.stringMatching(/not allowed/) });
    expect(attain('plan', 'create', '--year', '2029', '--target', '1.00', '--phasing', '0.2,0.2,0.2,0.3', '--as', 'ops@example.com')).toMatchObject({ code: 3, stderr: expect.stringContaining('--phasing') });
  }, 120_000);
});
