import { readFileSync, statSync } from 'node:fs';
import { calculatePlan, parseCreditsCsv, parsePlanFile, PLAN_FILE_LIMITS, runPlanExamples, type Plan, type PlanIssue } from '@attain/app';
import { DomainError, invalid, parseMajorToMinor } from '@attain/core';
import type { Command } from 'commander';
import { EXIT, output, reportError, type GlobalOptions } from '../runtime.js';
import { calculationForJson, formatCalculation, formatExamples } from './plan-format.js';

/** Reads a file after checking it exists and is not larger than `maxBytes` (refused before reading). */
function readText(path: string, field: string, maxBytes: number): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw invalid(field, `no file ${path}`);
  }
  if (size > maxBytes) throw invalid(field, `${path} is larger than ${maxBytes} bytes`);
  return readFileSync(path, 'utf8');
}

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

function parsePeriod(text: string): { from: string; to: string } {
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (!m) throw invalid('--period', 'must be <from>..<to>, e.g. 2026-01-01..2026-03-31');
  return { from: m[1] as string, to: m[2] as string };
}

function amount(text: string, option: string, currency: string): bigint {
  try {
    return parseMajorToMinor(text, currency);
  } catch (error) {
    throw invalid(option, (error as Error).message);
  }
}

interface RunFlags {
  readonly credits: string;
  readonly quota: string;
  readonly period: string;
  readonly targetIncentive?: string;
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
    .requiredOption('--quota <amount>', 'quota of the money components, in major units of the plan currency')
    .requiredOption('--period <from..to>', 'inclusive period, e.g. 2026-01-01..2026-03-31')
    .option('--target-incentive <amount>', 'target incentive in major units (needed by caps/floors set as a multiple of it)')
    .action((file: string, o: RunFlags, command: Command) => {
      const { json = false } = command.optsWithGlobals<GlobalOptions>();
      withPlan(file, json, (p) => {
        const period = parsePeriod(o.period);
        const quotaMinor = amount(o.quota, '--quota', p.currency);
        const targetIncentiveMinor = o.targetIncentive === undefined ? undefined : amount(o.targetIncentive, '--target-incentive', p.currency);
        const credits = parseCreditsCsv({ text: readText(o.credits, '--credits', 20_000_000), currency: p.currency });
        const calc = calculatePlan({ plan: p, credits, quotaMinor, period, ...(targetIncentiveMinor === undefined ? {} : { targetIncentiveMinor }) });
        if (json) process.stdout.write(`${JSON.stringify(calculationForJson(p, calc), null, 2)}\n`);
        else process.stdout.write(`${formatCalculation(p, calc)}\n`);
        return EXIT.ok;
      });
    });
}
