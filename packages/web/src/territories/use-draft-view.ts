import { useMemo } from 'react';
import type { LoadBalance } from '@attain/core';
import type { TerritoryMapWire } from '@attain/contract';
import type { BalanceItem } from './balance-chart.js';
import { leafKeys, type Definition } from './county-rules.js';
import { balanceOf, draftPlacement, loadValue, type DraftPlacement, type Measure } from './draft-figures.js';
import { territoryColours } from './palette.js';
import { territoryRows, type TerritoryRow } from './table-rows.js';
import type { MapPoint } from './TerritoryMap.js';
import type { UsMap } from './us-map.js';

export interface DraftView {
  readonly placement: DraftPlacement;
  readonly colours: ReadonlyMap<string, string>;
  readonly names: ReadonlyMap<string, string>;
  readonly leaves: readonly { readonly key: string; readonly name: string }[];
  readonly figures: ReadonlyMap<string, { readonly accounts: number; readonly potentialMinor: string }>;
  readonly points: readonly MapPoint[];
  readonly bars: readonly (BalanceItem & { readonly colour: string })[];
  readonly balance: LoadBalance;
  readonly rows: readonly TerritoryRow[];
}

/**
 * Everything the map, the chart and the table draw for a definition (the draft, or a saved one
 * when `draft` is `saved`), from the saved map figures. Accounts are put in their counties once
 * the county shapes are there; until then a move of a county does not yet move its hand-placed accounts' dots.
 */
export function useDraftView(map: TerritoryMapWire | undefined, saved: Definition, draft: Definition, geo: UsMap | undefined, measure: Measure): DraftView | undefined {
  const located = useMemo(() => {
    if (!map) return undefined;
    const counties = new Map<string, string | null>();
    const points: { id: string; x: number; y: number }[] = [];
    for (const a of map.accounts) {
      if (!geo) continue;
      counties.set(a.id, geo.countyAt(a.longitude, a.latitude));
      const p = geo.project(a.longitude, a.latitude);
      if (p) points.push({ id: a.id, x: p[0], y: p[1] });
    }
    return { counties, points };
  }, [map, geo]);
  const placement = useMemo(
    () => (map && located ? draftPlacement({ map, saved, draft, accountCounty: (id) => located.counties.get(id) ?? null }) : undefined),
    [map, located, saved, draft],
  );
  const territories = draft.territories;
  const colours = useMemo(() => territoryColours(territories.map((t) => t.key)), [territories]);
  const names = useMemo(() => new Map(territories.map((t) => [t.key, t.name])), [territories]);
  const leaves = useMemo(() => {
    const keys = new Set(leafKeys(draft));
    return territories.filter((t) => keys.has(t.key)).map((t) => ({ key: t.key, name: t.name }));
  }, [draft, territories]);
  const figures = useMemo(() => new Map((map?.counties ?? []).map((c) => [c.fips, c])), [map]);
  return useMemo(() => {
    if (!map || !located || !placement) return undefined;
    const points = located.points.map((p) => ({ ...p, territory: placement.accounts.get(p.id) ?? null }));
    const bars = leaves.map((t) => ({ key: t.key, name: t.name, value: loadValue(placement.loads.get(t.key), measure), colour: colours.get(t.key) ?? 'currentColor' }));
    const balance = balanceOf(placement.loads, leaves.map((t) => t.key), measure);
    return { placement, colours, names, leaves, figures, points, bars, balance, rows: territoryRows(draft, map, placement.loads) };
  }, [map, located, placement, leaves, measure, colours, names, figures, draft]);
}
