import { existsSync, readFileSync, statSync } from 'node:fs';
import { getCapitalizationPolicy, journalEntries, journalEntriesCsv, parseCapitalizationPolicyText, rollForward, setCapitalizationPolicy } from '@attain/app';
import { formatMinorAsMajor, invalid } from '@attain/core';
import type { CapitalizationPolicyWire, JournalEntriesWire, RollForwardWire } from '@attain/contract';
import type { Command } from 'commander';
import { cliActor, output, resolveOrg, runCommand, type GlobalOptions } from '../runtime.js';

/*
 * `attain capitalization`: the commission capitalization policy, the deferred commission
 * roll-forward and the journal entries (docs/capitalization.md). The CLI acts as the
 * organisation's administrator.
 */

function describePolicy(p: CapitalizationPolicyWire): string {
  const { policy } = p;
  const period = policy.benefitPeriod.basis === 'customer-life' ? `customer life of ${policy.benefitPeriod.months} months` : 'contract term';
  return [
    `capitalization policy v${p.version} (${p.createdAt}${p.createdBy ? ` by ${p.createdBy}` : ''})`,
    `  incremental components: ${policy.incrementalComponentIds.join(', ') || '(none)'}`,
    `  benefit period: ${period}; contracts assumed ${policy.defaultContractTermMonths} months`,
    `  practical expedient (expense when 12 months or less): ${policy.practicalExpedient ? 'on' : 'off'}`,
    `  accounts: asset ${policy.accounts.deferredCommissionAsset}, expense ${policy.accounts.commissionExpense}, payable ${policy.accounts.commissionsPayable}, impairment ${policy.accounts.impairmentExpense}`,
  ].join('\n');
}

function describeRollForward(r: RollForwardWire): string {
  const m = (minor: string) => formatMinorAsMajor(BigInt(minor), r.currency).padStart(16);
  const head = `${'month'.padEnd(8)}${['opening', 'capitalized', 'amortized', 'impaired', 'closing'].map((h) => h.padStart(16)).join('')}`;
  const row = (label: string, l: RollForwardWire['total']) => `${label.padEnd(8)}${m(l.openingMinor)}${m(l.capitalizedMinor)}${m(l.amortizedMinor)}${m(l.impairedMinor)}${m(l.closingMinor)}`;
  return [
    `deferred commissions ${r.from}..${r.to} (${r.currency}, policy v${r.policyVersion})`, head, ...r.months.map((x) => row(x.month, x)), row('total', r.total),
    `expensed as incurred: ${formatMinorAsMajor(BigInt(r.expensedMinor), r.currency)} ${r.currency}`,
  ].join('\n');
}

function describeJournal(j: JournalEntriesWire): string {
  if (j.items.length === 0) return `no journal entries ${j.from}..${j.to}`;
  return j.items
    .map((e) => `${e.date}  ${e.kind.padEnd(14)} ${e.lines.map((l) => `${l.side === 'debit' ? 'Dr' : 'Cr'} ${l.account} ${formatMinorAsMajor(BigInt(l.amountMinor), e.currency)}`).join('  ')}  ${e.currency}  contract ${e.contractId}`)
    .join('\n');
}

const range = (o: { from: string; to: string }) => ({ from: o.from, to: o.to });

export function registerCapitalization(program: Command): void {
  const cap = program.command('capitalization').description('commission capitalization (ASC 340-40 / IFRS 15): policy, roll-forward, journal entries');
  const policy = cap.command('policy').description('the capitalization policy: versions are kept, the latest is in force');
  policy
    .command('set')
    .description('set a new version of the policy from a file (fields: docs/capitalization.md)')
    .argument('<file>', 'the policy, .json or .yaml')
    .option('--org <org>', 'organisation id or name')
    .action((file: string, o: { org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        if (!existsSync(file) || !statSync(file).isFile()) throw invalid('file', `no file ${file}`);
        const parsed = parseCapitalizationPolicyText(readFileSync(file, 'utf8'));
        const org = await resolveOrg(rt, o.org);
        const saved = await setCapitalizationPolicy(rt.ctx, cliActor(org), parsed);
        output(rt, saved, () => describePolicy(saved));
      }),
    );
  policy
    .command('show')
    .description('the policy in force')
    .option('--org <org>', 'organisation id or name')
    .action((o: { org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        const current = await getCapitalizationPolicy(rt.ctx, cliActor(org));
        output(rt, current, () => describePolicy(current));
      }),
    );
  cap
    .command('roll-forward')
    .description('deferred commission roll-forward by month: opening + capitalized - amortized - impaired = closing')
    .requiredOption('--from <month>', 'first month, YYYY-MM')
    .requiredOption('--to <month>', 'last month, YYYY-MM')
    .option('--org <org>', 'organisation id or name')
    .action((o: { from: string; to: string; org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        const report = await rollForward(rt.ctx, cliActor(org), range(o));
        output(rt, report, () => describeRollForward(report));
      }),
    );
  cap
    .command('journal')
    .description('journal entries of the months: capitalization, expense, amortization, impairment')
    .requiredOption('--from <month>', 'first month, YYYY-MM')
    .requiredOption('--to <month>', 'last month, YYYY-MM')
    .option('--csv', 'print them as CSV, one row per debit or credit line (formula-safe)')
    .option('--org <org>', 'organisation id or name')
    .action((o: { from: string; to: string; csv?: boolean; org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        const org = await resolveOrg(rt, o.org);
        const journal = await journalEntries(rt.ctx, cliActor(org), range(o));
        if (o.csv) process.stdout.write(journalEntriesCsv(journal));
        else output(rt, journal, () => describeJournal(journal));
      }),
    );
}
