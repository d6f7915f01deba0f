import { createReadStream, existsSync, statSync } from 'node:fs';
import { importTransactions, listTransactions } from '@attain/app';
import { formatMinorAsMajor, invalid, isCalendarDate } from '@attain/core';
import type { TransactionImportResult, TransactionItem } from '@attain/contract';
import type { Command } from 'commander';
import { cliActor, output, resolveOrg, runCommand, type GlobalOptions } from '../runtime.js';

/*
 * `attain transaction`: import compensation transactions from a CSV file and list them
 * (docs/pay-cycle.md, "Transactions" and "Importing transactions").
 */

function describeImport(r: TransactionImportResult): string {
  const verb = r.dryRun ? 'would be created' : 'created';
  return `${r.dryRun ? 'dry run: ' : ''}${r.rows} rows: ${r.created} ${verb}, ${r.unchanged} unchanged (already imported)${r.dryRun ? '; nothing was written' : ''}`;
}

function describeList(items: readonly TransactionItem[]): string {
  if (items.length === 0) return 'no transactions';
  return items
    .map((t) => `${t.date}  ${t.kind.padEnd(12)} ${formatMinorAsMajor(BigInt(t.amountMinor), t.currency).padStart(14)} ${t.currency}  ${t.source}:${t.sourceKey}  owner ${t.ownerId ?? '-'}${t.dealCurrency === t.currency ? '' : `  (${formatMinorAsMajor(BigInt(t.dealAmountMinor), t.dealCurrency)} ${t.dealCurrency})`}`)
    .join('\n');
}

export function registerTransaction(program: Command): void {
  const transaction = program.command('transaction').description('compensation transactions: import from CSV, list');
  transaction
    .command('import')
    .description('import transactions from CSV, all or nothing, idempotent on sourceKey (columns: docs/pay-cycle.md)')
    .argument('<file>', 'the CSV file (UTF-8, RFC 4180)')
    .option('--dry-run', 'check every row against the database and write nothing')
    .option('--org <org>', 'organisation id or name')
    .action((file: string, o: { dryRun?: boolean; org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        if (!existsSync(file) || !statSync(file).isFile()) throw invalid('file', `no file ${file}`);
        const org = await resolveOrg(rt, o.org);
        // A function, not a stream: the import's transaction may be retried and read the file again.
        const result = await importTransactions(rt.ctx, cliActor(org), { source: () => createReadStream(file), dryRun: o.dryRun ?? false });
        output(rt, result, () => describeImport(result));
      }),
    );
  transaction
    .command('list')
    .description('transactions by date (at most 1,000: narrow with --from and --to)')
    .option('--from <date>', 'first day (YYYY-MM-DD)')
    .option('--to <date>', 'last day (YYYY-MM-DD)')
    .option('--org <org>', 'organisation id or name')
    .action((o: { from?: string; to?: string; org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        if (o.from !== undefined && !isCalendarDate(o.from)) throw invalid('--from', 'must be a date YYYY-MM-DD');
        if (o.to !== undefined && !isCalendarDate(o.to)) throw invalid('--to', 'must be a date YYYY-MM-DD');
        const org = await resolveOrg(rt, o.org);
        const items = await listTransactions(rt.ctx, cliActor(org), { ...(o.from === undefined ? {} : { from: o.from }), ...(o.to === undefined ? {} : { to: o.to }) });
        output(rt, { items }, () => describeList(items));
      }),
    );
}
