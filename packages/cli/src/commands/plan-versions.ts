import { PLAN_FILE_LIMITS, publishPlanVersion, savePlanSource } from '@attain/app';
import { invalid } from '@attain/core';
import type { PlanSaved } from '@attain/contract';
import type { Command } from 'commander';
import { readText } from '../files.js';
import { actAs } from '../lookup/act-as.js';
import { output, resolveOrg, runCommand, type GlobalOptions } from '../runtime.js';

const saved = (r: PlanSaved): string => `${r.plan.key} v${r.version.version} (${r.version.status}), effective ${r.version.effectiveFrom}..${r.version.effectiveTo ?? 'open'}`;

/** `attain plan save` and `attain plan publish`: plan files into the organisation's stored versions. */
export function registerPlanVersions(program: Command): void {
  const plan = program.commands.find((c) => c.name() === 'plan') ?? program.command('plan');
  plan
    .command('save')
    .description("store a plan file as its plan's next draft version (a new plan when its plan.id is new); problems are printed with line and column (exit 3)")
    .argument('<file>', 'plan file (.yaml, .yml or .json)')
    .option('--as <email>', 'act as this user (the author, who may not publish it)')
    .option('--org <org>', 'organisation id or name')
    .action((file: string, o: { as?: string; org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        const r = await savePlanSource(rt.ctx, await actAs(rt, org, o.as), { source: readText(file, '<file>', PLAN_FILE_LIMITS.maxBytes) });
        output(rt, r, () => `saved ${saved(r)}`);
      }),
    );
  plan
    .command('publish')
    .description('publish a draft version so assignments can pay by it; someone other than its author publishes it')
    .requiredOption('--plan <key|id>', 'the plan')
    // Not --version: the program's own --version (print the CLI's version) would take it first.
    .requiredOption('--plan-version <n>', 'the draft version')
    .option('--as <email>', 'act as this user')
    .option('--org <org>', 'organisation id or name')
    .action((o: { plan: string; planVersion: string; as?: string; org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        if (!/^\d{1,7}$/.test(o.planVersion) || Number(o.planVersion) < 1) throw invalid('--plan-version', 'must be a version number such as 2');
        const org = await resolveOrg(rt, o.org);
        const r = await publishPlanVersion(rt.ctx, await actAs(rt, org, o.as), o.plan, Number(o.planVersion));
        output(rt, r, () => `published ${saved(r)}`);
      }),
    );
}
