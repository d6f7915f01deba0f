import type { Actor, Organisation, Person, Role, User } from '@attain/core';
import { loadActor } from '../auth/actor.js';
import { createUser } from '../auth/users.js';
import { settleRecalculations } from '../calc/recalculate-payees.js';
import { createAppContext, type AppContext } from '../context.js';
import { persons } from '../crm/entities.js';
import { hashPassword } from '../passwords.js';
import { createRecord } from '../crm/records.js';
import { createOrganisation, systemActor } from '../orgs.js';
import type { Database } from '@attain/store';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestOrg {
  readonly org: Organisation;
  readonly admin: Actor;
  /** A manager with two reps; `otherManager` has one rep of her own. */
  readonly people: { vp: Person; manager: Person; rep: Person; rep2: Person; otherManager: Person; otherRep: Person };
  readonly users: Record<'admin' | 'ops' | 'finance' | 'manager' | 'rep' | 'rep2' | 'otherRep', User>;
  readonly actors: Record<'admin' | 'ops' | 'finance' | 'manager' | 'rep' | 'rep2' | 'otherRep', Actor>;
}

let counter = 0;

/**
 * A fresh organisation built through the real use cases: a VP, two managers, three reps, and
 * a user for each role. E-mails carry a unique tag so many orgs can share one database.
 */
/** TEST_PASSWORD's hash, made once per process: seven test users a test organisation would otherwise cost about a second of scrypt. */
let passwordHashOnce: Promise<string> | undefined;
const testPasswordHash = (): Promise<string> => (passwordHashOnce ??= hashPassword(TEST_PASSWORD));

export async function createTestOrg(ctx: AppContext, name = 'Test Org'): Promise<TestOrg> {
  const tag = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  const org = await createOrganisation(ctx, { name: `${name} ${tag}`, fiscalYearStartMonth: 1, defaultCurrency: 'USD', currencies: ['EUR'] });
  const admin = systemActor(org.id);
  const person = (input: Record<string, unknown>) => createRecord(ctx, admin, persons, input);
  const vp = await person({ name: 'Vera VP', kind: 'vp', hireDate: '2020-01-01' });
  const manager = await person({ name: 'Mona Manager', kind: 'manager', hireDate: '2021-01-01', managerId: vp.id });
  const rep = await person({ name: 'Rita Rep', kind: 'ae', hireDate: '2022-01-01', managerId: manager.id });
  const rep2 = await person({ name: 'Rob Rep', kind: 'ae', hireDate: '2022-02-01', managerId: manager.id });
  const otherManager = await person({ name: 'Otto Manager', kind: 'manager', hireDate: '2021-01-01', managerId: vp.id });
  const otherRep = await person({ name: 'Olga Rep', kind: 'ae', hireDate: '2022-03-01', managerId: otherManager.id });
  const passwordHash = await testPasswordHash();
  const mk = (key: string, role: Role, personId: string | null) =>
    createUser(ctx, admin, { email: `${key}.${tag}@test.example`, name: key, role, personId, passwordHash });
  const users = {
    admin: await mk('admin', 'admin', null),
    ops: await mk('ops', 'sales_ops', null),
    finance: await mk('finance', 'finance', null),
    manager: await mk('manager', 'manager', manager.id),
    rep: await mk('rep', 'rep', rep.id),
    rep2: await mk('rep2', 'rep', rep2.id),
    otherRep: await mk('otherrep', 'rep', otherRep.id),
  };
  const actors = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([k, u]) => [k, await loadActor(ctx, u)]))) as TestOrg['actors'];
  return { org, admin, people: { vp, manager, rep, rep2, otherManager, otherRep }, users, actors };
}

/**
 * An app context over a test database with the real clock. Closing the database first waits for
 * the context's background recalculations (a won deal starts one), so none is cut off mid-query.
 */
export function testContext(database: Database, clock?: () => Date): AppContext {
  const ctx = createAppContext(database, clock);
  const close = database.close.bind(database);
  Object.defineProperty(database, 'close', { value: async () => { await settleRecalculations(ctx); await close(); } });
  return ctx;
}
