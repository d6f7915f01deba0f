import { planCostScenarios, whatIfPlanVersion } from '@attain/app';
import { formatMinorAsMajor, invalid } from '@attain/core';
import type { Command } from 'commander';
import { actAs } from '../lookup/act-as.js';
import { output, resolveOrg, runCommand, type GlobalOptions } from '../runtime.js';

type Options = { plan: string; planVersion: string; period: string; org?: string; as?: string };

const versionOf = (text: string): number => {
  if (!/^\d{1,7}$/.test(text) || Number(text) < 1) throw invalid('--plan-version', 'must be a version number such as 2');
  return Number(text);
};

/** `attain plan what-if` and `attain plan cost`: a plan version's effect on pay, computed and never published. */
export function registerWhatIf(program: Command): void {
  const plan = program.commands.find((c) => c.name() === 'plan') ?? program.command('plan');
  const common = (c: Command) => c
    .requiredOption('--plan <key|id>', 'the plan')
    // Not --version: the program's own --version (print the CLI's version) would take it first.
    .requiredOption('--plan-version <n>', 'the version to try (a draft too)')
    .option('--as <email>', 'act as this user')
    .option('--org <org>', 'organisation id or name');
  common(plan
    .command('what-if')
    .description("re-run a pay period (or fiscal year) under a plan version and compare each payee's pay with today's; nothing is published")
    .requiredOption('--period <period>', 'FY2027-Q1, FY2027-M02 or a fiscal year FY2027'))
    .action((o: Options, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        const r = await whatIfPlanVersion(rt.ctx, await actAs(rt, org, o.as), { planId: o.plan, version: versionOf(o.planVersion), period: o.period });
        const money = (m: string) => formatMinorAsMajor(BigInt(m), r.currency);
        output(rt, r, () => [
          `${r.planKey} v${r.version} (${r.versionStatus}) over ${r.periodKeys.join(', ')}`,
          ...r.payees.map((p) => `  ${p.personName}: ${money(p.baselineMinor)} -> ${money(p.scenarioMinor)} (${BigInt(p.differenceMinor) >= 0n ? '+' : ''}${money(p.differenceMinor)})`),
          `total: ${money(r.totals.baselineMinor)} -> ${money(r.totals.scenarioMinor)} (${money(r.totals.differenceMinor)}) ${r.currency}`,
        ].join('\n'));
      }),
    );
  common(plan
    .command('cost')
    .description('the cost of a plan version in a pay period at 50/100/150% of quota and at historical attainment')
    .requiredOption('--period <period>', 'FY2027-Q1 or FY2027-M02'))
    .action((o: Options, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        const r = await planCostScenarios(rt.ctx, await actAs(rt, org, o.as), { planId: o.plan, version: versionOf(o.planVersion), period: o.period });
        output(rt, r, () => [
          `${r.planKey} v${r.version} in ${r.periodKey}, ${r.payees.length} payees`,
          ...r.scenarios.map((s) => `  ${s.label}: ${formatMinorAsMajor(BigInt(s.totalMinor), r.currency)} ${r.currency}${s.key === 'historical' ? ` (${s.payeeCount} with a statement)` : ''}`),
        ].join('\n'));
      }),
    );
}
