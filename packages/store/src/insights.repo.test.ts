import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDialects, warnIfPostgresSkipped } from '@attain/store/test-support';
import type { Database } from './database.js';
import { insightsRepo, type CardQuery, type OpportunityCriteria, type OpportunitySumOptions, type OpportunitySumRow } from './insights.repo.js';
import { orgRepo } from './org.repo.js';

warnIfPostgresSkipped();

/*
 * The sums and cards read different covering indexes depending on the criteria (owner-led for a
 * scope and for sums by owner, pipeline-led for the org-wide board, open/closed-led for the
 * org-wide home page) and group in two steps. Whatever the path, the answer must be the one
 * computed here from the rows themselves.
 */

const ORG = 'org_i';
const now = '2026-11-27T12:00:00.000Z';
const OWNERS = ['per_a', 'per_b', 'per_c', null] as const;
const CURRENCIES = ['USD', 'EUR', 'GBP'];
const STAGES = [
  { id: 'stg_1q', pipelineId: 'pip_1', isClosed: false, isWon: false, probabilityBps: 1000 },
  { id: 'stg_1p', pipelineId: 'pip_1', isClosed: false, isWon: false, probabilityBps: 6000 },
  { id: 'stg_1w', pipelineId: 'pip_1', isClosed: true, isWon: true, probabilityBps: 10000 },
  { id: 'stg_1l', pipelineId: 'pip_1', isClosed: true, isWon: false, probabilityBps: 0 },
  { id: 'stg_2o', pipelineId: 'pip_2', isClosed: false, isWon: false, probabilityBps: 3000 },
  { id: 'stg_2w', pipelineId: 'pip_2', isClosed: true, isWon: true, probabilityBps: 10000 },
];
const BREAKS = ['2026-01-01', '2026-07-01'];

interface Deal {
  readonly id: string;
  readonly ownerId: string | null;
  readonly accountId: string | null;
  readonly pipelineId: string;
  readonly stageId: string;
  readonly isClosed: boolean;
  readonly isWon: boolean;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly closeDate: string;
  readonly probabilityBps: number;
  readonly archived: boolean;
}

/** Deterministic pseudo-random deals (mulberry32), ties in amount included. */
function makeDeals(n: number): Deal[] {
  let seed = 42;
  const next = (k: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * k);
  };
  const deals: Deal[] = [];
  for (let i = 0; i < n; i++) {
    const stage = STAGES[next(STAGES.length)] as (typeof STAGES)[number];
    const day = new Date(Date.UTC(2025, 9, 1) + next(600) * 86_400_000).toISOString().slice(0, 10);
    deals.push({
      id: `opp_${String(i).padStart(4, '0')}`,
      ownerId: OWNERS[next(OWNERS.length)] ?? null,
      accountId: next(3) === 0 ? null : `acc_${next(3)}`,
      pipelineId: stage.pipelineId,
      stageId: stage.id,
      isClosed: stage.isClosed,
      isWon: stage.isWon,
      // A few huge amounts keep the sums beyond 2^53; many equal ones test the id tie-break.
      amountMinor: next(20) === 0 ? 4_000_000_000_000_001n : BigInt(next(8) * 1000),
      currency: CURRENCIES[next(CURRENCIES.length)] as string,
      closeDate: day,
      probabilityBps: next(4) === 0 ? next(10001) : stage.probabilityBps,
      archived: next(15) === 0,
    });
  }
  return deals;
}

function matches(d: Deal, c: OpportunityCriteria): boolean {
  return (
    !d.archived &&
    (c.ownerIds === null || (d.ownerId !== null && c.ownerIds.includes(d.ownerId))) &&
    (c.pipelineId === undefined || d.pipelineId === c.pipelineId) &&
    (c.stageIds === undefined || c.stageIds.includes(d.stageId)) &&
    (c.isClosed === undefined || d.isClosed === c.isClosed) &&
    (c.isWon === undefined || d.isWon === c.isWon) &&
    (c.closeFrom === undefined || d.closeDate >= c.closeFrom) &&
    (c.closeTo === undefined || d.closeDate <= c.closeTo)
  );
}

