import { invalid, type Organisation, type Role } from '@attain/core';
import { inTransaction, userRepo } from '@attain/store';
import type { AppContext } from '../context.js';
import { createOrganisation, systemActor } from '../orgs.js';
import { createInTx } from '../crm/records.js';
import { persons } from '../crm/entities.js';
import { createUser } from '../auth/users.js';

export type DemoSize = 'small' | 'medium' | 'large';

/** Demo credentials only: printed by `npm start` and written in the README as such. */
export const DEMO_PASSWORD = 'attain-demo';

export interface DemoProgress {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

export interface DemoResult {
  readonly org: Organisation;
  readonly counts: Record<string, number>;
  readonly logins: { email: string; role: Role; name: string }[];
}

const DEMO_LOGINS: { email: string; role: Role; name: string }[] = [
  { email: 'admin@example.com', role: 'admin', name: 'Alex Admin' },
  { email: 'ops@example.com', role: 'sales_ops', name: 'Olivia Ops' },
  { email: 'finance@example.com', role: 'finance', name: 'Frank Finance' },
  { email: 'manager@example.com', role: 'manager', name: 'Maria Manager' },
  { email: 'rep@example.com', role: 'rep', name: 'Ray Rep' },
];

/**
 * Seeds a demo organisation: a sales org with its hierarchy and the five demo logins.
 * Deterministic by seed (names and structure; ids and timestamps come from the context).
 */
export async function seedDemo(
  ctx: AppContext,
  options: { size: DemoSize; seed: number; orgName?: string; onProgress?: (p: DemoProgress) => void },
): Promise<DemoResult> {
  for (const login of DEMO_LOGINS) {
    if (await userRepo.findForLogin(ctx.database.db, login.email)) throw invalid('email', `${login.email} exists already: this database has a demo organisation`);
  }
  const org = await createOrganisation(ctx, { name: options.orgName ?? 'Acme Demo', fiscalYearStartMonth: 2, defaultCurrency: 'USD', currencies: ['EUR', 'GBP'] });
  const actor = systemActor(org.id);
  const people = await inTransaction(ctx.database.db, async (tx) => {
    const vp = await createInTx(ctx, tx, actor, org, persons, { name: 'Victoria Vance', kind: 'vp', title: 'VP Sales', hireDate: '2019-03-01' });
    const manager = await createInTx(ctx, tx, actor, org, persons, { name: 'Maria Manager', kind: 'manager', title: 'Sales Manager', hireDate: '2021-06-01', managerId: vp.id });
    const rep = await createInTx(ctx, tx, actor, org, persons, { name: 'Ray Rep', kind: 'ae', title: 'Account Executive', hireDate: '2023-01-09', managerId: manager.id });
    return { vp, manager, rep };
  });
  const personFor: Partial<Record<Role, string>> = { manager: people.manager.id, rep: people.rep.id };
  for (const login of DEMO_LOGINS) {
    await createUser(ctx, actor, { ...login, personId: personFor[login.role] ?? null, password: DEMO_PASSWORD });
  }
  options.onProgress?.({ phase: 'people', done: 3, total: 3 });
  return { org, counts: { people: 3, users: DEMO_LOGINS.length }, logins: DEMO_LOGINS };
}
