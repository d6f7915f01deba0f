import { describe, expect, it } from 'vitest';
import type { ApprovalStateWire } from '@attain/contract';
import {
  APPROVAL_STATUSES, approvalDiscrepancies, approvalLabel, approvalTone, approverLabel, countByStatus, majorUnits, namedReasons, parseApprovalFilter, reasonsTally, stepLabel, withApproval,
} from './approval-status.js';

const items = [
  { personId: 'p1', personName: 'Ann', approval: 'approved' as const },
  { personId: 'p2', personName: 'Bob', approval: 'pending-manager' as const },
  { personId: 'p3', personName: 'Cy', approval: 'approved' as const },
  { personId: 'p4', personName: 'Di', approval: 'changed-since-approval' as const },
];

describe('approval labels', () => {
  it('names every status and step in words', () => {
    expect(APPROVAL_STATUSES.map(approvalLabel)).toEqual(['Pending manager', 'Pending finance', 'Approved', 'Changed since approval']);
    expect(stepLabel('manager')).toBe('Manager');
    expect(stepLabel('finance')).toBe('Finance');
  });
  it('tones approved as good, a change as a warning, pending as neutral', () => {
    expect(approvalTone('approved')).toBe('ok');
    expect(approvalTone('changed-since-approval')).toBe('danger');
    expect(approvalTone('pending-finance')).toBe('');
  });
  it('says "you" for the signed-in user, else the name, else the id', () => {
    const names = new Map([['usr_2', 'Carla Controller']]);
    expect(approverLabel('usr_1', 'usr_1', names)).toBe('you');
    expect(approverLabel('usr_2', 'usr_1', names)).toBe('Carla Controller');
    expect(approverLabel('usr_3', 'usr_1', names)).toBe('usr_3');
  });
});

describe('counts and the status filter', () => {
  it('counts statements per status, zeros included', () => {
    expect(countByStatus(items)).toEqual({ 'pending-manager': 1, 'pending-finance': 0, approved: 2, 'changed-since-approval': 1 });
    expect(countByStatus([])).toEqual({ 'pending-manager': 0, 'pending-finance': 0, approved: 0, 'changed-since-approval': 0 });
  });
  it('keeps the statements of one status, or all', () => {
    expect(withApproval(items, 'approved').map((s) => s.personId)).toEqual(['p1', 'p3']);
    expect(withApproval(items, 'pending-finance')).toEqual([]);
    expect(withApproval(items, 'all')).toHaveLength(4);
  });
  it('reads a filter from a select, anything unknown as all', () => {
    expect(parseApprovalFilter('pending-finance')).toBe('pending-finance');
    expect(parseApprovalFilter('all')).toBe('all');
    expect(parseApprovalFilter('paid')).toBe('all');
  });
});

describe('bulk answers', () => {
  const skipped = [{ personId: 'p2', reason: "the payee's manager approves first" }, { personId: 'p9', reason: 'the statement is already approved as it stands' }, { personId: 'p4', reason: "the payee's manager approves first" }];
  it('names the payees the table knows, and keeps the id of the others', () => {
    expect(namedReasons(skipped, items).map((s) => s.name)).toEqual(['Bob', 'p9', 'Di']);
  });
  it('groups reasons, most frequent first', () => {
    expect(reasonsTally(skipped)).toEqual([{ reason: "the payee's manager approves first", count: 2 }, { reason: 'the statement is already approved as it stands', count: 1 }]);
  });
});

describe('a change since approval', () => {
  it('lists each stale step with the total it approved', () => {
    const state: ApprovalStateWire = {
      status: 'changed-since-approval', route: ['manager', 'finance'], next: 'manager',
      steps: [
        { step: 'manager', current: false, latest: { resultHash: 'h1', postedMinor: '500000', approvedBy: 'usr_m', approvedAt: '2026-05-01T10:00:00Z' } },
        { step: 'finance', current: false, latest: null },
      ],
    };
    expect(approvalDiscrepancies(state)).toEqual([{ step: 'manager', approvedMinor: '500000' }]);
    expect(approvalDiscrepancies({ ...state, status: 'pending-finance', steps: [{ ...state.steps[0]!, current: true }] })).toEqual([]);
  });
});

describe('major units', () => {
  it('turns minor units into the exact decimal payroll files carry', () => {
    expect(majorUnits('123456', 'USD')).toBe('1234.56');
    expect(majorUnits('-5', 'USD')).toBe('-0.05');
    expect(majorUnits('900719925474099312', 'USD')).toBe('9007199254740993.12');
    expect(majorUnits('1500', 'JPY')).toBe('1500');
  });
});
