import { getTeamQuotaPlan, listTeamQuotaPlans, proposeQuotas, signOffQuotaPlan } from '@attain/app';
import { invalid, lineDepths, type Organisation } from '@attain/core';
import type { QuotaTeamSummary, QuotaTeamView } from '@attain/contract';
import type { Command } from 'commander';
import { resolvePerson } from '../lookup/resolve-person.js';
import { output, type Runtime } from '../runtime.js';
import { quotaAmount, quotaIn, unitName } from './quota-options.js';
import { table } from './territory-format.js';
import { acting, asActor, type ActingOptions } from './territory-options.js';

/*
 * `attain quota team ...`: bottom-up quota planning for a manager (docs/quotas.md#bottom-up), as
 * the web app's Team quotas page: her team's lines of each plan, her proposals with reasons, and
 * her sign-off of the version in review. She sees her own team only.
 */

export function formatTeamPlans(plans: readonly QuotaTeamSummary[]): string {
  if (plans.length === 0) return 'no quota plan has lines of your team';
  return table(['id', 'year', 'measure', 'status', 'version', 'lines', 'team quota'],
    plans.map((p) => [p.id, `FY${p.fiscalYear}`, p.measure, p.status, String(p.version), String(p.lineCount), quotaIn(p)(p.teamMinor)]), [4, 5, 6]);
}

export function formatTeamPlan(p: QuotaTeamView): string {
  const money = quotaIn(p);
  const depth = lineDepths(p.lines);
  const top = Math.min(...p.lines.map((l) => depth.get(l.key) ?? 0));
  const label = (l: QuotaTeamView['lines'][number]) => `${'  '.repeat((depth.get(l.key) ?? 0) - top)}${l.name}${l.kind === 'placeholder' ? ` [${l.key}]` : ''}`;
  const waiting = p.abilities.signOff ? (p.signedOff ? `you signed off version ${p.version}` : `version ${p.version} is in review: sign it off`) : `${p.status}, version ${p.version}`;
  return [
    `FY${p.fiscalYear} ${p.measure} quota plan ${p.id}, your team: ${money(p.teamMinor)} ${unitName(p)} over ${p.lineCount} lines; ${waiting}`,
    table(['line', 'role', 'annual', 'in year', 'Q1', 'Q2', 'Q3', 'Q4', 'last year', 'reason'],
      p.lines.map((l) => [label(l), l.role, money(l.annualMinor), money(l.inYearMinor), ...[0, 1, 2, 3].map((q) => money(l.quarters[q] ?? '0')), money(l.historyMinor), l.reason ?? '']),
      [2, 3, 4, 5, 6, 7, 8]),
    ...(p.proposals.length === 0 ? ['no proposals yet'] : [
      'Your proposals',
      table(['at', 'version', 'line', 'in the plan', 'proposed', 'reason', 'comment'],
        p.proposals.flatMap((x) => x.edits.map((e) => [x.at, String(x.version), e.name, e.currentMinor === null ? '-' : money(e.currentMinor), money(e.proposedMinor), e.reason, x.comment])), [1, 3, 4]),
    ]),
  ].join('\n');
}

/** A line of her team by e-mail, person id or line key (a placeholder's "tbh-1"); anyone else is a bad --person. */
async function teamLine(rt: Runtime, org: Organisation, view: QuotaTeamView, text: string): Promise<string> {
  const personId = text.includes('@') ? await resolvePerson(rt, org, text).catch(() => null) : null;
  const line = view.lines.find((l) => l.key === text || l.personId === text || (personId !== null && l.personId === personId));
  if (!line || line.key === view.managerKey) throw invalid('--person', `"${text}" is not a line of your team in this plan (your own quota is proposed by your manager)`);
  return line.key;
}

/** `attain quota team`, under `attain quota`. */
export function registerQuotaTeam(quota: Command): void {
  const team = quota.command('team').description('a manager\'s quotas: her team\'s lines of each plan, her proposals and her sign-off');

  acting(team.command('list').description('the quota plans with lines of your team'))
    .action((o: ActingOptions, command: Command) => asActor(o, command, async (rt, _org, actor) => {
      const plans = await listTeamQuotaPlans(rt.ctx, actor);
      output(rt, plans, () => formatTeamPlans(plans));
    }));

  acting(team.command('show').description('your team\'s lines of a plan, with your proposals').argument('<id>', 'the quota plan'))
    .action((id: string, o: ActingOptions, command: Command) => asActor(o, command, async (rt, _org, actor) => {
      const view = await getTeamQuotaPlan(rt.ctx, actor, id);
      output(rt, view, () => formatTeamPlan(view));
    }));

  acting(team.command('propose').description('propose one line\'s annual quota for your team, with its reason (sales ops may take it into the next version)')
    .argument('<id>', 'the quota plan')
    .requiredOption('--person <who>', 'the line: a person\'s e-mail or id, or a line key such as tbh-1')
    .requiredOption('--amount <amount>', 'the annual quota you propose, in the plan currency, e.g. 1500000.00')
    .requiredOption('--reason <text>', 'why')
    .option('--comment <text>', 'a note for sales ops', ''))
    .action((id: string, o: ActingOptions & { person: string; amount: string; reason: string; comment: string }, command: Command) => asActor(o, command, async (rt, org, actor) => {
      const view = await getTeamQuotaPlan(rt.ctx, actor, id);
      const key = await teamLine(rt, org, view, o.person);
      const annualMinor = quotaAmount(o.amount, '--amount', view).toString();
      const proposed = await proposeQuotas(rt.ctx, actor, id, { edits: [{ key, annualMinor, reason: o.reason }], comment: o.comment });
      output(rt, proposed, () => formatTeamPlan(proposed));
    }));

  acting(team.command('sign-off').description('sign off your team\'s numbers in the version in review')
    .argument('<id>', 'the quota plan')
    .option('--comment <text>', 'for finance, who approves', ''))
    .action((id: string, o: ActingOptions & { comment: string }, command: Command) => asActor(o, command, async (rt, _org, actor) => {
      const signed = await signOffQuotaPlan(rt.ctx, actor, id, { comment: o.comment });
      output(rt, signed, () => formatTeamPlan(signed));
    }));
}
