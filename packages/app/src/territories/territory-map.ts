import { dateOfInstant, loadBalance, territoryOwnerOn, type Actor } from '@attain/core';
import type { TerritoryMapWire } from '@attain/contract';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { repos } from '../crm/repos.js';
import { countyAt } from './us-counties.js';
import { earliestActivation } from './territory-diff.js';
import { loadModel, modelOfRow } from './territory-models.js';
import { leafTerritories, placeAccounts } from './territory-placement.js';

/** Accounts drawn as points at most; the largest by potential when there are more. */
const MAX_POINTS = 5000;

/**
 * What the map and the balance chart draw for a model: every territory's accounts, potential,
 * pipeline and book and its owner on the model's date (or the first date it could take effect),
 * every county with accounts and the territory holding most of its potential, the accounts as
 * points, and the balance of potential over the leaf territories.
 */
export async function territoryMap(ctx: AppContext, actor: Actor, id: string): Promise<TerritoryMapWire> {
  requireAbility(actor, 'coverage:read');
  const db = ctx.database.db;
  const today = dateOfInstant(ctx.now());
  const row = await loadModel(db, actor.orgId, id);
  const model = modelOfRow(row);
  const date = row.effectiveFrom ?? (await earliestActivation(db, actor.orgId, today));
  const { money, placed } = await placeAccounts(db, actor.orgId, model, date, today);

  const sums = new Map(model.territories.map((t) => [t.key, { accounts: 0, potentialMinor: 0n, pipelineMinor: 0n, bookMinor: 0n }]));
  const counties = new Map<string, { accounts: number; potentialMinor: bigint; byTerritory: Map<string | null, bigint> }>();
  for (const p of placed) {
    const t = p.after.territory === null ? undefined : sums.get(p.after.territory);
    if (t) {
      t.accounts += 1;
      t.potentialMinor += p.potentialMinor;
      t.pipelineMinor += p.pipelineMinor;
      t.bookMinor += p.bookMinor;
    }
    const fips = p.account.county ?? countyAt(p.account.latitude, p.account.longitude);
    if (fips === null) continue;
    let c = counties.get(fips);
    if (!c) counties.set(fips, (c = { accounts: 0, potentialMinor: 0n, byTerritory: new Map() }));
    c.accounts += 1;
    c.potentialMinor += p.potentialMinor;
    // +1 so a county of accounts without potential still goes to the territory holding most of them.
    c.byTerritory.set(p.after.territory, (c.byTerritory.get(p.after.territory) ?? 0n) + p.potentialMinor + 1n);
  }
  const ownerIds = model.territories.map((t) => territoryOwnerOn(model, t.key, date)?.personId).filter((x): x is string => typeof x === 'string');
  const people = await repos.person.getMany(db, actor.orgId, ownerIds);
  const points = placed.filter((p) => p.account.latitude !== null && p.account.longitude !== null)
    .sort((a, b) => (b.potentialMinor > a.potentialMinor ? 1 : b.potentialMinor < a.potentialMinor ? -1 : a.accountId < b.accountId ? -1 : 1)).slice(0, MAX_POINTS);
  const leaves = leafTerritories(model);
  return {
    currency: money.currency,
    territories: model.territories.map((t) => {
      const s = sums.get(t.key) as { accounts: number; potentialMinor: bigint; pipelineMinor: bigint; bookMinor: bigint };
      const owner = territoryOwnerOn(model, t.key, date);
      return {
        key: t.key, name: t.name, parent: t.parent, level: t.level, accounts: s.accounts,
        potentialMinor: s.potentialMinor.toString(), pipelineMinor: s.pipelineMinor.toString(), bookMinor: s.bookMinor.toString(),
        owner: owner && { personId: owner.personId, name: owner.personId === null ? (owner.placeholder ?? 'To be hired') : (people.get(owner.personId)?.name ?? owner.personId) },
      };
    }),
    counties: [...counties].sort(([a], [b]) => (a < b ? -1 : 1)).map(([fips, c]) => ({
      fips, accounts: c.accounts, potentialMinor: c.potentialMinor.toString(),
      territory: [...c.byTerritory].sort((x, y) => (y[1] > x[1] ? 1 : y[1] < x[1] ? -1 : String(x[0]) < String(y[0]) ? -1 : 1))[0]?.[0] ?? null,
    })),
    accounts: points.map((p) => ({ id: p.accountId, name: p.account.name, latitude: p.account.latitude as number, longitude: p.account.longitude as number, territory: p.after.territory, potentialMinor: p.potentialMinor.toString() })),
    accountsTotal: placed.length,
    unassigned: placed.filter((p) => p.after.territory === null).length,
    balance: loadBalance(leaves.map((k) => Number(sums.get(k)?.potentialMinor ?? 0n))),
  };
}
