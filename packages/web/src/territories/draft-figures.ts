import { loadBalance, type LoadBalance } from '@attain/core';
import type { TerritoryMapWire } from '@attain/contract';
import { countyTerritories, type Definition } from './county-rules.js';

/*
 * What the map and the balance chart show for a draft, worked out in the browser from the
 * saved figures (the map wire) and the moves made since: a county moved carries its accounts
 * and potential from its saved territory to its new one; an account placed by hand carries its
 * own. Accounts placed by hand before stay where they are when their county moves. The server's
 * figures replace these once the draft is saved. Money stays bigint minor units.
 */

export type Measure = 'potential' | 'accounts';

export interface Load {
  readonly accounts: number;
  readonly potentialMinor: bigint;
}

export interface DraftPlacement {
  /** Each county's territory in the draft. */
  readonly counties: ReadonlyMap<string, string>;
  /** The territory of each account the map lists (null: none). */
  readonly accounts: ReadonlyMap<string, string | null>;
  /** Accounts and potential per territory key. */
  readonly loads: ReadonlyMap<string, Load>;
}

interface Input {
  readonly map: TerritoryMapWire;
  readonly saved: Definition;
  readonly draft: Definition;
  /** The county (FIPS) an account of the map lies in, if any. */
  readonly accountCounty: (accountId: string) => string | null;
}

export function draftPlacement({ map, saved, draft, accountCounty }: Input): DraftPlacement {
  const savedCounties = countyTerritories(saved, map.counties);
  const draftCounties = countyTerritories(draft, map.counties);
  const savedManual = new Map(saved.manual.map((m) => [m.accountId, m.territory]));
  const draftManual = new Map(draft.manual.map((m) => [m.accountId, m.territory]));
  const loads = new Map<string, { accounts: number; potentialMinor: bigint }>(
    map.territories.map((t) => [t.key, { accounts: t.accounts, potentialMinor: BigInt(t.potentialMinor) }]),
  );
  const shift = (from: string | null, to: string | null, accounts: number, potential: bigint) => {
    if (from === to) return;
    const take = from === null ? undefined : loads.get(from);
    if (take) {
      take.accounts -= accounts;
      take.potentialMinor -= potential;
    }
    if (to === null) return;
    const give = loads.get(to) ?? { accounts: 0, potentialMinor: 0n };
    give.accounts += accounts;
    give.potentialMinor += potential;
    loads.set(to, give);
  };
  const moved = (fips: string | null): boolean => fips !== null && savedCounties.get(fips) !== draftCounties.get(fips);

  // Accounts placed by hand in the saved model did not follow their county, and do not now.
  const pinned = new Map<string, { accounts: number; potential: bigint }>();
  for (const a of map.accounts) {
    if (!savedManual.has(a.id)) continue;
    const fips = accountCounty(a.id);
    if (fips === null) continue;
    const p = pinned.get(fips) ?? { accounts: 0, potential: 0n };
    p.accounts += 1;
    p.potential += BigInt(a.potentialMinor);
    pinned.set(fips, p);
  }
  for (const c of map.counties) {
    if (!moved(c.fips)) continue;
    const p = pinned.get(c.fips);
    shift(savedCounties.get(c.fips) ?? null, draftCounties.get(c.fips) ?? null, c.accounts - (p?.accounts ?? 0), BigInt(c.potentialMinor) - (p?.potential ?? 0n));
  }

  const accounts = new Map<string, string | null>();
  for (const a of map.accounts) {
    const fips = savedManual.has(a.id) ? null : accountCounty(a.id);
    // Where the county moves put it, then where a hand placement in the draft puts it.
    const followed = savedManual.has(a.id) || !moved(fips) ? a.territory : (draftCounties.get(fips as string) ?? null);
    const placed = draftManual.get(a.id) ?? followed;
    shift(followed, placed, 1, BigInt(a.potentialMinor));
    accounts.set(a.id, placed);
  }
  return { counties: draftCounties, accounts, loads };
}

/** A territory's load on a measure, as a number for the balance figures and the chart (ratios, not money). */
export function loadValue(load: Load | undefined, measure: Measure): number {
  if (!load) return 0;
  return measure === 'accounts' ? load.accounts : Number(load.potentialMinor);
}

/** Max deviation, CV and Gini of the territories given (the leaves), empty ones included. */
export function balanceOf(loads: ReadonlyMap<string, Load>, territories: readonly string[], measure: Measure): LoadBalance {
  return loadBalance(territories.map((k) => loadValue(loads.get(k), measure)));
}
