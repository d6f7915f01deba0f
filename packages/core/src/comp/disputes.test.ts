import { describe, expect, it } from 'vitest';
import type { Actor } from '../roles.js';
import { disputeAgeDays, disputeParty, disputeSummary, disputeTransition, type DisputeAction, type DisputeParty, type DisputeState } from './disputes.js';

const actor = (role: Actor['role'], personId: string | null, team: string[] = []): Actor => ({ orgId: 'o', userId: `u_${role}`, role, personId, teamPersonIds: team });
const state = (over: Partial<DisputeState> = {}): DisputeState => ({ status: 'open', assigneeUserId: null, reopenCount: 0, ...over });
const move = (s: DisputeState | null, action: DisputeAction, party: DisputeParty, assigneeUserId?: string) =>
  disputeTransition({ state: s, action, party, actorUserId: 'u_act', ...(assigneeUserId === undefined ? {} : { assigneeUserId }) });

describe('dispute parties', () => {
  it('knows the payee first, then finance, then the manager of her team, else no one', () => {
    expect(disputeParty(actor('rep', 'p1'), 'p1')).toBe('payee');
    expect(disputeParty(actor('finance', 'p1'), 'p1')).toBe('payee');
    expect(disputeParty(actor('finance', null), 'p1')).toBe('finance');
    expect(disputeParty(actor('admin', null), 'p1')).toBe('finance');
    expect(disputeParty(actor('manager', 'm', ['m', 'p1']), 'p1')).toBe('manager');
    expect(disputeParty(actor('manager', 'm', ['m', 'p2']), 'p1')).toBe('none');
    expect(disputeParty(actor('rep', 'p2'), 'p1')).toBe('none');
    expect(disputeParty(actor('sales_ops', null), 'p1')).toBe('none');
  });
});

describe('the dispute lifecycle', () => {
  it('goes open, assigned, answered, resolved', () => {
    const raised = move(null, 'raise', 'payee');
    expect(raised).toEqual({ status: 'open', assigneeUserId: null, reopenCount: 0 });
    const assigned = move(raised, 'assign', 'finance', 'u_fin');
    expect(assigned).toEqual({ status: 'assigned', assigneeUserId: 'u_fin', reopenCount: 0 });
    const answered = move(assigned, 'answer', 'finance');
    expect(answered).toMatchObject({ status: 'answered', assigneeUserId: 'u_fin' });
    expect(move(answered, 'resolve', 'finance')).toMatchObject({ status: 'resolved', assigneeUserId: 'u_fin' });
  });

  it('lets the manager raise on her payee\'s behalf, never finance or a stranger', () => {
    expect(move(null, 'raise', 'manager').status).toBe('open');
    expect(() => move(null, 'raise', 'finance')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => move(null, 'raise', 'none')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => move(state(), 'raise', 'payee')).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('keeps assign, answer and resolve to finance; a stranger finds nothing', () => {
    for (const action of ['assign', 'answer', 'resolve'] as const) {
      expect(() => move(state(), action, 'payee', 'u_x')).toThrow(expect.objectContaining({ code: 'forbidden' }));
      expect(() => move(state(), action, 'manager', 'u_x')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    }
    expect(() => move(state(), 'comment', 'none')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => move(state(), 'assign', 'finance')).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });

  it('assigns an unassigned dispute to whoever answers or resolves it', () => {
    expect(move(state(), 'answer', 'finance')).toMatchObject({ status: 'answered', assigneeUserId: 'u_act' });
    expect(move(state(), 'resolve', 'finance')).toMatchObject({ status: 'resolved', assigneeUserId: 'u_act' });
  });

  it('sends an answered dispute back to finance when the payee replies; finance comments change nothing', () => {
    expect(move(state({ status: 'answered', assigneeUserId: 'u_fin' }), 'comment', 'payee')).toMatchObject({ status: 'assigned', assigneeUserId: 'u_fin' });
    expect(move(state({ status: 'answered' }), 'comment', 'manager').status).toBe('open');
    expect(move(state({ status: 'answered', assigneeUserId: 'u_fin' }), 'comment', 'finance').status).toBe('answered');
    expect(move(state({ status: 'assigned', assigneeUserId: 'u_fin' }), 'comment', 'payee').status).toBe('assigned');
  });

  it('closes a resolved dispute to everything but one reopening by the payee or her manager', () => {
    const resolved = state({ status: 'resolved', assigneeUserId: 'u_fin' });
    for (const action of ['comment', 'assign', 'answer', 'resolve'] as const) {
      expect(() => move(resolved, action, 'finance', 'u_fin')).toThrow(expect.objectContaining({ code: 'conflict' }));
    }
    expect(() => move(resolved, 'reopen', 'finance')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    const reopened = move(resolved, 'reopen', 'payee');
    expect(reopened).toEqual({ status: 'assigned', assigneeUserId: 'u_fin', reopenCount: 1 });
    expect(() => move({ ...reopened, status: 'resolved' }, 'reopen', 'manager')).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => move(state(), 'reopen', 'payee')).toThrow(expect.objectContaining({ code: 'conflict' }));
  });
});

describe('dispute ages and the summary', () => {
  it('counts whole days from the raising day to the resolution or today', () => {
    expect(disputeAgeDays('2026-03-01T23:59:00.000Z', null, '2026-03-01')).toBe(0);
    expect(disputeAgeDays('2026-03-01T23:59:00.000Z', null, '2026-03-02')).toBe(1);
    expect(disputeAgeDays('2026-02-27T10:00:00.000Z', '2026-03-02T08:00:00.000Z', '2026-12-31')).toBe(3);
  });

  it('counts by status and gives the lower median and the oldest of the unresolved ones', () => {
    const summary = disputeSummary([
      { status: 'open', raisedAt: '2026-03-01T10:00:00.000Z', resolvedAt: null },
      { status: 'assigned', raisedAt: '2026-03-05T10:00:00.000Z', resolvedAt: null },
      { status: 'answered', raisedAt: '2026-03-08T10:00:00.000Z', resolvedAt: null },
      { status: 'open', raisedAt: '2026-03-09T10:00:00.000Z', resolvedAt: null },
      { status: 'resolved', raisedAt: '2026-01-01T10:00:00.000Z', resolvedAt: '2026-01-11T10:00:00.000Z' },
      // Reopened: the stored resolvedAt of the first resolution does not count.
      { status: 'assigned', raisedAt: '2026-03-10T10:00:00.000Z', resolvedAt: '2026-03-10T12:00:00.000Z' },
    ], '2026-03-10');
    expect(summary.counts).toEqual({ open: 2, assigned: 2, answered: 1, resolved: 1 });
    expect(summary.unresolved).toBe(5);
    // Ages 9, 5, 2, 1, 0: median 2, oldest 9.
    expect(summary.medianAgeDays).toBe(2);
    expect(summary.oldestAgeDays).toBe(9);
    expect(summary.medianResolutionDays).toBe(10);
  });

  it('takes the lower of the two middle ages and answers null when nothing waits', () => {
    const at = (d: string) => ({ status: 'open' as const, raisedAt: `${d}T00:00:00.000Z`, resolvedAt: null });
    expect(disputeSummary([at('2026-03-01'), at('2026-03-04'), at('2026-03-06'), at('2026-03-10')], '2026-03-10').medianAgeDays).toBe(4);
    expect(disputeSummary([], '2026-03-10')).toEqual({ counts: { open: 0, assigned: 0, answered: 0, resolved: 0 }, unresolved: 0, medianAgeDays: null, oldestAgeDays: null, medianResolutionDays: null });
  });
});