/** The expected groups, as "key -> [count, amount]" so that row order does not matter. */
function expectedSums(deals: readonly Deal[], c: OpportunityCriteria, o: OpportunitySumOptions): Map<string, [number, bigint]> {
  const out = new Map<string, [number, bigint]>();
  for (const d of deals.filter((x) => matches(x, c))) {
    const period = o.rateBreaks.filter((b) => b <= d.closeDate).length;
    const key = [
      o.groupBy.includes('stageId') ? d.stageId : null,
      o.groupBy.includes('ownerId') ? d.ownerId : null,
      o.groupBy.includes('isWon') ? d.isWon : null,
      d.currency, period, o.byProbability ? d.probabilityBps : null,
    ].join('|');
    const [n, sum] = out.get(key) ?? [0, 0n];
    out.set(key, [n + 1, sum + d.amountMinor]);
  }
  return out;
}

function actualSums(rows: readonly OpportunitySumRow[]): Map<string, [number, bigint]> {
  const out = new Map<string, [number, bigint]>();
  for (const r of rows) {
    const key = [r.stageId, r.ownerId, r.isWon, r.currency, r.ratePeriod, r.probabilityBps].join('|');
    expect(out.has(key), `group ${key} appears once`).toBe(false);
    out.set(key, [r.count, r.amountMinor]);
  }
  return out;
}

const VALUE_OF = new Map([['EUR', 1.1], ['GBP', 1.25]]);

function expectedCards(deals: readonly Deal[], c: OpportunityCriteria, q: CardQuery): string[] {
  const valueOf = (d: Deal): number => Number(d.amountMinor) * (q.valueOf.get(d.currency) ?? 1);
  return deals
    .filter((d) => matches(d, c) && (q.stageId === undefined || d.stageId === q.stageId))
    .sort((a, b) => (q.order === 'closeDate' && a.closeDate !== b.closeDate ? (a.closeDate < b.closeDate ? -1 : 1) : valueOf(b) - valueOf(a) || (a.id < b.id ? -1 : 1)))
    .slice(0, q.limit)
    .map((d) => d.id);
}

