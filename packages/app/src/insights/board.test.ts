import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@attain/store';
import { createTestOrg, openTestDatabase, testContext, testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import type { Stage } from '@attain/core';
import type { AppContext } from '../context.js';
import { opportunities, persons, teams } from '../crm/entities.js';
import { getPipeline, listPipelines } from '../crm/pipelines.js';
import { archiveRecord, createRecord, updateRecord } from '../crm/records.js';
import { setExchangeRate } from '../org-settings.js';
import { getPipelineBoard, type PipelineBoard } from './board.js';

warnIfPostgresSkipped();

const stageNamed = (board: PipelineBoard, name: string) => {
  const stage = board.stages.find((s) => s.name === name);
  if (!stage) throw new Error(`no stage ${name}`);
  return stage;
};

describe.each(testDialects())('pipeline board on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: TestOrg;
  let pipelineId: string;
  let stages: Stage[];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database);
    t = await createTestOrg(ctx);
    await setExchangeRate(ctx, t.admin, { currency: 'EUR', effectiveDate: '2020-01-01', rate: '1.1' });
    pipelineId = (await listPipelines(ctx, t.admin)).items[0]?.id ?? '';
    stages = (await getPipeline(ctx, t.admin, pipelineId)).stages;
    const stage = (name: string) => stages.find((s) => s.name === name)?.id;
    const deal = async (key: string, ownerId: string, amountMinor: string, currency: string, closeDate: string, stageName = 'Qualification') => {
      ids[key] = (await createRecord(ctx, t.admin, opportunities, { name: key, ownerId, amountMinor, currency, closeDate, stageId: stage(stageName) })).id;
    };
    // Two EUR deals of 5 cents at 1.1 are 5.5 + 5.5 = 11 cents: rounding each (6 + 6) would say 12.
    await deal('eurA', t.people.rep.id, '5', 'EUR', '2027-01-10');
    await deal('eurB', t.people.rep.id, '5', 'EUR', '2027-01-11');
    await deal('usdRep', t.people.rep.id, '1000', 'USD', '2027-02-01');
    await deal('proposal', t.people.rep.id, '300', 'USD', '2027-03-01', 'Proposal');
    // EUR 2.80 is worth USD 3.08: it outranks USD 3.00 although its minor units are fewer.
    await deal('eurProposal', t.people.rep2.id, '280', 'EUR', '2027-03-02', 'Proposal');
    await deal('rep2', t.people.rep2.id, '2000', 'USD', '2027-01-15');
    await deal('other', t.people.otherRep.id, '7777', 'USD', '2027-01-20');
    await deal('archived', t.people.rep.id, '100000', 'USD', '2027-01-12');
    await archiveRecord(ctx, t.admin, opportunities, ids.archived as string);
    // A team tree: East > East One; Rob sits in the sub-team, Olga (other manager's rep) in East itself.
    const east = await createRecord(ctx, t.admin, teams, { name: 'East' });
    const eastOne = await createRecord(ctx, t.admin, teams, { name: 'East One', parentTeamId: east.id });
    ids.east = east.id;
    ids.eastOne = eastOne.id;
    await updateRecord(ctx, t.admin, persons, t.people.rep2.id, { teamId: eastOne.id });
    await updateRecord(ctx, t.admin, persons, t.people.otherRep.id, { teamId: east.id });
  });
  afterAll(async () => database.close());

  it('lists every stage in order, sums all matching deals exactly in the org currency, rounding once', async () => {
    const board = await getPipelineBoard(ctx, t.actors.ops, { pipelineId });
    expect(board.currency).toBe('USD');
    expect(board.stages.map((s) => s.stageId)).toEqual(stages.map((s) => s.id));
    const q = stageNamed(board, 'Qualification');
    expect(q.count).toBe(5);
    // 5.5 + 5.5 + 1000 + 2000 + 7777
    expect(q.amountMinor).toBe(10_788n);
    // 10% of 10,788 = 1,078.8 -> 1,079
    expect(q.weightedAmountMinor).toBe(1_079n);
    expect(q.cards.map((c) => c.name)).toEqual(['other', 'rep2', 'usdRep', ...['eurA', 'eurB'].sort((a, b) => ((ids[a] as string) < (ids[b] as string) ? -1 : 1))]);
    expect(q.cards[0]).toMatchObject({ amountMinor: 7777n, currency: 'USD', ownerName: 'Olga Rep', probabilityBps: 1000, forecastCategory: 'pipeline', version: 1 });
    expect(q.hasMore).toBe(false);
    // 300 + 308 = 608; 60% of it is 364.8 -> 365
    const proposal = stageNamed(board, 'Proposal');
    expect(proposal).toMatchObject({ count: 2, amountMinor: 608n, weightedAmountMinor: 365n });
    expect(proposal.cards.map((c) => [c.name, c.amountMinor, c.currency])).toEqual([['eurProposal', 280n, 'EUR'], ['proposal', 300n, 'USD']]);
    const empty = stageNamed(board, 'Discovery');
    expect(empty).toMatchObject({ count: 0, amountMinor: 0n, weightedAmountMinor: 0n, cards: [], hasMore: false, probabilityBps: 2000, isClosed: false });
    expect(stageNamed(board, 'Closed Won')).toMatchObject({ isClosed: true, isWon: true, count: 0 });
  });

  it('cuts the cards at cardsPerStage but keeps counting every deal', async () => {
    const q = stageNamed(await getPipelineBoard(ctx, t.actors.ops, { pipelineId, cardsPerStage: 2 }), 'Qualification');
    expect(q.cards.map((c) => c.name)).toEqual(['other', 'rep2']);
    expect(q).toMatchObject({ count: 5, amountMinor: 10_788n, hasMore: true });
    await expect(getPipelineBoard(ctx, t.actors.ops, { pipelineId, cardsPerStage: 201 })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('shows a rep her own deals, a manager her team\'s, never the other manager\'s reps', async () => {
    const rep = stageNamed(await getPipelineBoard(ctx, t.actors.rep, { pipelineId }), 'Qualification');
    expect(rep).toMatchObject({ count: 3, amountMinor: 1_011n });
    expect(new Set(rep.cards.map((c) => c.ownerId))).toEqual(new Set([t.people.rep.id]));
    const managerBoard = await getPipelineBoard(ctx, t.actors.manager, { pipelineId });
    const manager = stageNamed(managerBoard, 'Qualification');
    expect(manager).toMatchObject({ count: 4, amountMinor: 3_011n });
    expect(manager.cards.map((c) => c.name)).not.toContain('other');
    expect(stageNamed(managerBoard, 'Proposal').cards.map((c) => c.name)).toEqual(['eurProposal', 'proposal']);
    const finance = stageNamed(await getPipelineBoard(ctx, t.actors.finance, { pipelineId }), 'Qualification');
    expect(finance.count).toBe(5);
  });

  it('filters by owner, by team (with its sub-teams, within scope) and by an inclusive close range', async () => {
    const byOwner = stageNamed(await getPipelineBoard(ctx, t.actors.ops, { pipelineId, ownerId: t.people.rep2.id }), 'Qualification');
    expect(byOwner).toMatchObject({ count: 1, amountMinor: 2_000n });
    const byTeam = stageNamed(await getPipelineBoard(ctx, t.actors.ops, { pipelineId, teamId: ids.east as string }), 'Qualification');
    expect(byTeam.cards.map((c) => c.name).sort()).toEqual(['other', 'rep2']);
    const bySubTeam = stageNamed(await getPipelineBoard(ctx, t.actors.ops, { pipelineId, teamId: ids.eastOne as string }), 'Qualification');
    expect(bySubTeam.cards.map((c) => c.name)).toEqual(['rep2']);
    // The team filter narrows the manager's scope, it never widens it to Olga.
    const managerTeam = stageNamed(await getPipelineBoard(ctx, t.actors.manager, { pipelineId, teamId: ids.east as string }), 'Qualification');
    expect(managerTeam.cards.map((c) => c.name)).toEqual(['rep2']);
    const range = stageNamed(await getPipelineBoard(ctx, t.actors.ops, { pipelineId, closeFrom: '2027-01-11', closeTo: '2027-01-15' }), 'Qualification');
    // EUR 5 at 1.1 + 2000 = 2005.5 -> 2006 (half-even)
    expect(range).toMatchObject({ count: 2, amountMinor: 2_006n });
    await expect(getPipelineBoard(ctx, t.actors.ops, { pipelineId, closeFrom: '2027-02-01', closeTo: '2027-01-01' })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('refuses an owner outside the scope (403) and unknown people, teams and pipelines (404)', async () => {
    await expect(getPipelineBoard(ctx, t.actors.rep, { pipelineId, ownerId: t.people.rep2.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getPipelineBoard(ctx, t.actors.manager, { pipelineId, ownerId: t.people.otherRep.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getPipelineBoard(ctx, t.actors.ops, { pipelineId, ownerId: 'per_missing' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getPipelineBoard(ctx, t.actors.ops, { pipelineId, teamId: 'tea_missing' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getPipelineBoard(ctx, t.actors.ops, { pipelineId: 'pip_missing' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('fails naming the currency when a deal\'s currency has no rate, rather than summing wrong', async () => {
    const other = await createTestOrg(ctx, 'No rates');
    const pid = (await listPipelines(ctx, other.admin)).items[0]?.id ?? '';
    await createRecord(ctx, other.admin, opportunities, { name: 'GBP deal', ownerId: other.people.rep.id, amountMinor: '100', currency: 'GBP', closeDate: '2027-01-10' });
    await expect(getPipelineBoard(ctx, other.actors.ops, { pipelineId: pid })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('GBP') });
    // A rate from after the deal's close date does not apply to it either.
    await setExchangeRate(ctx, other.admin, { currency: 'GBP', effectiveDate: '2027-02-01', rate: '1.25' });
    await expect(getPipelineBoard(ctx, other.actors.ops, { pipelineId: pid })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('GBP') });
    await setExchangeRate(ctx, other.admin, { currency: 'GBP', effectiveDate: '2027-01-01', rate: '1.3' });
    const board = await getPipelineBoard(ctx, other.actors.ops, { pipelineId: pid });
    expect(stageNamed(board, 'Qualification').amountMinor).toBe(130n);
  });

  it('keeps sums exact beyond the 2^53 of a float, on both dialects', async () => {
    const big = await createTestOrg(ctx, 'Big deals');
    const pid = (await listPipelines(ctx, big.admin)).items[0]?.id ?? '';
    for (const name of ['one', 'two']) {
      await createRecord(ctx, big.admin, opportunities, { name, ownerId: big.people.rep.id, amountMinor: '9000000000000001', closeDate: '2027-01-10' });
    }
    const q = stageNamed(await getPipelineBoard(ctx, big.actors.ops, { pipelineId: pid }), 'Qualification');
    expect(q).toMatchObject({ count: 2, amountMinor: 18_000_000_000_000_002n, weightedAmountMinor: 1_800_000_000_000_000n });
  });
});
