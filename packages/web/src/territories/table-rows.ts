import type { TerritoryDiffWire, TerritoryMapWire, TerritoryModelSummary } from '@attain/contract';
import { matchesText, sortRows, type Sort, type SortValue } from '../pay/table-sort.js';
import type { Definition } from './county-rules.js';
import type { Load } from './draft-figures.js';

/*
 * The rows of the territories screens' tables, their sorts and the text filter (sorting and
 * folding shared with the pay tables). Money sorts as bigint, never as a float.
 */

export type ModelSortKey = 'name' | 'status' | 'territories' | 'effectiveFrom' | 'updatedAt';

/** Planning models first, then the active one, then the archived: the order work happens in. */
const STATUS_ORDER = { planning: 0, active: 1, archived: 2 } as const;

export function sortModels(models: readonly TerritoryModelSummary[], sort: Sort<ModelSortKey>): TerritoryModelSummary[] {
  return sortRows(models, sort, (m, key): SortValue => {
    switch (key) {
      case 'name': return m.name;
      case 'status': return STATUS_ORDER[m.status];
      case 'territories': return m.territories;
      case 'effectiveFrom': return m.effectiveFrom;
      case 'updatedAt': return m.updatedAt;
    }
  }, (a, b) => a.name.localeCompare(b.name));
}

export interface TerritoryRow {
  readonly key: string;
  readonly name: string;
  readonly parentName: string | null;
  readonly level: string;
  /** The owner's name, a placeholder's name, or null when the seat is not filled at all. */
  readonly owner: string | null;
  readonly vacant: boolean;
  readonly accounts: number;
  readonly potentialMinor: bigint;
  /** Pipeline and book are of the saved model (the draft's moves change only accounts and potential here). */
  readonly pipelineMinor: bigint;
  readonly bookMinor: bigint;
}

export type TerritorySortKey = 'key' | 'name' | 'parent' | 'level' | 'owner' | 'accounts' | 'potential' | 'pipeline' | 'book';

/** The draft's territories in the model's order, with the map's owners and figures and the draft's loads. */
export function territoryRows(definition: Definition, map: TerritoryMapWire, loads: ReadonlyMap<string, Load>): TerritoryRow[] {
  const names = new Map(definition.territories.map((t) => [t.key, t.name]));
  const figures = new Map(map.territories.map((t) => [t.key, t]));
  return definition.territories.map((t) => {
    const wire = figures.get(t.key);
    const load = loads.get(t.key);
    return {
      key: t.key, name: t.name, parentName: t.parent === null ? null : (names.get(t.parent) ?? t.parent), level: t.level,
      owner: wire?.owner?.name ?? null, vacant: !wire?.owner || wire.owner.personId === null,
      accounts: load?.accounts ?? wire?.accounts ?? 0,
      potentialMinor: load?.potentialMinor ?? BigInt(wire?.potentialMinor ?? '0'),
      pipelineMinor: BigInt(wire?.pipelineMinor ?? '0'), bookMinor: BigInt(wire?.bookMinor ?? '0'),
    };
  });
}

export function filterTerritories(rows: readonly TerritoryRow[], text: string): TerritoryRow[] {
  return rows.filter((r) => [r.key, r.name, r.parentName ?? '', r.level, r.owner ?? ''].some((v) => matchesText(v, text)));
}

export function sortTerritories(rows: readonly TerritoryRow[], sort: Sort<TerritorySortKey>): TerritoryRow[] {
  return sortRows(rows, sort, (r, key): SortValue => {
    switch (key) {
      case 'key': return r.key;
      case 'name': return r.name;
      case 'parent': return r.parentName;
      case 'level': return r.level;
      case 'owner': return r.owner;
      case 'accounts': return r.accounts;
      case 'potential': return r.potentialMinor;
      case 'pipeline': return r.pipelineMinor;
      case 'book': return r.bookMinor;
    }
  });
}

export type Rep = TerritoryDiffWire['reps'][number];
export type RepSortKey = 'name' | 'accounts' | 'gained' | 'lost' | 'potential' | 'pipeline' | 'quota' | 'quotaImpact';

const money = (m: string | null): bigint | null => (m === null ? null : BigInt(m));

/** The reps of a dry run; "after" figures sort their columns (what the activation leaves each rep with). */
export function sortReps(reps: readonly Rep[], sort: Sort<RepSortKey>): Rep[] {
  return sortRows(reps, sort, (r, key): SortValue => {
    switch (key) {
      case 'name': return r.name;
      case 'accounts': return r.after.accounts;
      case 'gained': return r.gained;
      case 'lost': return r.lost;
      case 'potential': return BigInt(r.after.potentialMinor);
      case 'pipeline': return BigInt(r.after.pipelineMinor);
      case 'quota': return money(r.quotaMinor);
      case 'quotaImpact': return money(r.quotaImpactMinor);
    }
  }, (a, b) => a.name.localeCompare(b.name));
}
