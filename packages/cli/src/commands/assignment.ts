import { getAssignment, listAssignments } from '@attain/app';
import { formatMinorAsMajor, invalid, isCalendarDate } from '@attain/core';
import type { AssignmentTermsWire, PlanAssignmentItem } from '@attain/contract';
import type { Command } from 'commander';
import { resolvePerson } from '../lookup/resolve-person.js';
import { cliActor, output, resolveOrg, runCommand, type GlobalOptions } from '../runtime.js';

const money = (minor: string | null, currency: string): string => (minor === null ? '-' : `${formatMinorAsMajor(BigInt(minor), currency)} ${currency}`);

function formatList(items: readonly PlanAssignmentItem[]): string {
  if (items.length === 0) return 'no assignments';
  return items
    .map((a) => `${a.id}  ${a.personName}  ${a.planKey} v${a.planVersion}  ${a.validFrom}..${a.validTo ?? 'open'}  target ${money(a.targetIncentiveMinor, a.currency)}  quota ${money(a.annualQuotaMinor, a.currency)}${a.measureQuotas['new-logos'] === undefined ? '' : `  new logos ${a.measureQuotas['new-logos']}`}${a.measureQuotas.acv === undefined ? '' : `  ACV quota ${money(a.measureQuotas.acv, a.currency)}`}${a.oteMinor ? `  OTE ${money(a.oteMinor, a.currency)} (mix ${a.payMix})` : ''}${a.ramp ? `  ramp ${a.ramp.join('/')}` : ''}${a.endedAt ? '  (ended)' : ''}`)
    .join('\n');
}

function formatTerms(a: PlanAssignmentItem, t: AssignmentTermsWire): string {
  return [
    `${a.personName} on ${a.planKey} v${a.planVersion}, ${t.period.from}..${t.period.to}`,
    `  target incentive: ${money(t.targetIncentive.amountMinor, a.currency)}`,
    `  quota:            ${t.quota ? money(t.quota.amountMinor, a.currency) : 'none'}`,
    'how:',
    ...t.steps.map((s) => `  ${s}`),
  ].join('\n');
}

export function registerAssignment(program: Command): void {
  const assignment = program.command('assignment').description('plan assignments: people on plan versions, and their terms per period');
  assignment
    .command('list')
    .description('assignments by person and start date')
    .option('--person <email|id>', 'only this person')
    .option('--plan <id>', 'only this plan (its id)')
    .option('--as-of <date>', 'only those in force on this day (YYYY-MM-DD)')
    .option('--org <org>', 'organisation id or name')
    .action((o: { person?: string; plan?: string; asOf?: string; org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        if (o.asOf !== undefined && !isCalendarDate(o.asOf)) throw invalid('--as-of', 'must be a date YYYY-MM-DD');
        const org = await resolveOrg(rt, o.org);
        const personId = o.person === undefined ? undefined : await resolvePerson(rt, org, o.person);
        const items = await listAssignments(rt.ctx, cliActor(org), {
          ...(personId === undefined ? {} : { personId }), ...(o.plan === undefined ? {} : { planId: o.plan }), ...(o.asOf === undefined ? {} : { asOf: o.asOf }),
        });
        output(rt, { items }, () => formatList(items));
      }),
    );
  assignment
    .command('terms')
    .description("an assignment's target incentive and quota for a period, each step explained")
    .argument('<id>', 'assignment id')
    .requiredOption('--period <period>', 'a fiscal period of the organisation (2026-Q1, FY2026, 2026-M03) or from..to')
    .option('--org <org>', 'organisation id or name')
    .action((id: string, o: { period: string; org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        const detail = await getAssignment(rt.ctx, cliActor(org), id, { period: o.period });
        output(rt, detail, () => (detail.terms ? formatTerms(detail, detail.terms) : formatList([detail])));
      }),
    );
}
