import { writeFileSync } from 'node:fs';
import { approveReopen, approveStatement, approveStatements, closePeriod, exportPayroll, listPayrollBatches, listPeriods, payrollBatchFile, requestReopen } from '@attain/app';
import { formatMinorAsMajor, invalid } from '@attain/core';
import type { Command } from 'commander';
import { actAs } from '../lookup/act-as.js';
import { resolvePerson } from '../lookup/resolve-person.js';
import { output, resolveOrg, runCommand, type GlobalOptions } from '../runtime.js';

type WithOrg = { org?: string; as?: string };

/** Approving statements, closing and reopening periods, payroll exports. `--as <email>` acts as that user (duties are kept apart). */
export function registerPeriod(program: Command): void {
  const statement = program.commands.find((c) => c.name() === 'statement') ?? program.command('statement');
  statement
    .command('approve')
    .description("approve a statement's next step (manager, then finance) as it stands; --all: every one whose next step is yours")
    .requiredOption('--period <period>', '2026-Q3, 2026-M07')
    .option('--person <email|id>', 'the payee')
    .option('--all', 'every statement of the period within your reach whose next step is yours')
    .option('--comment <text>', 'a note kept with the approval')
    .option('--as <email>', 'act as this user')
    .option('--org <org>', 'organisation id or name')
    .action((o: WithOrg & { person?: string; all?: boolean; period: string; comment?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        if (o.all || o.person === undefined) {
          if (!o.all) throw invalid('--person', 'name the payee, or approve --all');
          const bulk = await approveStatements(rt.ctx, await actAs(rt, org, o.as), { period: o.period });
          return output(rt, bulk, () => `approved ${bulk.approved}; left ${bulk.skipped.length}${bulk.skipped.length ? `:\n${bulk.skipped.map((x) => `  ${x.personId}: ${x.reason}`).join('\n')}` : ''}`);
        }
        const state = await approveStatement(rt.ctx, await actAs(rt, org, o.as), { personId: await resolvePerson(rt, org, o.person), period: o.period, ...(o.comment ? { comment: o.comment } : {}) });
        output(rt, state, () => `${state.status}${state.next ? `: next ${state.next}` : ''}`);
      }),
    );

  const period = program.command('period').description('pay periods: list, close, reopen (two people)');
  period
    .command('list')
    .option('--org <org>', 'organisation id or name')
    .action((o: WithOrg, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        const items = await listPeriods(rt.ctx, await actAs(rt, org, o.as));
        output(rt, { items }, () => items.map((p) => `${p.key}  ${p.startDate}..${p.endDate}  ${p.status}${p.reopenings.some((r) => !r.approvedBy) ? '  (reopening requested)' : ''}`).join('\n') || 'no periods');
      }),
    );
  period
    .command('close')
    .argument('<period>', '2026-Q3, 2026-M07')
    .option('--as <email>', 'act as this user')
    .option('--org <org>', 'organisation id or name')
    .action((key: string, o: WithOrg, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        const p = await closePeriod(rt.ctx, await actAs(rt, org, o.as), { period: key });
        output(rt, p, () => `${p.key} closed`);
      }),
    );
  period
    .command('reopen')
    .description('ask to reopen a closed period (with --reason), or approve a request (with --approve <request id>)')
    .argument('<period>', '2026-Q3, 2026-M07')
    .option('--reason <text>', 'why it must reopen')
    .option('--approve <request>', 'approve this reopening request (someone else asked)')
    .option('--as <email>', 'act as this user')
    .option('--org <org>', 'organisation id or name')
    .action((key: string, o: WithOrg & { reason?: string; approve?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        const actor = await actAs(rt, org, o.as);
        if (o.approve) {
          const p = await approveReopen(rt.ctx, actor, { requestId: o.approve });
          output(rt, p, () => `${p.key} reopened`);
        } else {
          const r = await requestReopen(rt.ctx, actor, { period: key, reason: o.reason ?? '' });
          output(rt, r, () => `reopening of ${r.periodKey} requested: ${r.id} (someone else approves it with --approve ${r.id})`);
        }
      }),
    );

  const payroll = program.command('payroll').description('payroll exports: export a period, list the batches, a batch\'s file again');
  payroll
    .command('export')
    .description("export what a period's approved statements still owe (formula-safe CSV); prints the totals")
    .requiredOption('--period <period>', '2026-Q3, 2026-M07')
    .option('--out <file>', 'write the CSV here (default: print it)')
    .option('--as <email>', 'act as this user')
    .option('--org <org>', 'organisation id or name')
    .action((o: WithOrg & { period: string; out?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        const result = await exportPayroll(rt.ctx, await actAs(rt, org, o.as), { period: o.period });
        const b = result.batch;
        const summary = { batch: { ...b, totalMinor: b.totalMinor.toString() }, skipped: result.skipped, file: o.out ?? null };
        const human = () => `batch ${b.id}: ${b.payeeCount} payees, ${formatMinorAsMajor(b.totalMinor, b.currency)} ${b.currency}${result.skipped.length ? `; left out (not approved): ${result.skipped.map((s) => `${s.personId} ${s.reason}`).join(', ')}` : ''}`;
        if (o.out) writeFileSync(o.out, result.csv);
        if (o.out || rt.json) return output(rt, { ...summary, ...(o.out ? {} : { csv: result.csv }) }, human);
        // The file on stdout (to pipe into payroll), the totals on stderr.
        process.stdout.write(result.csv);
        process.stderr.write(`${human()}\n`);
      }),
    );

  payroll
    .command('list')
    .description('payroll batches, latest first')
    .option('--period <period>', 'only this period (2026-Q3, 2026-M07)')
    .option('--as <email>', 'act as this user')
    .option('--org <org>', 'organisation id or name')
    .action((o: WithOrg & { period?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        const batches = await listPayrollBatches(rt.ctx, await actAs(rt, org, o.as), o.period === undefined ? {} : { period: o.period });
        output(rt, { items: batches.map((b) => ({ ...b, totalMinor: b.totalMinor.toString() })) }, () =>
          batches.length === 0 ? 'no payroll batches' : batches.map((b) => `${b.id}  ${b.periodKey}  ${b.payeeCount} payees  ${formatMinorAsMajor(b.totalMinor, b.currency)} ${b.currency}  ${b.createdAt}`).join('\n'));
      }),
    );

  payroll
    .command('file')
    .description("a batch's CSV file again (rebuilt from its ledger entries: the same bytes)")
    .argument('<batch>', 'batch id')
    .option('--out <file>', 'write the CSV here (default: print it)')
    .option('--as <email>', 'act as this user')
    .option('--org <org>', 'organisation id or name')
    .action((batchId: string, o: WithOrg & { out?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        const { csv } = await payrollBatchFile(rt.ctx, await actAs(rt, org, o.as), batchId);
        if (o.out) writeFileSync(o.out, csv);
        else process.stdout.write(csv);
      }),
    );
}
