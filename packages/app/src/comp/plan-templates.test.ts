import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './plan-file.js';
import { runPlanExamples } from './plan-examples.js';

const dir = fileURLToPath(new URL('../../../../plans/templates/', import.meta.url));
const templates = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

describe('plan templates', () => {
  it('includes the templates the product ships', () => {
    expect(templates).toEqual(expect.arrayContaining(['ae-quota-commission.yaml', 'sdr-meetings-pipeline.yaml', 'am-renewals-expansion.yaml', 'spif.yaml', 'manager-override.yaml', 'mbo-bonus.yaml', 'ae-new-logos.yaml']));
  });

  it.each(templates)('%s is a valid plan whose hand-computed examples (2 or more) all pass', (file) => {
    const plan = parsePlanFile({ text: readFileSync(`${dir}${file}`, 'utf8') });
    expect(`${plan.id}.yaml`.length).toBeGreaterThan(5);
    expect(plan.examples.length).toBeGreaterThanOrEqual(2);
    const report = runPlanExamples({ plan });
    const failures = report.examples.filter((e) => !e.pass).map((e) => ({ name: e.name, error: e.error, checks: e.checks.filter((c) => !c.pass) }));
    expect(failures).toEqual([]);
    expect(report.passed).toBe(plan.examples.length);
  });
});
