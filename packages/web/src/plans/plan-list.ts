import type { PlanListItem } from '@attain/contract';

export type PlanSortKey = 'name' | 'version' | 'status' | 'effectiveFrom' | 'effectiveTo';
export interface PlanSort {
  readonly key: PlanSortKey;
  readonly descending: boolean;
}

const valueOf = (p: PlanListItem, key: PlanSortKey): string | number => {
  switch (key) {
    case 'name': return p.name.toLocaleLowerCase();
    case 'version': return p.latest.version;
    case 'status': return p.latest.status;
    case 'effectiveFrom': return p.latest.effectiveFrom;
    // An open-ended plan runs past every dated one.
    case 'effectiveTo': return p.latest.effectiveTo ?? '9999-12-31';
  }
};

/** The plans in the chosen order; ties by name then key, so the order is stable. */
export function sortPlans(plans: readonly PlanListItem[], sort: PlanSort): PlanListItem[] {
  const dir = sort.descending ? -1 : 1;
  return [...plans].sort((a, b) => {
    const va = valueOf(a, sort.key);
    const vb = valueOf(b, sort.key);
    if (va !== vb) return (va < vb ? -1 : 1) * dir;
    return a.name.localeCompare(b.name) || a.key.localeCompare(b.key);
  });
}

/** Clicking a column: the same column flips its direction, another starts ascending. */
export const nextSort = (current: PlanSort, key: PlanSortKey): PlanSort => (current.key === key ? { key, descending: !current.descending } : { key, descending: false });
