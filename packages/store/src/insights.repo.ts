import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { isPostgres, type Db, type Tx } from './database.js';

/*
 * Aggregate reads behind the pipeline board and the home page. Sums are computed by the
 * database (GROUP BY), never by loading every row: the large demo has ~1M opportunities.
 * Money stays in its own currency here; the caller converts exactly with the org's rates,
 * which is why every sum is also grouped by currency and by "rate period" (see below).
 */

/** Which opportunities a query covers; archived ones never. */
export interface OpportunityCriteria {
  readonly orgId: string;
  /** null: every owner, unowned records included (org-wide roles); otherwise only these (empty: none). */
  readonly ownerIds: readonly string[] | null;
  readonly pipelineId?: string;
  /** Only these stages (empty: none): a board's columns, which lets the store seek each one's close dates. */
  readonly stageIds?: readonly string[];
  readonly isClosed?: boolean;
  readonly isWon?: boolean;
  /** Inclusive bounds on close_date (YYYY-MM-DD). */
  readonly closeFrom?: string;
  readonly closeTo?: string;
}

export type OpportunityGroupKey = 'stageId' | 'ownerId' | 'isWon';

/** Won deals of one account (or owner), currency, type and contract term: their sum and count. */
export interface WonDealGroup {
  readonly key: string;
  readonly currency: string;
  readonly type: string;
  readonly termMonths: number | null;
  readonly amountMinor: bigint;
  readonly deals: bigint;
}

export interface OpportunitySumOptions {
  readonly groupBy: readonly OpportunityGroupKey[];
  /**
   * Sorted dates on which some exchange rate takes effect. Rows are grouped by the number of
   * these dates on or before their close date (`ratePeriod`), so every row of a group converts
   * at the same rate whatever its currency: 0 = before the first date.
   */
  readonly rateBreaks: readonly string[];
  /** Also group by the opportunity's probability, for exact stage-weighted sums. */
  readonly byProbability?: boolean;
}

/** One group of opportunities: amounts in their own currency's minor units. */
export interface OpportunitySumRow {
  readonly stageId: string | null;
  readonly ownerId: string | null;
  readonly isWon: boolean | null;
  readonly currency: string;
  readonly ratePeriod: number;
  /** Null unless grouped by probability. */
  readonly probabilityBps: number | null;
  readonly count: number;
  readonly amountMinor: bigint;
}

/** One opportunity as a card or a list row, with the names a screen shows. */
export interface OpportunityCardRow {
  readonly id: string;
  readonly name: string;
  readonly stageId: string;
  readonly stageName: string | null;
  readonly accountId: string | null;
  readonly accountName: string | null;
  /** Owner of the account: the caller hides the name of an account the actor may not see. */
  readonly accountOwnerId: string | null;
  readonly ownerId: string | null;
  readonly ownerName: string | null;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly closeDate: string;
  readonly probabilityBps: number;
  readonly forecastCategory: string;
  readonly version: number;
}

export interface CardQuery {
  readonly stageId?: string;
  /** 'value': largest first by `valueOf`, then id; 'closeDate': soonest first, then value, then id. */
  readonly order: 'value' | 'closeDate';
  /**
   * Currency -> multiplier into the org currency's minor units, used only to ORDER mixed
   * currencies by value (a float is fine for an order, never for a figure). Currencies not
   * listed order by their own minor units.
   */
  readonly valueOf: ReadonlyMap<string, number>;
  readonly limit: number;
}

