import type { PlanAssignmentItem } from '@attain/contract';
import { matchesText, sortRows, type Sort, type SortValue } from '../pay/table-sort.js';

/*
 * The assignments table's rows: filtered by one text (person or plan) and sorted by any
 * column. Money compares as bigint minor units, dates as ISO text (which sorts as dates).
 */

export type AssignmentSortKey = 'person' | 'plan' | 'from' | 'to' | 'target' | 'quota' | 'base' | 'ote';

export const DEFAULT_SORT: Sort<AssignmentSortKey> = { key: 'person', descending: false };

const minor = (value: string | null): bigint | null => (value === null ? null : BigInt(value));

function valueOf(row: PlanAssignmentItem, key: AssignmentSortKey): SortValue {
  switch (key) {
    case 'person': return row.personName;
    case 'plan': return `${row.planName} v${String(row.planVersion).padStart(6, '0')}`;
    case 'from': return row.validFrom;
    // Open-ended runs longest: it sorts after every end date.
    case 'to': return row.validTo ?? '9999-12-31';
    case 'target': return minor(row.targetIncentiveMinor);
    case 'quota': return minor(row.annualQuotaMinor);
    case 'base': return minor(row.baseSalaryMinor);
    case 'ote': return minor(row.oteMinor);
  }
}

/** A person's rows stay in date order whatever column ties. */
const byPersonThenStart = (a: PlanAssignmentItem, b: PlanAssignmentItem): number =>
  a.personName.localeCompare(b.personName) || a.validFrom.localeCompare(b.validFrom);

/** The rows whose person, plan name or plan key contains `filter`, in the chosen order. */
export function visibleAssignments(items: readonly PlanAssignmentItem[], sort: Sort<AssignmentSortKey>, filter: string): PlanAssignmentItem[] {
  const shown = items.filter((i) => matchesText(i.personName, filter) || matchesText(i.planName, filter) || matchesText(i.planKey, filter));
  return sortRows(shown, sort, valueOf, byPersonThenStart);
}

/** "0 / 25% / 50% / 75%, then 100%" for a ramp of exact decimals, without a float. */
export function rampText(ramp: readonly string[] | null): string {
  if (!ramp || ramp.length === 0) return '';
  return `${ramp.map(percentOf).join(' / ')}, then 100%`;
}

function percentOf(decimal: string): string {
  const [whole = '0', fraction = ''] = decimal.split('.');
  // Moving the point two places is exact on the text.
  const digits = `${whole}${fraction.padEnd(2, '0')}`;
  const intPart = digits.slice(0, whole.length + 2).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(whole.length + 2).replace(/0+$/, '');
  return `${intPart}${rest ? `.${rest}` : ''}%`;
}
