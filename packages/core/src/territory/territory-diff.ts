import { loadBalance, type LoadBalance } from './metrics.js';

/*
 * The dry run of an activation: every account's territory and owner before and after, summed
 * per rep, per territory and in total. Money is in one currency, minor units, exact.
 */

export interface AccountChange {
  readonly accountId: string;
  readonly before: { readonly territory: string | null; readonly ownerId: string | null };
  readonly after: { readonly territory: string | null; readonly ownerId: string | null };
  readonly potentialMinor: bigint;
  /** Open opportunities' amounts. */
  readonly pipelineMinor: bigint;
  /** Won in the last twelve months. */
  readonly bookMinor: bigint;
}

export interface Values {
  accounts: number;
  potentialMinor: bigint;
  pipelineMinor: bigint;
  bookMinor: bigint;
}

export interface RepChange {
  /** Null: accounts with no owner (a placeholder's, or none). */
  readonly personId: string | null;
  readonly before: Values;
  readonly after: Values;
  /** Accounts that come to her, and that leave her. */
  readonly gained: number;
  readonly lost: number;
}

export interface TerritoryDiff {
  readonly accounts: number;
  /** Accounts whose territory changes. */
  readonly territoryChanges: number;
  /** Accounts whose owner changes, and what goes with them. */
  readonly moved: Values;
  /** Accounts no rule, lock or manual assignment places. */
  readonly unassigned: number;
  /** Every rep with accounts before or after, by person id (no owner last). */
  readonly reps: readonly RepChange[];
  /** Every territory's accounts after, by key. */
  readonly territories: readonly ({ readonly key: string } & Values)[];
  /** Balance of potential over the territories given (those that hold accounts: the leaves). */
  readonly balance: LoadBalance;
}

const zero = (): Values => ({ accounts: 0, potentialMinor: 0n, pipelineMinor: 0n, bookMinor: 0n });
const add = (v: Values, c: AccountChange): void => {
  v.accounts += 1;
  v.potentialMinor += c.potentialMinor;
  v.pipelineMinor += c.pipelineMinor;
  v.bookMinor += c.bookMinor;
};

/** Sums the changes; `leaves` are the territories the balance is measured over (each listed, empty ones too). */
export function territoryDiff(changes: Iterable<AccountChange>, leaves: readonly string[]): TerritoryDiff {
  const reps = new Map<string | null, { before: Values; after: Values; gained: number; lost: number }>();
  const rep = (id: string | null) => {
    let r = reps.get(id);
    if (!r) reps.set(id, (r = { before: zero(), after: zero(), gained: 0, lost: 0 }));
    return r;
  };
  const territories = new Map<string, Values>(leaves.map((k) => [k, zero()]));
  const moved = zero();
  let accounts = 0;
  let territoryChanges = 0;
  let unassigned = 0;
  for (const c of changes) {
    accounts += 1;
    if (c.before.territory !== c.after.territory) territoryChanges += 1;
    if (c.after.territory === null) unassigned += 1;
    else {
      let t = territories.get(c.after.territory);
      if (!t) territories.set(c.after.territory, (t = zero()));
      add(t, c);
    }
    add(rep(c.before.ownerId).before, c);
    add(rep(c.after.ownerId).after, c);
    if (c.before.ownerId !== c.after.ownerId) {
      add(moved, c);
      rep(c.before.ownerId).lost += 1;
      rep(c.after.ownerId).gained += 1;
    }
  }
  const byId = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  return {
    accounts, territoryChanges, moved, unassigned,
    reps: [...reps].sort(([a], [b]) => byId(a, b)).map(([personId, r]) => ({ personId, ...r })),
    territories: [...territories].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, v]) => ({ key, ...v })),
    balance: loadBalance(leaves.map((k) => Number(territories.get(k)?.potentialMinor ?? 0n))),
  };
}
