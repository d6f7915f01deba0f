import { analyzeCoverageModel, applyCoverageSegments, getCoverageModel, saveCoverageModel } from '@attain/app';
import { DomainError, formatMinorAsMajor } from '@attain/core';
import type { CoverageAnalysisWire } from '@attain/contract';
import type { Command } from 'commander';
import { readText } from '../files.js';
import { actAs } from '../lookup/act-as.js';
import { output, resolveOrg, runCommand, type GlobalOptions } from '../runtime.js';

/** A model file is JSON, at most 1 MB. */
function readModelFile(file: string): unknown {
  const text = readText(file, '<file>', 1_000_000);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DomainError('validation_failed', `${file} is not JSON: ${(error as Error).message}`, [{ field: '<file>', message: 'not JSON' }]);
  }
}

function formatAnalysis(a: CoverageAnalysisWire): string {
  const money = (minor: string) => `${formatMinorAsMajor(BigInt(minor), a.currency)} ${a.currency}`;
  return [
    `${a.accounts} accounts, potential ${money(a.potentialMinor)}; applying the model would change ${a.changes} account${a.changes === 1 ? '' : 's'}' segment`,
    'segments:',
    ...a.segments.map((s) => `  ${s.name} (${s.key}): ${s.accounts} accounts, potential ${money(s.potentialMinor)}${s.workload.length > 0 ? `, ${s.workload.map((w) => `${w.role} ${w.hours} h`).join(', ')}` : ''}`),
    'roles:',
    ...a.roles.map((r) => `  ${r.name} (${r.key}): ${r.workloadHours} h a year at ${r.hoursPerRep} h a rep -> ${r.repsNeeded} reps for full coverage${
      r.covered && r.uncovered ? `; ${r.headcount} cover ${r.covered.accounts} accounts (potential ${money(r.covered.potentialMinor)}), leave ${r.uncovered.accounts} (potential ${money(r.uncovered.potentialMinor)})` : ''}`),
  ].join('\n');
}

/** `attain coverage`: the coverage model (segments, roles, capacity): show, analyse a draft file, save, apply. */
export function registerCoverage(program: Command): void {
  const coverage = program.command('coverage').description('the coverage model: segments by rules over account fields, coverage roles and capacity');
  const common = (c: Command) => c.option('--as <email>', 'act as this user').option('--org <org>', 'organisation id or name');
  common(coverage
    .command('show')
    .description('the model in force (or the starter model) and its analysis of every account'))
    .action((o: { as?: string; org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const actor = await actAs(rt, await resolveOrg(rt, o.org), o.as);
        const model = await getCoverageModel(rt.ctx, actor);
        const analysis = await analyzeCoverageModel(rt.ctx, actor);
        output(rt, { ...model, analysis }, () => `${model.version === null ? 'starter model (not saved)' : `version ${model.version}`}\n${formatAnalysis(analysis)}`);
      }),
    );
  common(coverage
    .command('analyze')
    .description('the analysis of a draft model file (JSON, as GET /coverage/model gives it), nothing saved')
    .argument('<file>', 'model file (JSON)'))
    .action((file: string, o: { as?: string; org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const actor = await actAs(rt, await resolveOrg(rt, o.org), o.as);
        const analysis = await analyzeCoverageModel(rt.ctx, actor, { model: readModelFile(file) });
        output(rt, analysis, () => formatAnalysis(analysis));
      }),
    );
  common(coverage
    .command('save')
    .description('save a model file (JSON) as the next version; each problem is named by its path (exit 3)')
    .argument('<file>', 'model file (JSON)'))
    .action((file: string, o: { as?: string; org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const actor = await actAs(rt, await resolveOrg(rt, o.org), o.as);
        // The file is what the user wants in force: it follows whatever version is current.
        const current = await getCoverageModel(rt.ctx, actor);
        const saved = await saveCoverageModel(rt.ctx, actor, { model: readModelFile(file), baseVersion: current.version });
        output(rt, saved, () => `saved coverage model version ${saved.version}`);
      }),
    );
  common(coverage
    .command('apply')
    .description("set every account's segment from the saved model, in one transaction"))
    .action((o: { as?: string; org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const actor = await actAs(rt, await resolveOrg(rt, o.org), o.as);
        const r = await applyCoverageSegments(rt.ctx, actor);
        output(rt, r, () => `applied version ${r.version}: ${r.changed} accounts changed segment (${Object.entries(r.bySegment).map(([k, n]) => `${k} ${n}`).join(', ')})`);
      }),
    );
}
