import { matchesFilter, type FilterableAccount } from '../coverage/account-filter.js';
import { rulesInOrder, type TerritoryModel } from './territory-model.js';

/** Why an account is in its territory: placed by hand, kept by a lock, by the first rule it passes, or by nothing. */
export type PlacementSource = 'manual' | 'lock' | 'rule' | 'none';

export interface Placement {
  readonly territory: string | null;
  readonly source: PlacementSource;
}

export type PlaceableAccount = FilterableAccount & { readonly id: string };

/**
 * A function that places accounts by a model: a manual assignment first, then a lock (the
 * account keeps `current`, its territory now, when the model has that territory), then the
 * first rule in order of precedence; otherwise no territory.
 */
export function accountPlacer(model: TerritoryModel): (account: PlaceableAccount, current: string | null) => Placement {
  const manual = new Map(model.manual.map((m) => [m.accountId, m.territory]));
  const locks = new Set(model.locks);
  const keys = new Set(model.territories.map((t) => t.key));
  const rules = rulesInOrder(model);
  return (account, current) => {
    const byHand = manual.get(account.id);
    if (byHand !== undefined) return { territory: byHand, source: 'manual' };
    if (locks.has(account.id) && current !== null && keys.has(current)) return { territory: current, source: 'lock' };
    for (const r of rules) if (matchesFilter(r.filter, account)) return { territory: r.territory, source: 'rule' };
    return { territory: null, source: 'none' };
  };
}
