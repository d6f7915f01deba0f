import { DomainError } from '../errors.js';
import type { Role } from '../roles.js';

/**
 * Statement approvals: a route of steps (the payee's manager, then finance). An approval records
 * what the statement said (result hash and posted total); it stays current only while the
 * statement still says that. A change after approval is a discrepancy to approve again.
 */
export type ApprovalStep = 'manager' | 'finance';

export interface ApprovalRecord {
  readonly step: ApprovalStep;
  readonly resultHash: string;
  readonly postedMinor: bigint;
  readonly approvedBy: string;
  readonly approvedAt: string;
}

export type ApprovalStatus = 'pending-manager' | 'pending-finance' | 'approved' | 'changed-since-approval';

export interface ApprovalState {
  readonly status: ApprovalStatus;
  /** The steps this statement needs, in order. */
  readonly route: readonly ApprovalStep[];
  /** The latest approval of each step, and whether it still matches the statement. */
  readonly steps: readonly { readonly step: ApprovalStep; readonly latest: ApprovalRecord | null; readonly current: boolean }[];
  /** The step waiting for an approval (again), if any. */
  readonly next: ApprovalStep | null;
}

/**
 * Where a statement stands on its route. `hasManager`: the payee reports to someone in the
 * period, so her manager approves first. Approvals may come in any order in the list.
 */
export function approvalState(input: {
  readonly current: { readonly resultHash: string; readonly postedMinor: bigint };
  readonly approvals: readonly ApprovalRecord[];
  readonly hasManager: boolean;
}): ApprovalState {
  const route: ApprovalStep[] = input.hasManager ? ['manager', 'finance'] : ['finance'];
  const latestOf = (step: ApprovalStep) =>
    input.approvals.filter((a) => a.step === step).reduce<ApprovalRecord | null>((best, a) => (!best || a.approvedAt >= best.approvedAt ? a : best), null);
  const steps = route.map((step) => {
    const latest = latestOf(step);
    return { step, latest, current: latest !== null && latest.resultHash === input.current.resultHash && latest.postedMinor === input.current.postedMinor };
  });
  const waiting = steps.find((s) => !s.current);
  if (!waiting) return { status: 'approved', route, steps, next: null };
  const stale = steps.some((s) => s.latest !== null && !s.current);
  return { status: stale ? 'changed-since-approval' : waiting.step === 'manager' ? 'pending-manager' : 'pending-finance', route, steps, next: waiting.step };
}

/**
 * May this person approve the statement's next step? Separation of duties: never the payee, never
 * whoever prepared the run, never the same person for both steps; the manager step is the payee's
 * manager's (or an admin's), the finance step finance's (or an admin's). Throws `forbidden` or
 * `conflict` saying why.
 */
export function checkApprover(input: {
  readonly state: ApprovalState;
  readonly approver: { readonly userId: string; readonly personId: string | null; readonly role: Role; readonly managesPayee: boolean };
  readonly payeePersonId: string;
  readonly preparedBy: string | null;
}): ApprovalStep {
  const { state, approver } = input;
  const step = state.next;
  if (step === null) throw new DomainError('conflict', 'the statement is already approved as it stands');
  if (approver.personId !== null && approver.personId === input.payeePersonId) throw new DomainError('forbidden', 'no one approves her own statement');
  if (input.preparedBy !== null && approver.userId === input.preparedBy) throw new DomainError('forbidden', 'whoever prepared the calc run cannot approve its statements');
  const other = state.steps.find((s) => s.step !== step && s.current);
  if (other?.latest?.approvedBy === approver.userId) throw new DomainError('forbidden', `the ${other.step} step was approved by you: the ${step} step needs someone else`);
  const allowed = step === 'manager' ? approver.role === 'admin' || (approver.role === 'manager' && approver.managesPayee) : approver.role === 'admin' || approver.role === 'finance';
  if (!allowed) throw new DomainError('forbidden', step === 'manager' ? "the payee's manager approves first" : 'finance approves after the manager');
  return step;
}
