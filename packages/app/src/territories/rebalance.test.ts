import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@attain/store';
import { openTestDatabase } from '@attain/store/test-support';
import type { AppContext } from '../context.js';
import { accounts } from '../crm/entities.js';
import { createRecord } from '../crm/records.js';
import { createTestOrg, testContext, type TestOrg } from '../test-support/factories.js';
import { activateTerritoryModel } from './activate-territory-model.js';
import { optimizeTerritoryModel } from './optimize-territory-model.js';
import { createTerritoryModel, saveTerritoryModel } from './territory-models.js';

/** Real places and their potential (in cents): the West holds more than the East today. */
const PLACES = {
  sf: { latitude: 37.7749, longitude: -122.4194, region: 'CA', potentialMinor: '4000000' },
  la: { latitude: 34.0522, longitude: -118.2437, region: 'CA', potentialMinor: '3000000' },
  sd: { latitude: 32.7157, longitude: -117.1611, region: 'CA', potentialMinor: '2000000' },
  denver: { latitude: 39.7392, longitude: -104.9903, region: 'CO', potentialMinor: '1500000' },
  kc: { latitude: 39.1141, longitude: -94.6275, region: 'KS', potentialMinor: '2000000' },
  chicago: { latitude: 41.8781, longitude: -87.6298, region: 'IL', potentialMinor: '1500000' },
  nyc: { latitude: 40.7831, longitude: -73.9712, region: 'NY', potentialMinor: '5000000' },
  boston: { latitude: 42.3601, longitude: -71.0589, region: 'MA', potentialMinor: '1000000' },
  honolulu: { latitude: 21.3069, longitude: -157.8583, region: 'HI', potentialMinor: '1000000' },
} as const;

