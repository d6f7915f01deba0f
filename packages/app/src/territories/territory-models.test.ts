import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountTerritoryRepo, type Database } from '@attain/store';
import { openTestDatabase, testDialects, warnIfPostgresSkipped } from '@attain/store/test-support';
import type { AppContext } from '../context.js';
import { accounts, opportunities } from '../crm/entities.js';
import { createRecord, getRecord } from '../crm/records.js';
import { createTestOrg, testContext, type TestOrg } from '../test-support/factories.js';
import { accountTerritoryHistory } from './account-territories.js';
import { forecastTerritoryRollup } from '../forecast/territory-rollup.js';
import { activateTerritoryModel, applyDueTerritoryOwners } from './activate-territory-model.js';
import { optimizeTerritoryModel } from './optimize-territory-model.js';
import { territoriesSupported } from './territories-supported.js';
import { diffTerritoryModel, quotaImpact } from './territory-diff.js';
import { territoryMap } from './territory-map.js';
import { archiveTerritoryModel, createTerritoryModel, getTerritoryModel, listTerritoryModels, saveTerritoryModel } from './territory-models.js';

warnIfPostgresSkipped();

/** Real places: San Francisco (06075), Los Angeles (06037), Manhattan (36061), Boston (25025), Anchorage (outside the counties), and nowhere. */
const PLACES = {
  sf: { latitude: 37.7749, longitude: -122.4194, region: 'CA', potentialMinor: '4000000' },
  la: { latitude: 34.0522, longitude: -118.2437, region: 'CA', potentialMinor: '3000000' },
  nyc: { latitude: 40.7831, longitude: -73.9712, region: 'NY', potentialMinor: '5000000' },
  boston: { latitude: 42.3601, longitude: -71.0589, region: 'MA', potentialMinor: '2000000' },
  anchorage: { latitude: 61.2181, longitude: -149.9003, region: 'AK', potentialMinor: '1000000' },
  nowhere: { latitude: null, longitude: null, region: null, potentialMinor: '500000' },
} as const;

