import { dateOfInstant, invalid, isCalendarDate, type Organisation, type Role } from '@attain/core';
import { compTransactionRepo, inTransaction, opportunityHistoryRepo, userRepo, type CompTransaction, type Tx } from '@attain/store';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { repos } from '../crm/repos.js';
import { createOrganisation, systemActor } from '../orgs.js';
import { seedForecastHistory } from './forecast-history.js';
import { hashPassword } from '../passwords.js';
import { seedPlanTemplates } from '../plans/seed-plan-templates.js';
import { CompanyNames } from './companies.js';
import { productRecords } from './deal-products.js';
import { DemoClock, DemoIds, demoContext } from './demo-context.js';
import { stageSetOf } from './opportunities.js';
import { planOrg } from './org-chart.js';
import { seedNextYearPlanVersions } from './next-year-plans.js';
import { seedDemoAssignments } from './plan-assignments.js';
import { writeDemoUsers, writeOrgDirect, writeOrgWithUseCases, type DemoLogin } from './org-writer.js';
import { PositionOwners } from './owners.js';
import { allocateAccounts, nameAreas, usPlaces, type Place } from './places.js';
import { Rng } from './prng.js';
import { SIZES, type DemoSize } from './sizes.js';
import { demoBookings } from './transactions.js';
import { batchRows, emptyBatch, generateTerritory, type RecordBatch, type TerritoryContext } from './territory.js';
import { dateOf, dayOf, FiscalCalendar, instantAt } from './timeline.js';

export type { DemoSize } from './sizes.js';

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

export interface DemoOptions {
  readonly size: DemoSize;
  readonly seed: number;
  readonly orgName?: string;
  /** The "today" of the data (YYYY-MM-DD); default: the date of ctx.now(). */
  readonly asOf?: string;
  readonly onProgress?: (p: DemoProgress) => void;
}

const DEMO_LOGINS: DemoLogin[] = [
  { email: 'admin@example.com', role: 'admin', name: 'Alex Admin' },
  { email: 'ops@example.com', role: 'sales_ops', name: 'Olivia Ops' },
  { email: 'finance@example.com', role: 'finance', name: 'Frank Finance' },
  // A second comp admin: whoever prepares a calc run may not approve it, so finance approvals need two people.
  { email: 'controller@example.com', role: 'finance', name: 'Carla Controller' },
  { email: 'director@example.com', role: 'manager', name: 'Dana Director' },
  { email: 'manager@example.com', role: 'manager', name: 'Maria Manager' },
  { email: 'rep@example.com', role: 'rep', name: 'Ray Rep' },
];

/**
 * Seeds a demo organisation: a sales org with two years of CRM history, on real US places,
 * and the seven demo logins. The same seed and as-of date give the same rows (ids and
 * timestamps included; only password hashes differ). Small and medium are written in one
 * transaction; large in one transaction per chunk of territories, in bounded memory.
 */
export async function seedDemo(ctx: AppContext, options: DemoOptions): Promise<DemoResult> {
  const config = SIZES[options.size];
  if (!config) throw invalid('size', 'must be small, medium or large');
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) throw invalid('seed', 'must be a whole number of at least 0');
  const asOf = options.asOf ?? dateOfInstant(ctx.now());
  if (!isCalendarDate(asOf)) throw invalid('asOf', 'must be a date (YYYY-MM-DD)');
  for (const login of DEMO_LOGINS) {
    if (await userRepo.findForLogin(ctx.database.db, login.email)) throw invalid('email', `${login.email} exists already: this database has a demo organisation`);
  }
  const hashes = await Promise.all(DEMO_LOGINS.map(() => hashPassword(DEMO_PASSWORD)));
  const generate = (transact: Transact) => generateDemo(ctx, { ...options, asOf }, hashes, transact);
  const result = config.singleTransaction
    ? await inTransaction(ctx.database.db, (tx) => generate((work) => work(tx)))
    : await generate((work) => inTransaction(ctx.database.db, work));
  return { ...result, logins: DEMO_LOGINS.map((l) => ({ ...l })) };
}

