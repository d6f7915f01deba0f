import { describe, expect, it } from 'vitest';
import { approvalState, checkApprover, type ApprovalRecord } from './approvals.js';

const current = { resultHash: 'h1', postedMinor: 1000n };
const approval = (step: ApprovalRecord['step'], by: string, at: string, over: Partial<ApprovalRecord> = {}): ApprovalRecord => ({ step, resultHash: 'h1', postedMinor: 1000n, approvedBy: by, approvedAt: at, ...over });
const approver = (userId: string, role: 'manager' | 'finance' | 'admin' | 'rep', over: { personId?: string; managesPayee?: boolean } = {}) =>
  ({ userId, role, personId: over.personId ?? null, managesPayee: over.managesPayee ?? false });

describe('statement approvals', () => {
  it('walks the route manager, then finance; a payee without a manager goes to finance directly', () => {
    expect(approvalState({ current, approvals: [], hasManager: true })).toMatchObject({ status: 'pending-manager', next: 'manager' });
    expect(approvalState({ current, approvals: [approval('manager', 'm', '1')], hasManager: true })).toMatchObject({ status: 'pending-finance', next: 'finance' });
    expect(approvalState({ current, approvals: [approval('finance', 'f', '2'), approval('manager', 'm', '1')], hasManager: true })).toMatchObject({ status: 'approved', next: null });
    expect(approvalState({ current, approvals: [], hasManager: false })).toMatchObject({ status: 'pending-finance', route: ['finance'] });
  });

  it('shows a change after approval as a discrepancy to approve again, from the first step', () => {
    const approvals = [approval('manager', 'm', '1'), approval('finance', 'f', '2')];
    const changed = approvalState({ current: { resultHash: 'h1', postedMinor: 1200n }, approvals, hasManager: true });
    expect(changed).toMatchObject({ status: 'changed-since-approval', next: 'manager' });
    const reapproved = approvalState({ current: { resultHash: 'h2', postedMinor: 1200n }, approvals: [...approvals, approval('manager', 'm', '3', { resultHash: 'h2', postedMinor: 1200n })], hasManager: true });
    expect(reapproved).toMatchObject({ status: 'changed-since-approval', next: 'finance' });
  });

  it('keeps duties apart: not the payee, not the preparer, not both steps, and each step its own role', () => {
    const pending = approvalState({ current, approvals: [], hasManager: true });
    const check = (a: ReturnType<typeof approver>, preparedBy: string | null = 'prep', state = pending) => () => checkApprover({ state, approver: a, payeePersonId: 'payee', preparedBy });
    expect(check(approver('m', 'manager', { managesPayee: true }))()).toBe('manager');
    expect(check(approver('m2', 'manager'))).toThrow(/manager approves first/);
    expect(check(approver('f', 'finance'))).toThrow(/manager approves first/);
    expect(check(approver('prep', 'admin'))).toThrow(/prepared the calc run/);
    expect(check(approver('self', 'manager', { personId: 'payee', managesPayee: true }))).toThrow(/her own statement/);
    const managerDone = approvalState({ current, approvals: [approval('manager', 'adm', '1')], hasManager: true });
    expect(check(approver('adm', 'admin'), 'prep', managerDone)).toThrow(/needs someone else/);
    expect(check(approver('f', 'finance'), 'prep', managerDone)()).toBe('finance');
    expect(check(approver('r', 'rep'), 'prep', managerDone)).toThrow(/finance approves/);
    const done = approvalState({ current, approvals: [approval('manager', 'm', '1'), approval('finance', 'f', '2')], hasManager: true });
    expect(check(approver('f2', 'finance'), 'prep', done)).toThrow(/already approved/);
  });
});