export interface ActivityRow {
  readonly id: string;
  readonly subject: string;
  readonly type: string;
  readonly dueDate: string | null;
  readonly accountId: string | null;
  readonly accountName: string | null;
  readonly accountOwnerId: string | null;
  readonly opportunityId: string | null;
  readonly ownerId: string | null;
  readonly ownerName: string | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Query = SelectQueryBuilder<any, any, any>;

const GROUP_COLUMNS: Record<OpportunityGroupKey, string> = { stageId: 'stage_id', ownerId: 'owner_id', isWon: 'is_won' };

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** SQLite returns bigint (safe integers), PostgreSQL int8 as bigint and sum(bigint) as a numeric string. */
const big = (v: unknown): bigint => (v === null || v === undefined ? 0n : BigInt(v as string | bigint | number));

/**
 * A covering index the figures read on SQLite. `leading`: its columns after org_id and before
 * amount_minor, in index order; grouping first by a prefix of these, SQLite meets the rows
 * already grouped and needs no temporary B-tree (sorting every row was half the time of a
 * large sum). Null: in one step (a scope's rows are few; by owner they arrive grouped anyway).
 */
interface SumsIndex {
  readonly name: string;
  readonly leading: readonly string[] | null;
}

/** Led by the owner (migration 2026-11-27T1000): a rep's or a manager's figures are a few range seeks. */
const OWNER_SUMS: SumsIndex = { name: 'opportunities_owner_sums', leading: null };
/** Org-wide, one pipeline (the board): one close-date range seek per stage (migration 2026-11-27T1100). */
const PIPELINE_SUMS: SumsIndex = { name: 'opportunities_pipeline_sums', leading: ['pipeline_id', 'stage_id', 'close_date', 'currency', 'probability_bps'] };
/** Org-wide, every pipeline (the home page): open or closed, then a close-date range (migration 2026-11-27T1100). */
const CLOSED_SUMS: SumsIndex = { name: 'opportunities_closed_sums', leading: ['is_closed', 'close_date', 'is_won', 'currency', 'probability_bps'] };

/** A scope's deals, and sums by owner, through their owners; org-wide ones by close date. */
function sumsIndexFor(criteria: OpportunityCriteria, groupBy: readonly OpportunityGroupKey[]): SumsIndex {
  if (criteria.ownerIds !== null || groupBy.includes('ownerId')) return OWNER_SUMS;
  return criteria.pipelineId !== undefined ? PIPELINE_SUMS : CLOSED_SUMS;
}

/**
 * The opportunities table, aliased `o`. On SQLite with an index named: the planner's sampled
 * statistics (see database.ts) make every org_id-led index look equally cheap, and it would
 * walk a whole org through opportunities_stage; each figure reads only columns of the covering
 * index chosen above, so it is pointed at it. PostgreSQL keeps real statistics and plans on its own.
 */
function fromOpportunities(db: Db | Tx, index: string | null): Query {
  if (index === null || isPostgres(db)) return db.selectFrom('opportunities as o');
  return db.selectFrom(sql.raw(`opportunities as o indexed by ${index}`) as never);
}

/** Whose deals: null any owner or none; a list, those owners; 'people', any person of the org; 'unowned', no owner. */
type Owners = readonly string[] | null | 'people' | 'unowned';

/**
 * The activities table, aliased `t`, with its index named on SQLite: one owner's through
 * activities_owner (org, owner, due_date); a team's or the org's through activities_open_due
 * (org, done_at, due_date, owner), as the overdue list and the done count start from done_at.
 * Left to itself the planner takes the list-sort index on due_date for the oldest overdue
 * and walks every activity due before today (a manager's home on the large demo: 3.5 s
 * instead of 50 ms).
 */
function fromActivities(db: Db | Tx, ownerIds: readonly string[] | null): Query {
  if (isPostgres(db)) return db.selectFrom('activities as t');
  const index = ownerIds?.length === 1 ? 'activities_owner' : 'activities_open_due';
  return db.selectFrom(sql.raw(`activities as t indexed by ${index}`) as never);
}

function whereOwners(q: Query, column: string, ownerIds: readonly string[] | null): Query {
  return ownerIds === null ? q : q.where(column, 'in', [...ownerIds]);
}

function whereCriteria(q: Query, c: OpportunityCriteria, owners: Owners = c.ownerIds): Query {
  let out = q.where('o.org_id', '=', c.orgId).where('o.archived_at', 'is', null);
  if (owners === 'people') out = out.where(sql<boolean>`o.owner_id in (select id from people where org_id = ${c.orgId})`);
  else if (owners === 'unowned') out = out.where('o.owner_id', 'is', null);
  else out = whereOwners(out, 'o.owner_id', owners);
  if (c.pipelineId !== undefined) out = out.where('o.pipeline_id', '=', c.pipelineId);
  if (c.stageIds !== undefined) out = out.where('o.stage_id', 'in', [...c.stageIds]);
  if (c.isClosed !== undefined) out = out.where('o.is_closed', '=', c.isClosed ? 1 : 0);
  if (c.isWon !== undefined) out = out.where('o.is_won', '=', c.isWon ? 1 : 0);
  if (c.closeFrom !== undefined) out = out.where('o.close_date', '>=', c.closeFrom);
  if (c.closeTo !== undefined) out = out.where('o.close_date', '<=', c.closeTo);
  return out;
}

const matchesNothing = (c: OpportunityCriteria): boolean => c.ownerIds?.length === 0 || c.stageIds?.length === 0;

/** The rate period of a row: how many rate breaks fall on or before its close date. */
function ratePeriodOf(breaks: readonly string[], closeDate: string): RawBuilder<number> {
  if (breaks.length === 0) return sql<number>`0`;
  // Latest break first, so the first match is the right period; numbers inlined so that
  // PostgreSQL types the CASE as integer.
  const whens = breaks.map((b, i) => sql`when ${sql.ref(closeDate)} >= ${b} then ${sql.lit(i + 1)}`).reverse();
  return sql<number>`case ${sql.join(whens, sql` `)} else 0 end`;
}

/** Order key by value in the org currency: amount_minor x multiplier of its currency. */
function valueKey(db: Db | Tx, valueOf: ReadonlyMap<string, number>): RawBuilder<unknown> {
  if (valueOf.size === 0) return sql`o.amount_minor`;
  const real = sql.raw(isPostgres(db) ? 'double precision' : 'real');
  const whens = [...valueOf].map(([currency, m]) => sql`when ${currency} then o.amount_minor * cast(${String(m)} as ${real})`);
  return sql`case o.currency ${sql.join(whens, sql` `)} else o.amount_minor end`;
}

/**
 * The sums, grouped by the requested keys, currency and rate period. Through an org-wide index
 * in two steps: first by the index's leading columns up to the last one needed (close_date
 * included: a few thousand groups, met in index order), then over those groups.
 */
function groupedSums(db: Db | Tx, criteria: OpportunityCriteria, owners: Owners, options: OpportunitySumOptions): Query {
  const index = sumsIndexFor(criteria, options.groupBy);
  const keys = options.groupBy.map((k) => GROUP_COLUMNS[k]);
  const periods = options.rateBreaks.length > 0;
  const prob = options.byProbability ? ['probability_bps'] : [];
  // Grouped by output names: PostgreSQL would not match a parameterised CASE repeated here.
  // Without rates the period is the constant 0: grouping by it would only cost a sort.
  const groups = [...keys, 'currency', ...(periods ? ['rate_period'] : []), ...prob];
  const sums = (from: Query, t: string, count: RawBuilder<bigint>, amount: RawBuilder<bigint>): Query =>
    from
      .select([
        ...keys.map((k) => sql.ref(`${t}.${k}`).as(k)),
        sql.ref(`${t}.currency`).as('currency'),
        ratePeriodOf(options.rateBreaks, `${t}.close_date`).as('rate_period'),
        ...prob.map((c) => sql.ref(`${t}.${c}`).as(c)),
        count.as('n'),
        amount.as('amount'),
      ])
      .groupBy(groups.map((g) => sql.ref(g)) as never);
  const rows = whereCriteria(fromOpportunities(db, index.name), criteria, owners);
  const needed = [...keys, 'currency', ...prob, ...(periods ? ['close_date'] : [])];
  const { leading } = index;
  if (leading === null || !needed.every((c) => leading.includes(c))) return sums(rows, 'o', sql`count(*)`, sql`sum(o.amount_minor)`);
  const first = leading.slice(0, Math.max(...needed.map((c) => leading.indexOf(c))) + 1);
  const partial = rows
    .select([...first.map((c) => sql.ref(`o.${c}`).as(c)), sql<bigint>`count(*)`.as('n'), sql<bigint>`sum(o.amount_minor)`.as('amount')])
    .groupBy(first.map((c) => `o.${c}`));
  return sums(db.selectFrom(partial.as('g')), 'g', sql`sum(g.n)`, sql`sum(g.amount)`);
}

/** Where a card query finds its top rows on SQLite; null: the planner's choice. */
function cardsIndexFor(criteria: OpportunityCriteria, query: CardQuery): string | null {
  // A scope's deals through their owners; the org-wide board through its stage and close dates
  // (covering: the top ids are found without reading a row). Org-wide by close date, the
  // planner walks opportunities_open_close in order and stops early.
  if (criteria.ownerIds !== null) return OWNER_SUMS.name;
  return query.order === 'value' && criteria.pipelineId !== undefined ? PIPELINE_SUMS.name : null;
}

export const insightsRepo = {
  /** The months ('YYYY-MM') in which the organisation won deals closing from `from` to `to`, in one query. */
  async wonMonths(db: Db | Tx, orgId: string, from: string, to: string): Promise<string[]> {
    const rows = await db.selectFrom('opportunities as o').select(sql<string>`substr(o.close_date, 1, 7)`.as('month')).distinct()
      .where('o.org_id', '=', orgId).where('o.archived_at', 'is', null).where('o.is_won', '=', 1).where('o.close_date', '>=', from).where('o.close_date', '<=', to)
      .execute();
    return rows.map((r) => String(r.month)).sort();
  },

  /**
   * Deals won from..to grouped by account (or owner), currency, type and contract term: their sum
   * and count, from which quota history is bookings, new logos or ACV (app quotas/quota-history.ts).
   */
  async wonDealGroups(db: Db | Tx, orgId: string, by: 'account' | 'owner', from: string, to: string, ownerIds?: readonly string[]): Promise<WonDealGroup[]> {
    if (ownerIds !== undefined && ownerIds.length === 0) return [];
    const key = by === 'account' ? 'o.account_id' : 'o.owner_id';
    let q = db.selectFrom('opportunities as o')
      .select([sql<string>`${sql.ref(key)}`.as('key'), 'o.currency', 'o.type', 'o.contract_term_months', sql<bigint>`sum(o.amount_minor)`.as('amount'), sql<bigint>`count(*)`.as('deals')])
      .where('o.org_id', '=', orgId).where('o.archived_at', 'is', null).where('o.is_won', '=', 1).where(key, 'is not', null)
      .where('o.close_date', '>=', from).where('o.close_date', '<=', to);
    if (ownerIds !== undefined) q = q.where('o.owner_id', 'in', [...ownerIds]);
    const rows = await q.groupBy([key, 'o.currency', 'o.type', 'o.contract_term_months']).orderBy('key').orderBy('o.currency').orderBy('o.type').orderBy('o.contract_term_months').execute();
    return rows.map((r) => ({
      key: String(r.key), currency: String(r.currency), type: String(r.type), termMonths: r.contract_term_months === null ? null : Number(r.contract_term_months),
      amountMinor: big(r.amount), deals: big(r.deals),
    }));
  },

  /** Count and sum of amount of the matching opportunities, per group, currency and rate period. */
  async sumOpportunities(db: Db | Tx, criteria: OpportunityCriteria, options: OpportunitySumOptions): Promise<OpportunitySumRow[]> {
    if (matchesNothing(criteria)) return [];
    // Org-wide by owner through the owner-led index, SQLite would read the org's every entry
    // (it cannot skip over owner_id to the columns after it); naming the owners (the org's
    // people, every owner being one by foreign key, then the unowned) makes it one range seek
    // per owner, in owner order. The two parts hold different owners, so their groups are disjoint.
    const split = criteria.ownerIds === null && options.groupBy.includes('ownerId') && !isPostgres(db);
    const parts: Owners[] = split ? ['people', 'unowned'] : [criteria.ownerIds];
    const rows: Record<string, unknown>[] = [];
    for (const owners of parts) rows.push(...((await groupedSums(db, criteria, owners, options).execute()) as Record<string, unknown>[]));
    return rows.map((r) => ({
      stageId: str(r.stage_id),
      ownerId: str(r.owner_id),
      isWon: r.is_won === undefined ? null : Number(r.is_won) === 1,
      currency: String(r.currency),
      ratePeriod: Number(r.rate_period),
      probabilityBps: r.probability_bps === undefined ? null : Number(r.probability_bps),
      count: Number(r.n),
      amountMinor: big(r.amount),
    }));
  },

  /** Up to `limit` opportunities with account, owner and stage names. */
  async opportunityCards(db: Db | Tx, criteria: OpportunityCriteria, query: CardQuery): Promise<OpportunityCardRow[]> {
    const key = valueKey(db, query.valueOf);
    const ordered = (q: Query): Query => (query.order === 'closeDate' ? q.orderBy('o.close_date', 'asc') : q).orderBy(sql`${key} desc`).orderBy('o.id', 'asc');
    // The top ids first, from the index alone where it covers them; only those rows are then
    // read and joined to their names (reading every candidate row was most of the time).
    // One stage replaces the list of stages (rather than adding to it), or SQLite would seek
    // every listed stage and filter down to the one.
    const { stageId } = query;
    const stageIds = stageId === undefined ? criteria.stageIds : (criteria.stageIds ?? [stageId]).filter((id) => id === stageId);
    const within: OpportunityCriteria = { ...criteria, ...(stageIds !== undefined ? { stageIds } : {}) };
    if (matchesNothing(within)) return [];
    const top = ordered(whereCriteria(fromOpportunities(db, cardsIndexFor(criteria, query)), within).select('o.id')).limit(query.limit);
    const q = db
      .selectFrom(top.as('top'))
      .innerJoin('opportunities as o', (j) => j.on('o.org_id', '=', criteria.orgId).onRef('o.id', '=', 'top.id'))
      .leftJoin('accounts as a', (j) => j.onRef('a.org_id', '=', 'o.org_id').onRef('a.id', '=', 'o.account_id'))
      .leftJoin('people as p', (j) => j.onRef('p.org_id', '=', 'o.org_id').onRef('p.id', '=', 'o.owner_id'))
      .leftJoin('stages as s', (j) => j.onRef('s.org_id', '=', 'o.org_id').onRef('s.id', '=', 'o.stage_id'));
    const rows = (await ordered(q)
      .select([
        'o.id', 'o.name', 'o.stage_id', 's.name as stage_name', 'o.account_id', 'a.name as account_name', 'a.owner_id as account_owner_id',
        'o.owner_id', 'p.name as owner_name', 'o.amount_minor', 'o.currency', 'o.close_date', 'o.probability_bps', 'o.forecast_category', 'o.version',
      ])
      .execute()) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      stageId: String(r.stage_id),
      stageName: str(r.stage_name),
      accountId: str(r.account_id),
      accountName: str(r.account_name),
      accountOwnerId: str(r.account_owner_id),
      ownerId: str(r.owner_id),
      ownerName: str(r.owner_name),
      amountMinor: big(r.amount_minor),
      currency: String(r.currency),
      closeDate: String(r.close_date),
      probabilityBps: Number(r.probability_bps),
      forecastCategory: String(r.forecast_category),
      version: Number(r.version),
    }));
  },

  /** Open activities due before `today`, oldest first, and how many there are in all. */
  async overdueActivities(
    db: Db | Tx,
    input: { orgId: string; ownerIds: readonly string[] | null; today: string; limit: number },
  ): Promise<{ items: ActivityRow[]; total: number }> {
    if (input.ownerIds?.length === 0) return { items: [], total: 0 };
    const base = (): Query =>
      whereOwners(
        fromActivities(db, input.ownerIds)
          .where('t.org_id', '=', input.orgId)
          .where('t.archived_at', 'is', null)
          .where('t.done_at', 'is', null)
          .where('t.due_date', '<', input.today),
        't.owner_id',
        input.ownerIds,
      );
    const counted = (await base().select(sql<bigint>`count(*)`.as('n')).executeTakeFirst()) as { n: unknown } | undefined;
    // The oldest ids first, then only those rows joined to their names: org-wide the first due
    // date alone holds thousands of activities, each of which would otherwise be joined.
    const oldest = base().select('t.id').orderBy('t.due_date', 'asc').orderBy('t.id', 'asc').limit(input.limit);
    const rows = (await db
      .selectFrom(oldest.as('top'))
      .innerJoin('activities as t', (j) => j.on('t.org_id', '=', input.orgId).onRef('t.id', '=', 'top.id'))
      .leftJoin('accounts as a', (j) => j.onRef('a.org_id', '=', 't.org_id').onRef('a.id', '=', 't.account_id'))
      .leftJoin('people as p', (j) => j.onRef('p.org_id', '=', 't.org_id').onRef('p.id', '=', 't.owner_id'))
      .select([
        't.id', 't.subject', 't.type', 't.due_date', 't.account_id', 'a.name as account_name', 'a.owner_id as account_owner_id',
        't.opportunity_id', 't.owner_id', 'p.name as owner_name',
      ])
      .orderBy('t.due_date', 'asc')
      .orderBy('t.id', 'asc')
      .execute()) as Record<string, unknown>[];
    return {
      total: Number(counted?.n ?? 0),
      items: rows.map((r) => ({
        id: String(r.id),
        subject: String(r.subject),
        type: String(r.type),
        dueDate: str(r.due_date),
        accountId: str(r.account_id),
        accountName: str(r.account_name),
        accountOwnerId: str(r.account_owner_id),
        opportunityId: str(r.opportunity_id),
        ownerId: str(r.owner_id),
        ownerName: str(r.owner_name),
      })),
    };
  },

  /** Activities marked done at an instant in [fromInstant, toInstant). Instants are ISO text and compare as text. */
  async countActivitiesDone(
    db: Db | Tx,
    input: { orgId: string; ownerIds: readonly string[] | null; fromInstant: string; toInstant: string },
  ): Promise<number> {
    if (input.ownerIds?.length === 0) return 0;
    const q = whereOwners(
      fromActivities(db, null)
        .where('t.org_id', '=', input.orgId)
        .where('t.archived_at', 'is', null)
        .where('t.done_at', '>=', input.fromInstant)
        .where('t.done_at', '<', input.toInstant),
      't.owner_id',
      input.ownerIds,
    );
    const row = (await q.select(sql<bigint>`count(*)`.as('n')).executeTakeFirst()) as { n: unknown } | undefined;
    return Number(row?.n ?? 0);
  },

  /** The people whose team is `teamId` or one of its sub-teams, at any depth. */
  async peopleOfTeamTree(db: Db | Tx, orgId: string, teamId: string): Promise<string[]> {
    const teams = (await db.selectFrom('teams').select(['id', 'parent_team_id']).where('org_id', '=', orgId).execute()) as Record<string, unknown>[];
    const children = new Map<string, string[]>();
    for (const t of teams) {
      const parent = str(t.parent_team_id);
      if (parent) children.set(parent, [...(children.get(parent) ?? []), String(t.id)]);
    }
    // Breadth-first; the seen set keeps bad data with a cycle from looping.
    const tree = [teamId];
    const seen = new Set(tree);
    for (let i = 0; i < tree.length; i++) {
      for (const child of children.get(tree[i] as string) ?? []) {
        if (!seen.has(child)) {
          seen.add(child);
          tree.push(child);
        }
      }
    }
    const people = (await db.selectFrom('people').select('id').where('org_id', '=', orgId).where('team_id', 'in', tree).execute()) as Record<string, unknown>[];
    return people.map((p) => String(p.id));
  },
};
