import {
  capitalizeCost, formatMinorAsMajor, invalid, journalEntriesForMonths, neutraliseCsvCell, rollForwardDeferredCommissions,
  type Actor, type CapitalizationOutcome, type CommissionJournalEntry, type RollForwardLine, type RollForwardTable,
} from '@attain/core';
import type { CommissionJournalEntryWire, JournalEntriesWire, MonthRangeQuery, RollForwardLineWire, RollForwardWire } from '@attain/contract';
import { stringify } from 'csv-stringify/sync';
import type { AppContext } from '../context.js';
import { capitalizationCosts, type CapitalizationCosts } from './capitalization-costs.js';

/** Longest range a report covers, in months (50 years): the tables grow with it. */
export const MAX_REPORT_MONTHS = 600;

const monthCount = (field: string, month: string): number => {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw invalid(field, `not a month YYYY-MM: "${month}"`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
};

function checkRange(range: MonthRangeQuery): void {
  const from = monthCount('from', range.from);
  const to = monthCount('to', range.to);
  if (to < from) throw invalid('to', 'must not be before from');
  if (to - from + 1 > MAX_REPORT_MONTHS) throw invalid('to', `a report covers at most ${MAX_REPORT_MONTHS} months`);
}

const lineWire = (l: RollForwardLine): RollForwardLineWire => ({
  openingMinor: l.openingMinor.toString(), capitalizedMinor: l.capitalizedMinor.toString(), amortizedMinor: l.amortizedMinor.toString(),
  impairedMinor: l.impairedMinor.toString(), closingMinor: l.closingMinor.toString(),
});
const tableWire = (t: RollForwardTable) => ({ months: t.months.map((m) => ({ month: m.month, ...lineWire(m) })), total: lineWire(t.total) });

const outcomesOf = (data: CapitalizationCosts): CapitalizationOutcome[] => data.costs.map((cost) => capitalizeCost({ policy: data.policy, cost }));

/**
 * The deferred commission asset roll-forward for months from..to (opening, capitalized,
 * amortized, impaired, closing) in total, per contract and per payee, from core over the
 * organisation's costs, plus what was expensed as incurred in the range. Each line ties to the
 * cent: opening + capitalized - amortized - impaired = closing. Needs `calc_run:read`.
 */
export async function rollForward(ctx: AppContext, actor: Actor, range: MonthRangeQuery): Promise<RollForwardWire> {
  checkRange(range);
  const data = await capitalizationCosts(ctx, actor);
  const outcomes = outcomesOf(data);
  const report = rollForwardDeferredCommissions({ policy: data.policy, outcomes, events: data.events, from: range.from, to: range.to, currency: data.currency });
  const expensedMinor = outcomes
    .filter((o) => o.treatment === 'expensed' && o.month >= range.from && o.month <= range.to)
    .reduce((sum, o) => sum + (o.treatment === 'expensed' ? o.cost.amountMinor : 0n), 0n);
  return {
    currency: report.currency, from: report.from, to: report.to, policyVersion: data.policyVersion, expensedMinor: expensedMinor.toString(), ...tableWire(report),
    byContract: report.byContract.map((t) => ({ contractId: t.contractId, ...tableWire(t) })),
    byPayee: report.byPayee.map((t) => ({ payeeId: t.payeeId, ...tableWire(t) })),
  };
}

const entryWire = (e: CommissionJournalEntry): CommissionJournalEntryWire => ({
  ...e, lines: e.lines.map((l) => ({ account: l.account, side: l.side, amountMinor: l.amountMinor.toString() })),
});

/**
 * The journal entries for months from..to, from core: capitalization, expense, amortization
 * and impairment, one balanced entry (one debit, one credit) per cost and month, dated the
 * month's last day, posting to the policy's accounts. Needs `calc_run:read`.
 */
export async function journalEntries(ctx: AppContext, actor: Actor, range: MonthRangeQuery): Promise<JournalEntriesWire> {
  checkRange(range);
  const data = await capitalizationCosts(ctx, actor);
  const items = journalEntriesForMonths({ policy: data.policy, outcomes: outcomesOf(data), events: data.events, from: range.from, to: range.to });
  return { currency: data.currency, from: range.from, to: range.to, policyVersion: data.policyVersion, items: items.map(entryWire) };
}

/**
 * Journal entries as CSV for a ledger import: one row per line (so two per entry), amounts in
 * major units in a debit or a credit column; every cell neutralised against formula injection.
 */
export function journalEntriesCsv(journal: JournalEntriesWire): string {
  const rows: string[][] = [['entry_id', 'date', 'kind', 'account', 'debit', 'credit', 'currency', 'contract_id', 'payee_id', 'cost_id', 'memo']];
  for (const e of journal.items) {
    for (const l of e.lines) {
      const amount = formatMinorAsMajor(BigInt(l.amountMinor), e.currency);
      rows.push([e.id, e.date, e.kind, l.account, l.side === 'debit' ? amount : '', l.side === 'credit' ? amount : '', e.currency, e.contractId, e.payeeId, e.costId, e.memo]);
    }
  }
  return stringify(rows.map((r) => r.map(neutraliseCsvCell)), { record_delimiter: 'windows' });
}