describe('rebalancing a model\'s own territories', () => {
  let database: Database;
  let ctx: AppContext;
  let t: TestOrg;
  const ids: Record<string, string> = {};

  const definition = (locks: string[] = []) => ({
    ownerRole: 'ae',
    types: [],
    territories: [
      { key: 'US', name: 'United States', parent: null, level: 'area', type: null, members: [] },
      { key: 'WEST', name: 'West', parent: 'US', level: 'territory', type: null, members: [{ personId: t.people.rep.id, placeholder: null, role: 'ae', from: null, to: null }] },
      { key: 'EAST', name: 'East', parent: 'US', level: 'territory', type: null, members: [{ personId: t.people.rep2.id, placeholder: null, role: 'ae', from: null, to: null }] },
    ],
    rules: [
      { territory: 'WEST', filter: { field: 'region', op: 'in', values: ['CA', 'CO', 'KS', 'HI'] } },
      { territory: 'EAST', filter: { field: 'region', op: 'in', values: ['IL', 'NY', 'MA'] } },
    ],
    manual: [],
    locks,
  });

  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
    ctx = testContext(database, () => new Date('2026-11-27T12:00:00Z'));
    t = await createTestOrg(ctx, 'Rebalance');
    for (const [name, place] of Object.entries(PLACES)) ids[name] = (await createRecord(ctx, t.actors.ops, accounts, { name, ...place, ownerId: t.people.rep.id })).id;
  });
  afterAll(() => database.close());

  const model = async (name: string, locks: string[] = []) => {
    const m = await createTerritoryModel(ctx, t.actors.ops, { name });
    return saveTerritoryModel(ctx, t.actors.ops, m.id, { name, definition: definition(locks), baseVersion: m.version });
  };

  const countiesOf = (r: Awaited<ReturnType<typeof optimizeTerritoryModel>>, key: string) =>
    r.model.definition.rules.filter((x) => x.territory === key).flatMap((x) => (x.filter as { values: string[] }).values);
  const DENVER = '08031';
  const KANSAS_CITY = '20209';

  it('moves counties between the model\'s own territories into the band, keeping territories, members and what is held by hand', async () => {
    const m = await model('Rebalanced');
    // Today West 135,000.00 (Honolulu's 10,000.00 with it, outside the counties), East 75,000.00: 29% off the mean of 105,000.00.
    const r = await optimizeTerritoryModel(ctx, t.actors.ops, m.id, { from: 'current', measure: 'potential', tolerance: 0.15, secondary: [{ measure: 'accounts', tolerance: 0.3 }], baseVersion: m.version });
    // Kansas City (20,000.00) goes East: 115,000.00 and 95,000.00.
    expect({ withinBand: r.withinBand, maxDeviation: r.metrics.maxDeviation, movedShare: r.movedShare, movedAccounts: r.movedAccounts, heldAccounts: r.heldAccounts, disconnected: r.metrics.disconnected })
      .toEqual({ withinBand: true, maxDeviation: 10 / 105, movedShare: 20 / 210, movedAccounts: 1, heldAccounts: 1, disconnected: 0 });
    expect([countiesOf(r, 'EAST').includes(KANSAS_CITY), countiesOf(r, 'WEST').includes(DENVER)]).toEqual([true, true]);
    // Accounts 6 and 3 before, 5 and 4 after.
    expect(r.secondary).toEqual([{ measure: 'accounts', tolerance: 0.3, maxDeviation: 0.5 / 4.5, withinBand: true }]);
    const d = r.model.definition;
    expect(d.territories.map((x) => [x.key, x.parent, x.members.map((mm) => mm.personId)])).toEqual([['US', null, []], ['WEST', 'US', [t.people.rep.id]], ['EAST', 'US', [t.people.rep2.id]]]);
    const fips = d.rules.flatMap((x) => (x.filter as { values: string[] }).values);
    expect([d.rules.map((x) => x.territory), fips.length, new Set(fips).size]).toEqual([['WEST', 'EAST'], 3108, 3108]);
    // Honolulu, outside the counties, stays West by hand.
    expect(d.manual).toEqual([{ accountId: ids.honolulu, territory: 'WEST' }]);
  });

  it('moves no more than the disruption cap, and says the band is missed', async () => {
    const m = await model('Capped');
    // Kansas City is 9.5% of the potential, Denver 7.1%: neither may move under 5%.
    const r = await optimizeTerritoryModel(ctx, t.actors.ops, m.id, { from: 'current', measure: 'potential', tolerance: 0.15, maxDisruption: 0.05, baseVersion: m.version });
    expect({ movedShare: r.movedShare, movedAccounts: r.movedAccounts, withinBand: r.withinBand }).toEqual({ movedShare: 0, movedAccounts: 0, withinBand: false });
    expect([countiesOf(r, 'WEST').includes(KANSAS_CITY), countiesOf(r, 'WEST').includes(DENVER)]).toEqual([true, true]);
  });

  it('keeps locked accounts where they are and balances around them', async () => {
    // A lock keeps an account in its territory now: Kansas City is West once a model is active.
    const today = await model('Today');
    await activateTerritoryModel(ctx, t.actors.ops, today.id, { effectiveDate: '2026-11-27' });
    const m = await model('Locked', [ids.kc as string]);
    const r = await optimizeTerritoryModel(ctx, t.actors.ops, m.id, { from: 'current', measure: 'potential', tolerance: 0.15, baseVersion: m.version });
    // Denver goes East instead: 120,000.00 and 90,000.00.
    expect({ heldAccounts: r.heldAccounts, withinBand: r.withinBand, maxDeviation: r.metrics.maxDeviation, disconnected: r.metrics.disconnected }).toEqual({ heldAccounts: 2, withinBand: true, maxDeviation: 15 / 105, disconnected: 0 });
    expect(countiesOf(r, 'EAST')).toContain(DENVER);
    expect(r.model.definition.locks).toEqual([ids.kc]);
    // New territories would not keep the lock.
    await expect(optimizeTerritoryModel(ctx, t.actors.ops, m.id, { territories: 2, baseVersion: r.model.version }))
      .rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'from' }] });
  });

  it('names what is missing or wrong in the request', async () => {
    const m = await model('Bad requests');
    await expect(optimizeTerritoryModel(ctx, t.actors.ops, m.id, { baseVersion: m.version })).rejects.toMatchObject({ issues: [{ field: 'territories' }] });
    await expect(optimizeTerritoryModel(ctx, t.actors.ops, m.id, { territories: 2, maxDisruption: 0.1, baseVersion: m.version })).rejects.toMatchObject({ issues: [{ field: 'maxDisruption' }] });
    await expect(optimizeTerritoryModel(ctx, t.actors.ops, m.id, { from: 'current', secondary: [{ measure: 'revenue', tolerance: 0.2 }], baseVersion: m.version } as never)).rejects.toMatchObject({ issues: [{ field: 'secondary.0.measure' }] });
    await expect(optimizeTerritoryModel(ctx, t.actors.rep, m.id, { from: 'current', baseVersion: m.version })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
