import { calculatePlan, parseCreditsCsv, parsePlanFile, PLAN_FILE_LIMITS, runPlanExamples, type Plan, type PlanIssue } from '@attain/app';
import { DomainError, invalid, parseDecimal, parseFiscalPeriod, type Decimal } from '@attain/core';
import type { Command } from 'commander';
import { readText } from '../files.js';
import { EXIT, output, reportError, type GlobalOptions } from '../runtime.js';
import { amountOption } from './amount-option.js';
import { calculationForJson, formatCalculation, formatExamples } from './plan-format.js';

/** Plan file problems, one per line as compilers print them: file:line:column: path: message. */
function reportPlanError(file: string, error: unknown, json: boolean): number {
  if (!(error instanceof DomainError) || !error.issues.every((i) => typeof (i as PlanIssue).column === 'number')) return reportError(error, json);
  const issues = error.issues as readonly PlanIssue[];
  if (json) output({ json }, { ok: false, file, errors: issues.map((i) => ({ line: i.line, column: i.column, field: i.field, message: i.message })) }, () => '');
  else for (const i of issues) process.stderr.write(`${file}:${i.line}:${i.column}: ${i.field}: ${i.message}\n`);
  return EXIT.invalidInput;
}

/** Runs a plan command: a plan file that does not read reports file:line:column, anything else as usual. */
function withPlan(file: string, json: boolean, body: (plan: Plan) => number): void {
  let plan: Plan;
  try {
    plan = parsePlanFile({ text: readText(file, 'file', PLAN_FILE_LIMITS.maxBytes) });
  } catch (error) {
    process.exitCode = reportPlanError(file, error, json);
    return;
  }
  try {
    process.exitCode = body(plan);
  } catch (error) {
    process.exitCode = reportError(error, json);
  }
}

/** A range <from>..<to>, or for --period also a fiscal period key (2026-Q3, FY2027-M02) of the plan's fiscal year. */
function parseRange(text: string, option: string, yearStartMonth?: number): { from: string; to: string } {
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (m) return { from: m[1] as string, to: m[2] as string };
  if (yearStartMonth !== undefined) {
    try {
      const p = parseFiscalPeriod(text, yearStartMonth);
      return { from: p.start, to: p.end };
    } catch {
      // reported below with the accepted forms
    }
  }
  throw invalid(option, `must be <from>..<to>, e.g. 2026-01-01..2026-03-31${yearStartMonth === undefined ? '' : ', or a fiscal period such as 2026-Q1 or FY2026-M03'}`);
}

/** Repeatable name=value options. */
function pairs(values: readonly string[], option: string): [string, string][] {
  return values.map((v) => {
    const at = v.indexOf('=');
    if (at < 1) throw invalid(option, `must be name=value (got "${v}")`);
    return [v.slice(0, at), v.slice(at + 1)];
  });
}

/** A component's quota as its measure counts it: a whole number for a count measure, major units of the plan currency otherwise. */
function componentQuota(plan: Plan, id: string, text: string): bigint {
  const c = plan.components.find((x) => x.id === id);
  if (!c) throw invalid('--component-quota', `the plan has no component "${id}" (it has ${plan.components.map((x) => x.id).join(', ')})`);
  if (c.measure?.aggregate !== 'count') return amountOption(text, `--component-quota ${id}`, plan.currency);
  if (!/^\d{1,12}$/.test(text)) throw invalid('--component-quota', `${id} counts: give a whole number such as 2 (got "${text}")`);
  return BigInt(text);
}