describe.each(testDialects())('insights queries on %s', (dialect) => {
  let database: Database;
  const deals = makeDeals(400);

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const db = database.db;
    await orgRepo.insert(db, { id: ORG, name: ORG, fiscalYearStartMonth: 1, defaultCurrency: 'USD', currencies: CURRENCIES, createdAt: now });
    const base = (id: string) => ({ org_id: ORG, id, created_at: now, updated_at: now });
    await db.insertInto('people').values(OWNERS.filter((o) => o !== null).map((id) => ({ ...base(id), name: id, kind: 'employee', search_text: id }))).execute();
    await db.insertInto('accounts').values([0, 1, 2].map((i) => ({ ...base(`acc_${i}`), name: `Account ${i}`, currency: 'USD', owner_id: OWNERS[i], search_text: `account ${i}` }))).execute();
    await db.insertInto('pipelines').values(['pip_1', 'pip_2'].map((id, i) => ({ ...base(id), name: id, is_default: i === 0 ? 1 : 0, search_text: id }))).execute();
    await db
      .insertInto('stages')
      .values(STAGES.map((s, i) => ({
        ...base(s.id), pipeline_id: s.pipelineId, name: s.id, sort_order: i, probability_bps: s.probabilityBps,
        forecast_category: s.isClosed ? (s.isWon ? 'closed' : 'omitted') : 'pipeline', is_closed: s.isClosed ? 1 : 0, is_won: s.isWon ? 1 : 0, search_text: s.id,
      })))
      .execute();
    await db
      .insertInto('opportunities')
      .values(deals.map((d) => ({
        ...base(d.id), archived_at: d.archived ? now : null, name: d.id, account_id: d.accountId, owner_id: d.ownerId, pipeline_id: d.pipelineId,
        stage_id: d.stageId, amount_minor: d.amountMinor, currency: d.currency, close_date: d.closeDate, type: 'new_business',
        forecast_category: 'pipeline', probability_bps: d.probabilityBps, is_closed: d.isClosed ? 1 : 0, is_won: d.isWon ? 1 : 0, search_text: d.id,
      })))
      .execute();
  });
  afterAll(async () => database.close());

  const everyone = { orgId: ORG, ownerIds: null };
  const team = { orgId: ORG, ownerIds: ['per_a', 'per_c'] };
  const board = { pipelineId: 'pip_1', stageIds: ['stg_1q', 'stg_1p', 'stg_1w', 'stg_1l'], closeFrom: '2026-02-01', closeTo: '2026-10-31' };
  const sumCases: [string, Omit<OpportunityCriteria, 'orgId' | 'ownerIds'>, OpportunitySumOptions][] = [
    ['a board by stage, weighted', board, { groupBy: ['stageId'], rateBreaks: BREAKS, byProbability: true }],
    ['a board without rates or dates', { pipelineId: 'pip_1', stageIds: ['stg_1q', 'stg_1w'] }, { groupBy: ['stageId'], rateBreaks: [], byProbability: true }],
    ['a pipeline without its stages named', { pipelineId: 'pip_2' }, { groupBy: ['stageId'], rateBreaks: BREAKS }],
    ['bookings', { isClosed: true, isWon: true, closeFrom: '2026-04-01', closeTo: '2026-06-30' }, { groupBy: [], rateBreaks: BREAKS }],
    ['the win rate', { isClosed: true, closeFrom: '2025-10-01', closeTo: '2026-09-30' }, { groupBy: ['isWon'], rateBreaks: BREAKS }],
    ['the open pipeline, weighted', { isClosed: false }, { groupBy: [], rateBreaks: BREAKS, byProbability: true }],
    ['the open pipeline without rates', { isClosed: false, closeFrom: '2026-01-01' }, { groupBy: [], rateBreaks: [] }],
    ['every deal of the org', {}, { groupBy: ['isWon'], rateBreaks: BREAKS }],
    ['by owner and stage, unowned included', { pipelineId: 'pip_1', isClosed: false }, { groupBy: ['ownerId', 'stageId'], rateBreaks: BREAKS }],
    ['by owner without rates', {}, { groupBy: ['ownerId'], rateBreaks: [] }],
  ];

  it.each(sumCases)('sums %s exactly, org-wide and for a scope', async (_name, criteria, options) => {
    for (const scope of [everyone, team]) {
      const c: OpportunityCriteria = { ...scope, ...criteria };
      const rows = await insightsRepo.sumOpportunities(database.db, c, options);
      const expected = expectedSums(deals, c, options);
      expect(expected.size).toBeGreaterThan(0);
      expect(actualSums(rows)).toEqual(expected);
    }
  });

  it('sums nothing for no owners or no stages', async () => {
    expect(await insightsRepo.sumOpportunities(database.db, { ...everyone, stageIds: [] }, { groupBy: [], rateBreaks: [] })).toEqual([]);
    expect(await insightsRepo.sumOpportunities(database.db, { ...everyone, ownerIds: [] }, { groupBy: [], rateBreaks: [] })).toEqual([]);
  });

  const cardCases: [string, Omit<OpportunityCriteria, 'orgId' | 'ownerIds'>, CardQuery][] = [
    ['a board column by value', board, { stageId: 'stg_1l', order: 'value', valueOf: VALUE_OF, limit: 7 }],
    ['a board column of one currency order', board, { stageId: 'stg_1q', order: 'value', valueOf: new Map(), limit: 50 }],
    ['a column outside the stages named', { ...board, stageIds: ['stg_1q', 'stg_1p'] }, { stageId: 'stg_1w', order: 'value', valueOf: VALUE_OF, limit: 5 }],
    ['the open deals closing in a month, soonest first', { isClosed: false, closeFrom: '2026-03-01', closeTo: '2026-03-31' }, { order: 'closeDate', valueOf: VALUE_OF, limit: 20 }],
    ['the largest deals anywhere', {}, { order: 'value', valueOf: VALUE_OF, limit: 10 }],
  ];

  it.each(cardCases)('finds the cards of %s in order, with their names', async (_name, criteria, query) => {
    for (const scope of [everyone, team]) {
      const c: OpportunityCriteria = { ...scope, ...criteria };
      const cards = await insightsRepo.opportunityCards(database.db, c, query);
      expect(cards.map((card) => card.id)).toEqual(expectedCards(deals, c, query));
      for (const card of cards) {
        const deal = deals.find((d) => d.id === card.id) as Deal;
        expect(card).toMatchObject({ amountMinor: deal.amountMinor, currency: deal.currency, stageName: deal.stageId, ownerName: deal.ownerId, ownerId: deal.ownerId });
        expect(card.accountName).toBe(deal.accountId === null ? null : `Account ${deal.accountId.slice(-1)}`);
      }
    }
  });
});