type Transact = (work: (tx: Tx) => Promise<void>) => Promise<void>;

async function generateDemo(ctx: AppContext, options: DemoOptions & { asOf: string }, hashes: string[], transact: Transact) {
  const config = SIZES[options.size];
  const asOfDay = dayOf(options.asOf);
  const windowStartDay = asOfDay - 730;
  const setupDay = windowStartDay - 10;
  const ids = new DemoIds(options.seed);
  const clock = new DemoClock(instantAt(setupDay, 14 * 60));
  const dctx = demoContext(ctx.database, clock, ids);
  const rng = new Rng(`attain-demo/${options.seed}`);
  const progress = (phase: string, done: number, total: number) => options.onProgress?.({ phase, done, total });

  const places = usPlaces();
  const allocation = allocateAccounts(places, config.accounts, rng.fork('places'));
  const slotCount = config.directors * (config.managersPerDirector * config.aesPerManager + config.amsPerDirector);
  const slotRange = (slot: number): [number, number] => [Math.floor((slot * config.accounts) / slotCount), Math.floor(((slot + 1) * config.accounts) / slotCount)];
  const slotPlaces = (slot: number): Place[] => {
    const [from, to] = slotRange(slot);
    return Array.from(allocation.subarray(from, to), (i) => places[i] as Place);
  };
  const plan = planOrg({
    config, rng: rng.fork('org'), seed: options.seed, windowStartDay, asOfDay, setupDay, emailDomain: 'acme-demo.example',
    demoDirector: { name: { first: 'Dana', last: 'Director' }, email: 'director@example.com' },
    demoManager: { name: { first: 'Maria', last: 'Manager' }, email: 'manager@example.com' },
    demoRep: { name: { first: 'Ray', last: 'Rep' }, email: 'rep@example.com' },
    nameAreas: (groups) => nameAreas(groups.map((slots) => slots.flatMap(slotPlaces))),
  });

  const counts: Record<string, number> = {};
  const add = (key: string, n: number) => (counts[key] = (counts[key] ?? 0) + n);
  let org: Organisation | undefined;
  let setup: Omit<TerritoryContext, 'config' | 'ids' | 'names' | 'asOfDay' | 'windowStartDay' | 'setupDay' | 'calendar'> | undefined;
  progress('organisation', 0, 1);
  await transact(async (tx) => {
    clock.instant = instantAt(setupDay, 14 * 60);
    const made = await createOrganisation(dctx, { name: options.orgName ?? 'Acme Demo', fiscalYearStartMonth: 2, defaultCurrency: 'USD', currencies: ['EUR', 'GBP'] }, tx);
    org = made;
    const pipelines = await repos.pipeline.list(tx, { orgId: made.id, scope: { kind: 'all' }, filters: [{ field: 'isDefault', op: 'eq', values: [true] }], limit: 10 });
    const pipeline = pipelines.items[0];
    if (!pipeline) throw new Error('the new organisation has no default pipeline');
    const stages = await repos.stage.list(tx, { orgId: made.id, scope: { kind: 'all' }, filters: [{ field: 'pipelineId', op: 'eq', values: [pipeline.id] }], limit: 100 });
    const userOf = new Map<string, string>();
    const writeUsers = async () => {
      const personFor: Record<string, string> = {
        'director@example.com': plan.personId(plan.demoDirector), 'manager@example.com': plan.personId(plan.demoManager), 'rep@example.com': plan.personId(plan.demoRep),
      };
      const logins = DEMO_LOGINS.map((login, i) => ({ login, personId: personFor[login.email] ?? null, passwordHash: hashes[i] as string }));
      for (const user of await writeDemoUsers(dctx, tx, made, logins)) if (user.personId) userOf.set(user.personId, user.id);
    };
    const write = options.size === 'small' ? writeOrgWithUseCases : writeOrgDirect;
    await write({ ctx: dctx, clock, ids, tx, org: made, plan, writeUsers });
    const products = productRecords(made.id, ids, instantAt(setupDay, 17 * 60), made.defaultCurrency);
    await repos.product.insertMany(tx, products);
    setup = {
      orgId: made.id, currency: made.defaultCurrency, pipelineId: pipeline.id, stages: stageSetOf(stages.items), products,
      dealsPerAccount: config.dealsPerAccount, actorOf: (p) => (p === null ? null : (userOf.get(p) ?? null)),
    };
  });
  if (!org || !setup) throw new Error('demo setup did not run');
  Object.assign(counts, { people: plan.persons.length, teams: plan.teams.length, reportingLines: ids.issued('rl'), users: DEMO_LOGINS.length, products: ids.issued('prd') });
  progress('organisation', 1, 1);

  const tctx: TerritoryContext = {
    ...setup, config, ids, names: new CompanyNames(), asOfDay, windowStartDay, setupDay, calendar: new FiscalCalendar(org.fiscalYearStartMonth),
  };
  let batch = emptyBatch();
  let accountsDone = 0;
  const flush = async () => {
    const full = batch;
    batch = emptyBatch();
    const bookings = demoBookings(full, tctx);
    await transact((tx) => writeBatch(tx, full, bookings));
    add('transactions', bookings.length);
    for (const [key, rows] of Object.entries(full)) add(key === 'history' ? 'opportunityHistory' : key, (rows as unknown[]).length);
    progress('accounts & deals', accountsDone, config.accounts);
  };
  progress('accounts & deals', 0, config.accounts);
  for (let slot = 0; slot < slotCount; slot++) {
    const position = plan.slots[slot] as number;
    generateTerritory(tctx, {
      kind: plan.positions[position]?.kind === 'am' ? 'am' : 'ae', places: slotPlaces(slot), owner: new PositionOwners(plan, position, setupDay),
      sdrs: plan.sdrPositionsOf(slot).map((p) => new PositionOwners(plan, p, setupDay)), rng: rng.fork(`territory/${slot}`),
    }, batch);
    accountsDone += slotRange(slot)[1] - slotRange(slot)[0];
    if (batchRows(batch) >= config.flushRows) await flush();
  }
  await flush();

  clock.instant = instantAt(asOfDay, 0);
  const summary = { size: options.size, seed: options.seed, asOf: options.asOf, counts };
  const orgId = org.id;
  await transact(async (tx) => void add('compPlans', await seedPlanTemplates(dctx, tx, systemActor(orgId))));
  const made = org;
  // Next year's plan versions first: an assignment whose version ends before the fiscal year goes on on the next one.
  await transact(async (tx) => void add('nextYearPlanVersions', await seedNextYearPlanVersions(dctx, tx, systemActor(orgId))));
  await transact(async (tx) => void add('planAssignments', await seedDemoAssignments(dctx, tx, systemActor(orgId), made, options.asOf)));
  // Two years of weekly calls and snapshots replay the whole history in memory: the large size starts with none (the weekly job takes them from then on).
  if (config.singleTransaction) {
    const window = { from: dateOf(windowStartDay), to: options.asOf };
    const userOf = setup.actorOf;
    await transact(async (tx) => void Object.assign(counts, await seedForecastHistory(dctx, tx, orgId, window, userOf, rng.fork('forecast'), (done, total) => progress('forecast calls & snapshots', done, total))));
  }
  await transact((tx) => recordAudit(dctx, tx, { actor: systemActor(orgId), action: 'demo.seed', entity: 'org', entityId: orgId, before: null, after: summary }));
  return { org, counts };
}

/** Writes a batch table by table, parents first, in multi-row statements. */
async function writeBatch(tx: Tx, b: RecordBatch, bookings: readonly CompTransaction[]): Promise<void> {
  await repos.account.insertMany(tx, b.accounts);
  await repos.contact.insertMany(tx, b.contacts);
  await repos.opportunity.insertMany(tx, b.opportunities);
  await repos.lineItem.insertMany(tx, b.lineItems);
  await opportunityHistoryRepo.append(tx, b.history);
  await compTransactionRepo.insertMany(tx, bookings);
  await repos.lead.insertMany(tx, b.leads);
  await repos.activity.insertMany(tx, b.activities);
}