function decimalOption(text: string, option: string): Decimal {
  try {
    return parseDecimal(text);
  } catch {
    throw invalid(option, `must be a decimal such as 0.8 (got "${text}")`);
  }
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

interface RunFlags {
  readonly credits: string;
  readonly quota?: string;
  readonly annualQuota?: string;
  readonly period: string;
  readonly targetIncentive?: string;
  readonly served?: string;
  readonly yearStart?: string;
  readonly score: string[];
  readonly measure: string[];
  readonly earnedBefore: string[];
  readonly componentQuota: string[];
  readonly drawBalance?: string;
}

export function registerPlan(program: Command): void {
  const plan = program.command('plan').description('compensation plan files (YAML): check, test their examples, run them on a credits CSV; no database needed');
  plan
    .command('check')
    .description('validate a plan file; each problem is printed as file:line:column: field: message (exit 3)')
    .argument('<file>', 'plan file (.yaml, .yml or .json)')
    .action((file: string, _o: unknown, command: Command) => {
      const { json = false } = command.optsWithGlobals<GlobalOptions>();
      withPlan(file, json, (p) => {
        output({ json }, { ok: true, file, planId: p.id, version: p.version, components: p.components.map((c) => c.id), examples: p.examples.length }, () => `${file}: ok, plan ${p.id} v${p.version}: ${p.components.length} component${p.components.length === 1 ? '' : 's'}, ${p.examples.length} example${p.examples.length === 1 ? '' : 's'}`);
        return EXIT.ok;
      });
    });
  plan
    .command('test')
    .description("run the plan's worked examples; prints each pass or fail (exit 1 if any fails)")
    .argument('<file>', 'plan file')
    .action((file: string, _o: unknown, command: Command) => {
      const { json = false } = command.optsWithGlobals<GlobalOptions>();
      withPlan(file, json, (p) => {
        const report = runPlanExamples({ plan: p });
        const summary = { ...report, examples: report.examples.map(({ calculation: _c, ...rest }) => rest) };
        output({ json }, summary, () => (report.examples.length === 0 ? `${file}: no examples` : formatExamples(report)));
        return report.failed > 0 ? EXIT.failure : EXIT.ok;
      });
    });
  plan
    .command('run')
    .description('compute a plan for one payee from a credits CSV (id,type,amount,date; amounts in major units)')
    .argument('<file>', 'plan file')
    .requiredOption('--credits <csv>', 'credits CSV with the header id,type,amount,date')
    .option('--quota <amount>', 'quota of the money components for the period, in major units of the plan currency')
    .option('--annual-quota <amount>', "annual quota, phased by the plan's quotaPhasing (instead of --quota)")
    .requiredOption('--period <period>', 'inclusive period: 2026-01-01..2026-03-31, or a fiscal period such as 2026-Q1 or FY2026-M03')
    .option('--target-incentive <amount>', 'target incentive in major units (needed by caps/floors set as a multiple of it)')
    .option('--served <from..to>', 'the days the payee was on the plan (joined or left mid-period): quota and target incentive are prorated')
    .option('--year-start <date>', "first day of the year for year-to-date components (default: from the plan's yearStartMonth)")
    .option('--score <name=value>', 'a score a formula reads, e.g. pipeline=0.8 (repeatable)', collect, [])
    .option('--measure <name=value[/quota]>', 'a reading of another measure a gate or qualifier names, major units (repeatable)', collect, [])
    .option('--earned-before <component=amount>', 'what earlier periods already earned on a to-date component (repeatable)', collect, [])
    .option('--component-quota <component=quantity>', 'a component\'s own quota for the period: a count (new logos) or an amount (repeatable)', collect, [])
    .option('--draw-balance <amount>', 'draw balance carried in (negative: owed back)')
    .action((file: string, o: RunFlags, command: Command) => {
      const { json = false } = command.optsWithGlobals<GlobalOptions>();
      withPlan(file, json, (p) => {
        if (o.quota === undefined && o.annualQuota === undefined && o.componentQuota.length === 0) throw invalid('--quota', 'give --quota, --annual-quota or --component-quota');
        const money = (text: string, option: string): bigint => amountOption(text, option, p.currency);
        const credits = parseCreditsCsv({ text: readText(o.credits, '--credits', 20_000_000), currency: p.currency });
        const measures = Object.fromEntries(pairs(o.measure, '--measure').map(([k, v]) => {
          const [value = '', quota] = v.split('/');
          return [k, { valueMinor: money(value, `--measure ${k}`), ...(quota === undefined ? {} : { quotaMinor: money(quota, `--measure ${k}`) }) }];
        }));
        const calc = calculatePlan({
          plan: p,
          credits,
          quotaMinor: o.quota === undefined ? 0n : money(o.quota, '--quota'),
          period: parseRange(o.period, '--period', p.yearStartMonth),
          measures,
          scores: Object.fromEntries(pairs(o.score, '--score').map(([k, v]) => [k, decimalOption(v, `--score ${k}`)])),
          earnedBefore: Object.fromEntries(pairs(o.earnedBefore, '--earned-before').map(([k, v]) => [k, money(v, `--earned-before ${k}`)])),
          quotas: Object.fromEntries(pairs(o.componentQuota, '--component-quota').map(([k, v]) => [k, componentQuota(p, k, v)])),
          ...(o.annualQuota === undefined ? {} : { annualQuotaMinor: money(o.annualQuota, '--annual-quota') }),
          ...(o.targetIncentive === undefined ? {} : { targetIncentiveMinor: money(o.targetIncentive, '--target-incentive') }),
          ...(o.served === undefined ? {} : { served: parseRange(o.served, '--served') }),
          ...(o.yearStart === undefined ? {} : { yearStart: o.yearStart }),
          ...(o.drawBalance === undefined ? {} : { drawBalanceMinor: money(o.drawBalance, '--draw-balance') }),
        });
        if (json) process.stdout.write(`${JSON.stringify(calculationForJson(p, calc), null, 2)}\n`);
        else process.stdout.write(`${formatCalculation(p, calc)}\n`);
        return EXIT.ok;
      });
    });
}
