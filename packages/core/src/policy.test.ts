import { describe, expect, it } from 'vitest';
import { can, canAssignOwner, ownedRecordAbilities, ownerInScope, readScope, transactionInScope, type Ability } from './policy.js';
import { ROLES, type Actor, type Role } from './roles.js';

const actor = (role: Role, personId: string | null = null, team: string[] = []): Actor => ({
  orgId: 'org', userId: `u-${role}`, role, personId, teamPersonIds: personId ? [personId, ...team] : team,
});

describe('permission policies', () => {
  it('gives each role the org-level abilities of its job', () => {
    const table = (ability: Ability) => Object.fromEntries(ROLES.map((r) => [r, can(actor(r), ability)]));
    expect(table('opportunity:create')).toEqual({ admin: true, sales_ops: true, finance: false, manager: true, rep: true });
    expect(table('opportunity:read')).toEqual({ admin: true, sales_ops: true, finance: true, manager: true, rep: true });
    expect(table('user:manage')).toEqual({ admin: true, sales_ops: false, finance: false, manager: false, rep: false });
    expect(table('import:run')).toEqual({ admin: true, sales_ops: true, finance: false, manager: false, rep: false });
    expect(table('person:update')).toEqual({ admin: true, sales_ops: true, finance: false, manager: false, rep: false });
    expect(table('audit:verify')).toEqual({ admin: true, sales_ops: true, finance: true, manager: false, rep: false });
    expect(table('saved_view:manage')).toEqual({ admin: true, sales_ops: true, finance: true, manager: true, rep: true });
    expect(table('comp_plan:read')).toEqual({ admin: true, sales_ops: true, finance: true, manager: false, rep: false });
    expect(table('comp_plan:write')).toEqual({ admin: true, sales_ops: true, finance: true, manager: false, rep: false });
    expect(table('plan_assignment:read')).toEqual({ admin: true, sales_ops: true, finance: true, manager: true, rep: true });
    expect(table('plan_assignment:write')).toEqual({ admin: true, sales_ops: true, finance: true, manager: false, rep: false });
    expect(table('comp_transaction:read')).toEqual({ admin: true, sales_ops: true, finance: true, manager: true, rep: true });
    expect(table('calc_run:run')).toEqual({ admin: true, sales_ops: false, finance: true, manager: false, rep: false });
    expect(table('calc_run:read')).toEqual({ admin: true, sales_ops: true, finance: true, manager: false, rep: false });
    expect(table('ledger:adjust')).toEqual({ admin: true, sales_ops: false, finance: true, manager: false, rep: false });
    expect(table('statement:approve')).toEqual({ admin: true, sales_ops: false, finance: true, manager: true, rep: false });
    expect(table('dispute:raise')).toEqual({ admin: true, sales_ops: true, finance: true, manager: true, rep: true });
    expect(table('dispute:manage')).toEqual({ admin: true, sales_ops: false, finance: true, manager: false, rep: false });
    expect(table('comp_period:manage')).toEqual({ admin: true, sales_ops: false, finance: true, manager: false, rep: false });
    expect(table('payroll:export')).toEqual({ admin: true, sales_ops: false, finance: true, manager: false, rep: false });
    expect(table('statement:read')).toEqual({ admin: true, sales_ops: true, finance: true, manager: true, rep: true });
    expect(table('clawback_event:read')).toEqual({ admin: true, sales_ops: true, finance: true, manager: false, rep: false });
  });

  it('shows a transaction to its owner, its split members and their managers only', () => {
    expect(transactionInScope(actor('rep', 'p1'), 'p2', ['p1'])).toBe(true);
    expect(transactionInScope(actor('rep', 'p1'), 'p2', ['p3'])).toBe(false);
    expect(transactionInScope(actor('manager', 'm', ['p3']), null, ['p2', 'p3'])).toBe(true);
    expect(transactionInScope(actor('manager', 'm', ['p3']), 'p2', [])).toBe(false);
    expect(transactionInScope(actor('finance'), null, [])).toBe(true);
  });

  it('scopes reps to themselves and managers to their team', () => {
    expect(readScope(actor('rep', 'p1'))).toEqual({ kind: 'owners', ownerIds: ['p1'] });
    expect(readScope(actor('rep', null))).toEqual({ kind: 'owners', ownerIds: [] });
    expect(readScope(actor('manager', 'm', ['p1', 'p2']))).toEqual({ kind: 'owners', ownerIds: ['m', 'p1', 'p2'] });
    expect(readScope(actor('finance'))).toEqual({ kind: 'all' });
  });

  it('builds record ability maps: nobody outside the scope reads, finance never writes CRM', () => {
    expect(ownedRecordAbilities(actor('rep', 'p1'), 'opportunity', 'p2')).toEqual({ read: false, update: false, archive: false });
    expect(ownedRecordAbilities(actor('rep', 'p1'), 'opportunity', 'p1')).toEqual({ read: true, update: true, archive: true });
    expect(ownedRecordAbilities(actor('rep', 'p1'), 'account', 'p1')).toEqual({ read: true, update: true, archive: false });
    expect(ownedRecordAbilities(actor('finance'), 'account', 'p1')).toEqual({ read: true, update: false, archive: false });
    expect(ownedRecordAbilities(actor('manager', 'm', ['p1']), 'lead', null)).toEqual({ read: false, update: false, archive: false });
  });

  it('lets a manager read her team\'s plan assignments and a rep only her own', () => {
    expect(ownerInScope(actor('rep', 'p1'), 'p1')).toBe(true);
    expect(ownerInScope(actor('rep', 'p1'), 'p2')).toBe(false);
    expect(ownerInScope(actor('manager', 'm', ['p1']), 'p1')).toBe(true);
    expect(ownerInScope(actor('manager', 'm', ['p1']), 'p9')).toBe(false);
    expect(ownerInScope(actor('finance'), 'p9')).toBe(true);
  });

  it('lets records be given only within reach', () => {
    expect(canAssignOwner(actor('rep', 'p1'), 'p2')).toBe(false);
    expect(canAssignOwner(actor('manager', 'm', ['p1']), 'p1')).toBe(true);
    expect(canAssignOwner(actor('manager', 'm', ['p1']), 'p9')).toBe(false);
    expect(canAssignOwner(actor('sales_ops'), 'p9')).toBe(true);
  });
});
