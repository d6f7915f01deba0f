import { DomainError, type FieldIssue } from '@attain/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './plan-file.js';
import type { PlanIssue, PlanTierComponent } from './plan-schema.js';

const VALID = `plan:
  id: ae
  name: AE plan
  version: 2
  effective: { from: "2026-01-01", to: "2026-12-31" }
  currency: USD
  components:
    - id: commission
      name: Commission
      kind: commission
      measure: { creditTypes: [booking], aggregate: sum }
      mode: marginal
      rateTable:
        basis: amount
        boundary: lower-inclusive
        tiers:
          - { lower: 0, upper: 10000.00, rate: 0.1 }
          - { lower: 10000.00, rate: "0.20" }
      cap: { amount: "5000.00" }
  examples:
    - name: fifteen thousand
      period: { from: "2026-01-01", to: "2026-01-31" }
      credits:
        - { type: booking, amount: 15000, date: "2026-01-02" }
      expect: { commission: "2000.00" }
`;

/** Parses and returns the issues of the DomainError it must throw. */
function issuesOf(text: string): PlanIssue[] {
  try {
    parsePlanFile({ text });
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return [...(error as DomainError).issues] as PlanIssue[];
  }
  throw new Error('expected a DomainError');
}

const replace = (from: string, to: string): string => {
  expect(VALID).toContain(from);
  return VALID.replace(from, to);
};

