import { getDispute, listDisputes, resolveDispute } from '@attain/app';
import { formatMinorAsMajor } from '@attain/core';
import type { DisputeDetail, DisputeItem } from '@attain/contract';
import type { Command } from 'commander';
import { actAs } from '../lookup/act-as.js';
import { resolvePerson } from '../lookup/resolve-person.js';
import { output, resolveOrg, runCommand, type GlobalOptions } from '../runtime.js';
import { amountOption } from './amount-option.js';

type WithOrg = { org?: string; as?: string };

const subjectText = (d: DisputeItem): string => Object.entries(d.subject).map(([k, v]) => `${k}=${v}`).join(' ');
const line = (d: DisputeItem): string => `${d.id}  ${d.status.padEnd(8)}  ${String(d.ageDays).padStart(3)}d  ${d.periodKey}  ${d.personName}  ${d.kind}: ${subjectText(d)}`;

const detail = (d: DisputeDetail): string => [
  line(d),
  `assignee: ${d.assigneeName ?? '-'}${d.resolution ? `; resolution: ${d.resolution}` : ''}`,
  ...(d.adjustment ? [`adjustment ${d.adjustment.id}: ${formatMinorAsMajor(BigInt(d.adjustment.amountMinor), d.adjustment.currency)} ${d.adjustment.currency} posted to ${d.adjustment.postedPeriod}`] : []),
  ...d.messages.map((m) => `  ${m.at}  ${m.authorName} (${m.kind}): ${m.body}`),
].join('\n');

/** Disputes on statements: list, show with the thread, resolve (finance) with an optional adjustment. `--as <email>` acts as that user. */
export function registerDispute(program: Command): void {
  const dispute = program.command('dispute').description('disputes (inquiries) on statements: list, show, resolve');
  dispute
    .command('list')
    .description("disputes within reach, newest first (a rep her own, a manager her team's, finance all)")
    .option('--status <list>', 'open,assigned,answered,resolved (comma-separated)')
    .option('--period <period>', '2026-Q3, 2026-M07')
    .option('--person <email|id>', 'the payee')
    .option('--as <email>', 'act as this user')
    .option('--org <org>', 'organisation id or name')
    .action((o: WithOrg & { status?: string; period?: string; person?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        const items = await listDisputes(rt.ctx, await actAs(rt, org, o.as), {
          ...(o.status ? { status: o.status } : {}), ...(o.period ? { period: o.period } : {}), ...(o.person ? { personId: await resolvePerson(rt, org, o.person) } : {}),
        });
        output(rt, { items }, () => items.map(line).join('\n') || 'no disputes');
      }),
    );
  dispute
    .command('show')
    .argument('<id>', 'the dispute')
    .option('--as <email>', 'act as this user')
    .option('--org <org>', 'organisation id or name')
    .action((id: string, o: WithOrg, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        const d = await getDispute(rt.ctx, await actAs(rt, org, o.as), id);
        output(rt, d, () => detail(d));
      }),
    );
  dispute
    .command('resolve')
    .description('resolve a dispute (finance); --adjustment posts that amount (major units, signed) to the ledger of its period, or of --period')
    .argument('<id>', 'the dispute')
    .requiredOption('--resolution <text>', 'how it was resolved (the payee reads it)')
    .option('--adjustment <amount>', 'an adjustment in major units, e.g. 100.00 or -25.50')
    .option('--reason <text>', "the adjustment's reason (default: the resolution)")
    .option('--period <period>', 'post the adjustment to this open period instead')
    .option('--as <email>', 'act as this user')
    .option('--org <org>', 'organisation id or name')
    .action((id: string, o: WithOrg & { resolution: string; adjustment?: string; reason?: string; period?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        const amountMinor = o.adjustment === undefined ? undefined : amountOption(o.adjustment, '--adjustment', org.defaultCurrency);
        const d = await resolveDispute(rt.ctx, await actAs(rt, org, o.as), id, {
          resolution: o.resolution,
          ...(amountMinor === undefined ? {} : { adjustment: { amountMinor: amountMinor.toString(), ...(o.reason ? { reason: o.reason } : {}), ...(o.period ? { period: o.period } : {}) } }),
        });
        output(rt, d, () => detail(d));
      }),
    );
}
