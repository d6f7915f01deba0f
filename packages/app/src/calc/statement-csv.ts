import { stringify } from 'csv-stringify/sync';
import { formatMinorAsMajor, neutraliseCsvCell } from '@attain/core';
import type { StatementWire } from '@attain/contract';

const money = (minor: string | undefined, currency: string): string => (minor === undefined ? '' : formatMinorAsMajor(BigInt(minor), currency));

/**
 * A statement as CSV, one row per fact: the summary, each plan's terms, every explanation row
 * (measure, tier slices, rounding, gates, caps, paid), every credit and every ledger entry.
 * Amounts in major units beside the currency; text cells neutralised against formula injection.
 */
export function statementCsv(s: StatementWire): string {
  const c = s.currency;
  const rows: string[][] = [['section', 'item', 'step', 'detail', 'amount', 'currency']];
  const add = (section: string, item: string, step: string, detail: string, amount: string) => rows.push([section, item, step, detail, amount, amount === '' ? '' : c]);
  add('summary', s.personName, 'period', `${s.periodKey} ${s.period.from}..${s.period.to} (${s.period.status})`, '');
  add('summary', s.personName, 'earned', `run ${s.run.id}, hash ${s.hash}`, money(s.earnedMinor, c));
  add('summary', s.personName, 'calculated payout', 'earnings with the draw', money(s.payoutMinor, c));
  add('summary', s.personName, 'posted', 'the entries posted to this period', money(s.postedMinor, c));
  for (const p of s.plans) {
    for (const step of p.terms.steps) add('terms', `${p.planName} v${p.planVersion}`, 'derivation', step, '');
    for (const r of p.explanation) {
      const detail = [r.measureValue && `measure ${money(r.measureValue, c)}`, r.attainment && `attainment ${r.attainment}`, r.tier !== undefined && `tier ${r.tier}`,
        r.rate && `rate ${r.rate}`, r.slice && `slice ${money(r.slice, c)}`, r.acted, r.rounding].filter(Boolean).join('; ');
      add('earnings', r.componentName, r.step, detail, money(r.amountMinor, c));
    }
  }
  for (const cr of s.credits) add('credits', cr.transactionId, cr.creditType, `${cr.date} ${cr.rule}${cr.via ? ` via ${cr.via}` : ''}${cr.payoutShare ? ` payout share ${cr.payoutShare}` : ''}`, money(cr.amountMinor, c));
  for (const e of s.ledger) add('ledger', e.type, e.componentId ?? '', `${e.reason}${e.forPeriod === e.postedPeriod ? '' : ` (for ${e.forPeriod})`}`, money(e.amountMinor, c));
  return stringify(rows.map((r) => r.map(neutraliseCsvCell)), { record_delimiter: 'windows' });
}