describe('parsePlanFile', () => {
  it('reads a plan into core components, money exactly in minor units and rates from their source text', () => {
    const plan = parsePlanFile({ text: VALID });
    expect(plan).toMatchObject({ id: 'ae', version: 2, currency: 'USD', effective: { from: '2026-01-01', to: '2026-12-31' } });
    const c = plan.components[0] as PlanTierComponent;
    expect(c.rateTable.tiers).toEqual([
      { lower: { units: 0n, scale: 0 }, upper: { units: 1_000_000n, scale: 0 }, rate: { units: 1n, scale: 1 } },
      { lower: { units: 1_000_000n, scale: 0 }, rate: { units: 20n, scale: 2 } },
    ]);
    expect(c).toMatchObject({ accumulation: 'period', rounding: { point: 'total', mode: 'half-even' }, cap: { kind: 'amount', limitMinor: 500_000n } });
    expect(plan.examples[0]).toMatchObject({ credits: [{ id: 'c1', amountMinor: 1_500_000n }], expect: { commission: 200_000n } });
  });

  it('keeps unquoted YAML numbers exact: 0.1 is "0.1", never a float', () => {
    const plan = parsePlanFile({ text: replace('rate: 0.1 }', 'rate: 0.1000000000000000055511151231257827 }') });
    expect((plan.components[0] as PlanTierComponent).rateTable.tiers[0]?.rate).toEqual({ units: 1000000000000000055511151231257827n, scale: 34 });
  });

  it('reads JSON, which is YAML too', () => {
    const json = JSON.stringify({ plan: { id: 'j', name: 'J', version: 1, effective: { from: '2026-01-01' }, currency: 'EUR', components: [{ id: 'c', name: 'C', kind: 'bonus', measure: { creditTypes: ['booking'], aggregate: 'sum' }, mode: 'marginal', rateTable: { basis: 'amount', boundary: 'lower-inclusive', tiers: [{ lower: '0', rate: '0.05' }] } }] } });
    expect((parsePlanFile({ text: json }).components[0] as PlanTierComponent).rateTable.tiers[0]?.rate).toEqual({ units: 5n, scale: 2 });
  });

  it('refuses an unknown key (a typo) with its path, line and column', () => {
    const issues = issuesOf(replace('      cap: {', '      capp: {'));
    expect(issues).toEqual([expect.objectContaining({ field: 'plan.components[0].capp', line: 19, column: 7 })]);
    expect(issues[0]?.message).toMatch(/unknown key 'capp'/);
  });

  it('names the line and column of a bad tier value, and the error message starts with them', () => {
    try {
      parsePlanFile({ text: replace('{ lower: 10000.00, rate: "0.20" }', '{ lower: 10000.00, rate: "twenty" }') });
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).message).toMatch(/^line 18, column 38: plan\.components\[0\]\.rateTable\.tiers\[1\]\.rate: must be a decimal/);
      expect((error as DomainError).issues[0]).toMatchObject({ line: 18, column: 38 });
    }
  });

  it('places core rate-table rules (no gap between tiers) on the tier, in major units', () => {
    const issues = issuesOf(replace('{ lower: 10000.00, rate: "0.20" }', '{ lower: 12000.00, rate: "0.20" }'));
    expect(issues).toEqual([expect.objectContaining({ field: 'plan.components[0].rateTable.tiers[1].lower', line: 18, column: 22, message: expect.stringContaining('10000.00') })]);
  });

  it('refuses more decimals than the currency has, instead of rounding', () => {
    expect(issuesOf(replace('amount: "5000.00"', 'amount: "5000.005"'))[0]).toMatchObject({ field: 'plan.components[0].cap.amount', line: 19 });
  });

  it('collects every problem at once, in file order', () => {
    const issues = issuesOf(replace('version: 2', 'version: 0').replace('mode: marginal', 'mode: linear').replace('"2026-01-02"', '"2026-02-30"'));
    expect(issues.map((i) => [i.field, i.line])).toEqual([
      ['plan.version', 4],
      ['plan.components[0].mode', 12],
      ['plan.examples[0].credits[0].date', 24],
    ]);
  });

  it('refuses expectations for a component that does not exist', () => {
    expect(issuesOf(replace('expect: { commission', 'expect: { comission'))[0]).toMatchObject({ field: 'plan.examples[0].expect.comission', line: 25 });
  });

  it('refuses duplicate keys and YAML syntax errors with their position', () => {
    expect(issuesOf(replace('  version: 2\n', '  version: 2\n  version: 3\n'))[0]).toMatchObject({ field: 'yaml', line: 5 });
    expect(issuesOf('plan: [1\n')[0]).toMatchObject({ field: 'yaml' });
    expect(issuesOf('')[0]).toMatchObject({ field: 'plan', line: 1, column: 1 });
  });

  it('refuses hostile files quickly: size, component and tier counts, alias expansion', () => {
    expect(issuesOf(`${VALID}#${'x'.repeat(1_000_001)}`)[0]?.message).toMatch(/larger than/);
    const component = VALID.slice(VALID.indexOf('    - id: commission'), VALID.indexOf('  examples:'));
    const many = VALID.replace(component, Array.from({ length: 51 }, (_, i) => component.replace('id: commission', `id: c${i}`)).join(''));
    expect(issuesOf(many)[0]).toMatchObject({ field: 'plan.components', message: 'at most 50 entries' });
    const tiers = Array.from({ length: 101 }, (_, i) => `          - { lower: ${i}, upper: ${i + 1}, rate: "0.1" }\n`).join('');
    expect(issuesOf(replace('          - { lower: 0, upper: 10000.00, rate: 0.1 }\n', tiers))[0]).toMatchObject({ message: 'at most 100 entries' });
    // A "billion laughs": each level doubles; expanding it fully would take 2^30 nodes.
    const levels = Array.from({ length: 30 }, (_, i) => `  l${i + 1}: &l${i + 1} [*l${i}, *l${i}]`).join('\n');
    const laughs = `x:\n  l0: &l0 [booking]\n${levels}\n${VALID.replace('creditTypes: [booking]', 'creditTypes: *l30')}`;
    const started = Date.now();
    const issues = issuesOf(laughs);
    expect(Date.now() - started).toBeLessThan(2000);
    // The walker only descends where the schema allows, so the bomb is never expanded.
    expect(issues.map((i) => i.field)).toEqual(expect.arrayContaining(['.x', 'plan.components[0].measure.creditTypes[0]']));
    expect(issuesOf(VALID.replace('creditTypes: [booking]', 'creditTypes: *nowhere'))).toEqual([expect.objectContaining({ field: 'plan.components[0].measure.creditTypes', line: 11, message: 'alias *nowhere has no anchor before it' })]);
  });

  it('follows a few aliases (anchors let a plan reuse a table) but stops past the budget', () => {
    const anchored = replace('      rateTable:\n', '      rateTable: &table\n');
    expect(parsePlanFile({ text: anchored }).components).toHaveLength(1);
    const reused = anchored.replace('  examples:', `${Array.from({ length: 101 }, (_, i) => `    - { id: r${i}, name: R, kind: commission, measure: { creditTypes: [booking], aggregate: sum }, mode: marginal, rateTable: *table }\n`).join('')}  examples:`);
    const issues = issuesOf(reused);
    expect(issues.some((i) => /more than 100 alias expansions|at most 50 entries/.test(i.message))).toBe(true);
  });

  it('fuzz: random text, random structures and mutations of a valid plan only ever give positioned DomainErrors', () => {
    const check = (text: string): void => {
      try {
        parsePlanFile({ text });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        for (const issue of error.issues as readonly (FieldIssue & { column?: number })[]) {
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(issue.column).toBeGreaterThanOrEqual(1);
        }
      }
    };
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), check), { numRuns: 1500 });
    fc.assert(fc.property(fc.anything(), (value) => check(JSON.stringify({ plan: value }) ?? '')), { numRuns: 800 });
    fc.assert(
      fc.property(fc.nat({ max: VALID.length - 1 }), fc.nat({ max: 20 }), fc.string({ maxLength: 8 }), (at, cut, insert) => check(VALID.slice(0, at) + insert + VALID.slice(at + cut))),
      { numRuns: 2500 },
    );
    const values = fc.oneof(fc.constantFrom('0', '-1', '1e3', '0x10', '.inf', 'null', '~', '[]', '{}', '"0.1"', 'true', '*a', '&a 1', '!!binary x', '99999999999999999999999999999999999999999'), fc.string({ maxLength: 6 }));
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...VALID.split('\n').map((_, i) => i)), values), { maxLength: 4 }), (edits) => {
      const lines = VALID.split('\n');
      for (const [i, v] of edits) lines[i] = (lines[i] ?? '').replace(/:\s.*$/, `: ${v}`);
      check(lines.join('\n'));
    }), { numRuns: 2000 });
  });
});
