import type { ApprovalStateWire, StatementSummaryItem } from '@attain/contract';
import { formatMinorAsMajor } from '@attain/core';

/*
 * The words and tallies of statement approvals (manager, then finance): labels of a status and
 * a step, counts per status, the status filter, and who approved. Pure, for the pay area's
 * tables and panels.
 */

export type ApprovalStatus = ApprovalStateWire['status'];
export type ApprovalStep = ApprovalStateWire['route'][number];

/** Every status, in the order a statement moves through them (the discrepancy last). */
export const APPROVAL_STATUSES: readonly ApprovalStatus[] = ['pending-manager', 'pending-finance', 'approved', 'changed-since-approval'];

const LABELS: Record<ApprovalStatus, string> = {
  'pending-manager': 'Pending manager',
  'pending-finance': 'Pending finance',
  approved: 'Approved',
  'changed-since-approval': 'Changed since approval',
};

/** "pending-finance" -> "Pending finance". */
export function approvalLabel(status: ApprovalStatus): string {
  return LABELS[status];
}

/** The badge class of a status: approved is good news, a discrepancy a warning, pending neutral. */
export function approvalTone(status: ApprovalStatus): '' | 'ok' | 'danger' {
  return status === 'approved' ? 'ok' : status === 'changed-since-approval' ? 'danger' : '';
}

/** "manager" -> "Manager", "finance" -> "Finance". */
export function stepLabel(step: ApprovalStep): string {
  return step === 'manager' ? 'Manager' : 'Finance';
}

/** How many statements are in each status (every status present, zeros included). */
export function countByStatus(items: readonly Pick<StatementSummaryItem, 'approval'>[]): Record<ApprovalStatus, number> {
  const counts: Record<ApprovalStatus, number> = { 'pending-manager': 0, 'pending-finance': 0, approved: 0, 'changed-since-approval': 0 };
  for (const item of items) counts[item.approval] += 1;
  return counts;
}

/** The status filter of a table: 'all', or one status. */
export type ApprovalFilter = ApprovalStatus | 'all';

/** The statements in the chosen status (all of them for 'all'). */
export function withApproval<T extends Pick<StatementSummaryItem, 'approval'>>(items: readonly T[], filter: ApprovalFilter): T[] {
  return filter === 'all' ? [...items] : items.filter((s) => s.approval === filter);
}

/** Reads a filter from a select's value; anything unknown is 'all'. */
export function parseApprovalFilter(value: string): ApprovalFilter {
  return (APPROVAL_STATUSES as readonly string[]).includes(value) ? (value as ApprovalStatus) : 'all';
}

/** Who approved: "you" for the signed-in user, else her name when known, else the user id. */
export function approverLabel(userId: string, meUserId: string, names: ReadonlyMap<string, string>): string {
  if (userId === meUserId) return 'you';
  return names.get(userId) ?? userId;
}

/**
 * For a statement changed since approval: the posted total each stale step approved, beside what
 * is posted now (minor units as strings). Empty when nothing is stale.
 */
export function approvalDiscrepancies(approval: ApprovalStateWire): { step: ApprovalStep; approvedMinor: string }[] {
  return approval.steps.filter((s) => s.latest !== null && !s.current).map((s) => ({ step: s.step, approvedMinor: s.latest?.postedMinor ?? '0' }));
}

/**
 * Minor units as the plain major-unit decimal payroll files carry ("123456" USD -> "1234.56"),
 * exactly (core's formatMinorAsMajor; never a float): the figure to check against a file's amounts.
 */
export function majorUnits(amountMinor: string, currency: string): string {
  return formatMinorAsMajor(BigInt(amountMinor), currency);
}

/** A bulk approval's skipped statements with the payee's name when the table knows it. */
export function namedReasons(skipped: readonly { personId: string; reason: string }[], items: readonly Pick<StatementSummaryItem, 'personId' | 'personName'>[]): { personId: string; name: string; reason: string }[] {
  const names = new Map(items.map((s) => [s.personId, s.personName]));
  return skipped.map((s) => ({ ...s, name: names.get(s.personId) ?? s.personId }));
}

/** Groups skipped statements by reason (most frequent first, then alphabetically): a bulk answer can list hundreds. */
export function reasonsTally(skipped: readonly { reason: string }[]): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}