describe.each(testDialects())('territory models on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let now = new Date('2026-11-27T12:00:00Z');
  let t: TestOrg;
  let other: TestOrg;
  const ids: Record<string, string> = {};

  const definition = () => ({
    ownerRole: 'ae',
    types: [{ key: 'named', name: 'Named accounts', priority: 1 }, { key: 'geo', name: 'Geography', priority: 2 }],
    territories: [
      { key: 'US', name: 'United States', parent: null, level: 'area', type: null, members: [] },
      { key: 'WEST', name: 'West', parent: 'US', level: 'territory', type: 'geo', members: [{ personId: t.people.rep.id, placeholder: null, role: 'ae', from: null, to: null }] },
      { key: 'EAST', name: 'East', parent: 'US', level: 'territory', type: 'geo', members: [{ personId: t.people.rep2.id, placeholder: null, role: 'ae', from: null, to: null }] },
    ],
    rules: [
      { territory: 'WEST', filter: { field: 'region', op: 'in', values: ['CA'] } },
      { territory: 'EAST', filter: { field: 'county', op: 'in', values: ['36061', '25025'] } },
    ],
    manual: [{ accountId: ids.anchorage, territory: 'WEST' }],
    locks: [],
  });

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database, () => now);
    t = await createTestOrg(ctx, 'Territories');
    other = await createTestOrg(ctx, 'Territories B');
    for (const [name, place] of Object.entries(PLACES)) {
      ids[name] = (await createRecord(ctx, t.actors.ops, accounts, { name, ...place, ownerId: name === 'nyc' ? t.people.rep2.id : t.people.rep.id })).id;
    }
    ids.bostonDeal = (await createRecord(ctx, t.actors.ops, opportunities, { name: 'Boston expansion', accountId: ids.boston, amountMinor: '700000', closeDate: '2027-01-20', ownerId: t.people.rep.id })).id;
  });
  afterAll(async () => database.close());

  it('creates planning models for sales ops only, checks every field by its path, and keeps organisations apart', async () => {
    const empty = await createTerritoryModel(ctx, t.actors.ops, { name: 'Empty' });
    expect([empty.status, empty.version, empty.territories]).toEqual(['planning', 1, 0]);
    await expect(createTerritoryModel(ctx, t.actors.rep, { name: 'Mine' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createTerritoryModel(ctx, t.actors.manager, { name: 'Mine' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listTerritoryModels(ctx, t.actors.manager)).map((m) => m.name)).toEqual(['Empty']);
    await expect(getTerritoryModel(ctx, other.actors.ops, empty.id)).rejects.toMatchObject({ code: 'not_found' });

    const bad = { ...definition(), rules: [{ territory: 'NORTH', filter: { field: 'region', op: 'is', value: 'CA' } }] };
    await expect(saveTerritoryModel(ctx, t.actors.ops, empty.id, { name: 'Empty', definition: bad, baseVersion: 1 }))
      .rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'rules[0].territory' }] });
    const stranger = definition();
    stranger.territories[1]!.members = [{ personId: other.people.rep.id, placeholder: null, role: 'ae', from: null, to: null }];
    await expect(saveTerritoryModel(ctx, t.actors.ops, empty.id, { name: 'Empty', definition: stranger, baseVersion: 1 }))
      .rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'territories[1].members[0].personId' }] });
    const saved = await saveTerritoryModel(ctx, t.actors.ops, empty.id, { name: 'Empty', definition: definition(), baseVersion: 1 });
    expect(saved.version).toBe(2);
    await expect(saveTerritoryModel(ctx, t.actors.ops, empty.id, { name: 'Empty', definition: definition(), baseVersion: 1 })).rejects.toMatchObject({ code: 'conflict' });
    await archiveTerritoryModel(ctx, t.actors.ops, empty.id);
  });

  it('shows the dry run per rep and in total, then activates: owners, open deals and history follow from the date', async () => {
    const model = await createTerritoryModel(ctx, t.actors.ops, { name: 'FY27', definition: definition() });
    const map = await territoryMap(ctx, t.actors.manager, model.id);
    expect(map.territories.map((x) => [x.key, x.accounts, x.potentialMinor, x.owner?.name ?? null])).toEqual([
      ['US', 0, '0', null], ['WEST', 3, '8000000', t.people.rep.name], ['EAST', 2, '7000000', t.people.rep2.name],
    ]);
    expect(map.counties.map((c) => [c.fips, c.territory])).toEqual([['06037', 'WEST'], ['06075', 'WEST'], ['25025', 'EAST'], ['36061', 'EAST']]);
    expect([map.accountsTotal, map.unassigned]).toEqual([6, 1]);

    const diff = await diffTerritoryModel(ctx, t.actors.ops, model.id, '2026-11-27');
    expect([diff.accounts, diff.territoryChanges, diff.unassigned, diff.vacant]).toEqual([6, 5, 1, 0]);
    // Only Boston changes hands: rep to rep2, with its potential and its open deal.
    expect(diff.moved).toEqual({ accounts: 1, potentialMinor: '2000000', pipelineMinor: '700000', bookMinor: '0' });
    const rep = diff.reps.find((r) => r.personId === t.people.rep.id);
    expect([rep?.before.accounts, rep?.after.accounts, rep?.lost, rep?.gained]).toEqual([5, 4, 1, 0]);
    expect(diff.territories.map((x) => [x.key, x.accounts])).toEqual([['EAST', 2], ['WEST', 3]]);
    await expect(diffTerritoryModel(ctx, t.actors.rep, model.id)).rejects.toMatchObject({ code: 'forbidden' });

    await expect(activateTerritoryModel(ctx, t.actors.ops, model.id, { effectiveDate: '2026-11-26' })).rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'effectiveDate' }] });
    const done = await activateTerritoryModel(ctx, t.actors.ops, model.id, { effectiveDate: '2026-11-27' });
    expect([done.model.status, done.model.effectiveFrom, done.changed, done.accountOwnersSet, done.opportunitiesMoved, done.pending]).toEqual(['active', '2026-11-27', 6, 1, 1, false]);
    expect((await getRecord(ctx, t.actors.ops, accounts, ids.boston as string)).ownerId).toBe(t.people.rep2.id);
    const deal = await getRecord(ctx, t.actors.ops, opportunities, ids.bostonDeal as string);
    expect([deal.ownerId, deal.territoryId]).toEqual([t.people.rep2.id, 'EAST']);
    expect((await accountTerritoryHistory(ctx, t.actors.ops, ids.boston as string)).items).toEqual([
      { validFrom: '2026-11-27', validTo: null, territory: 'EAST', territoryName: 'East', modelId: model.id, modelName: 'FY27', ownerId: t.people.rep2.id, source: 'rule' },
    ]);
    await expect(saveTerritoryModel(ctx, t.actors.ops, model.id, { name: 'FY27', definition: definition(), baseVersion: done.model.version })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('rolls the quarter\'s deals up the active model\'s territory hierarchy, each reader seeing her own deals\' territories', async () => {
    const all = await forecastTerritoryRollup(ctx, t.actors.ops, { period: 'FY2027-Q1' });
    expect(all.model?.name).toBe('FY27');
    expect(all.rows.map((r) => [r.key, r.depth, r.ownerName, r.pipeline.open])).toEqual([['US', 0, null, '700000'], ['WEST', 1, 'Rita Rep', '0'], ['EAST', 1, 'Rob Rep', '700000']]);
    expect(all.rows.find((r) => r.key === 'EAST')?.ownerForecast).toEqual({ commit: '0', bestCase: '0' });
    // Rita owns West and no deal this quarter: West under the top. Rob sees his deal in East.
    expect((await forecastTerritoryRollup(ctx, t.actors.rep, { period: 'FY2027-Q1' })).rows.map((r) => r.key)).toEqual(['US', 'WEST']);
    expect((await forecastTerritoryRollup(ctx, t.actors.rep2, { period: 'FY2027-Q1' })).rows.map((r) => [r.key, r.pipeline.open])).toEqual([['US', '700000'], ['EAST', '700000']]);
    await expect(forecastTerritoryRollup(ctx, t.actors.rep, { period: 'soon' })).rejects.toMatchObject({ issues: [{ field: 'period' }] });
    expect((await forecastTerritoryRollup(ctx, other.actors.ops, {})).model).toBeNull();
  });

  it('activates a later model from a coming date: the old rows end the day before, owners change when the day comes', async () => {
    const [active] = (await listTerritoryModels(ctx, t.actors.ops)).filter((m) => m.status === 'active');
    const next = definition();
    next.rules = [{ territory: 'WEST', filter: { field: 'region', op: 'in', values: ['CA', 'MA'] } }, ...next.rules];
    const model = await createTerritoryModel(ctx, t.actors.ops, { name: 'FY27 H2', definition: next });
    await expect(activateTerritoryModel(ctx, t.actors.ops, model.id, { effectiveDate: '2026-11-27' })).rejects.toMatchObject({ code: 'validation_failed' });
    const done = await activateTerritoryModel(ctx, t.actors.ops, model.id, { effectiveDate: '2027-02-01' });
    expect([done.changed, done.accountOwnersSet, done.pending]).toEqual([1, 0, true]);
    expect((await getTerritoryModel(ctx, t.actors.ops, active?.id as string)).status).toBe('archived');
    expect((await getRecord(ctx, t.actors.ops, accounts, ids.boston as string)).ownerId).toBe(t.people.rep2.id);
    expect((await accountTerritoryHistory(ctx, t.actors.ops, ids.boston as string)).items.map((r) => [r.validFrom, r.validTo, r.territory])).toEqual([
      ['2026-11-27', '2027-01-31', 'EAST'], ['2027-02-01', null, 'WEST'],
    ]);
    expect(await accountTerritoryRepo.territoryOn(database.db, t.org.id, ids.boston as string, '2027-01-31')).toBe('EAST');

    expect(await applyDueTerritoryOwners(ctx, t.org.id)).toEqual({ accounts: 0, opportunities: 0 });
    now = new Date('2027-02-01T08:00:00Z');
    expect((await applyDueTerritoryOwners(ctx, t.org.id)).accounts).toBe(1);
    expect((await getRecord(ctx, t.actors.ops, accounts, ids.boston as string)).ownerId).toBe(t.people.rep.id);
    now = new Date('2026-11-27T12:00:00Z');
  });

  it('withdraws an activation whose date is still to come: its rows go, the rows it ended and the model it replaced are back', async () => {
    const active = (await listTerritoryModels(ctx, t.actors.ops)).find((m) => m.status === 'active');
    const later = await createTerritoryModel(ctx, t.actors.ops, { name: 'FY28', definition: definition() });
    await expect(activateTerritoryModel(ctx, t.actors.ops, later.id, { effectiveDate: '2027-02-01' })).rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'effectiveDate', message: 'must be 2027-02-02 or later' }] });
    await expect(activateTerritoryModel(ctx, t.actors.ops, later.id, { effectiveDate: '2027-02-30' })).rejects.toMatchObject({ issues: [{ field: 'effectiveDate' }] });
    await activateTerritoryModel(ctx, t.actors.ops, later.id, { effectiveDate: '2027-03-01' });
    expect((await accountTerritoryHistory(ctx, t.actors.ops, ids.boston as string)).items.map((r) => [r.validFrom, r.validTo, r.territory])).toEqual([
      ['2026-11-27', '2027-01-31', 'EAST'], ['2027-02-01', '2027-02-28', 'WEST'], ['2027-03-01', null, 'EAST'],
    ]);
    await archiveTerritoryModel(ctx, t.actors.ops, later.id);
    expect((await accountTerritoryHistory(ctx, t.actors.ops, ids.boston as string)).items.map((r) => [r.validFrom, r.validTo, r.territory])).toEqual([
      ['2026-11-27', '2027-01-31', 'EAST'], ['2027-02-01', null, 'WEST'],
    ]);
    expect((await getTerritoryModel(ctx, t.actors.ops, active?.id as string)).status).toBe('active');
    expect(await applyDueTerritoryOwners(ctx, t.org.id)).toEqual({ accounts: 0, opportunities: 0 });
  });

  it('optimizes a planning model into contiguous county territories, owners chosen where they hold most', async () => {
    const model = await createTerritoryModel(ctx, t.actors.ops, { name: 'Optimized' });
    const result = await optimizeTerritoryModel(ctx, t.actors.ops, model.id, { territories: 2, measure: 'potential', tolerance: 0.5, seed: 1, baseVersion: 1 });
    const d = result.model.definition;
    expect([result.model.version, d.territories.length, result.counties, result.accountsOutside, result.metrics.disconnected]).toEqual([2, 2, 5, 2, 0]);
    // Anchorage counts in the county nearest it (5 counties with weight); every one of the 3,108 counties is in exactly one rule.
    const fips = d.rules.flatMap((r) => (r.filter as { values: string[] }).values);
    expect([fips.length, new Set(fips).size]).toEqual([3108, 3108]);
    expect(d.manual.map((m) => m.accountId)).toEqual([ids.anchorage]);
    const owners = d.territories.map((x) => x.members[0]?.personId);
    expect(new Set(owners)).toEqual(new Set([t.people.rep.id, t.people.rep2.id]));
  });

  it('says how many territories the market supports with a minimum potential each', async () => {
    // 150,000.00 of potential on the map (the account with no location is on none): three of 50,000.00 at most.
    const three = await territoriesSupported(ctx, t.actors.manager, { minimumMinor: '5000000' });
    expect([three.totalMinor, three.territories]).toEqual(['15000000', expect.any(Number)]);
    expect(three.territories).toBeGreaterThanOrEqual(1);
    expect(three.territories).toBeLessThanOrEqual(3);
    expect(BigInt(three.smallestMinor as string)).toBeGreaterThanOrEqual(5000000n);
    expect(await territoriesSupported(ctx, t.actors.manager, { minimumMinor: '15000001' })).toMatchObject({ territories: 0, smallestMinor: null });
    await expect(territoriesSupported(ctx, t.actors.manager, { minimumMinor: '0' })).rejects.toMatchObject({ issues: [{ field: 'minimumMinor' }] });
    await expect(territoriesSupported(ctx, t.actors.rep, { minimumMinor: '1' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('carries quota with the potential moved, pro rata for the rest of the year', () => {
    // 1,200,000.00 quota, potential 100 -> 150, for 183 of the year's 365 days: 600,000.00 x 183 / 365, half-even.
    expect(quotaImpact(120_000_000n, 100n, 150n, '2026-08-02', { start: '2026-02-01', end: '2027-01-31' })).toBe(30_082_192n);
    expect(quotaImpact(120_000_000n, 0n, 150n, '2026-08-02', { start: '2026-02-01', end: '2027-01-31' })).toBeNull();
  });
});
