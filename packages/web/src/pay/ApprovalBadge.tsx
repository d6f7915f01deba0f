import { approvalLabel, approvalTone, type ApprovalStatus } from './approval-status.js';

/** A statement's approval status as a badge (pending manager, pending finance, approved, changed since approval). */
export function ApprovalBadge({ status }: { status: ApprovalStatus }) {
  const tone = approvalTone(status);
  return <span className={`badge${tone ? ` ${tone}` : ''}`} data-testid="approval-status" data-status={status}>{approvalLabel(status)}</span>;
}
