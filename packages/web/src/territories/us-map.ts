import { geoAlbersUsa, geoBounds, geoContains, geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import type Atlas from 'us-atlas/counties-10m.json';

/*
 * The US counties as SVG paths: us-atlas's shapes (Census Bureau, ISC) in the Albers USA
 * projection (Alaska and Hawaii as insets), fitted to a fixed viewBox the map scales with CSS.
 * Built once, on first use, and shared by every map on the page. Nothing comes from the
 * internet: the TopoJSON (840 kB) is bundled as a chunk of its own, loaded by the screens that
 * draw a map (the list of models does without it).
 */

export const MAP_SIZE = { width: 975, height: 610 } as const;

export interface CountyShape {
  /** Five-digit FIPS code. */
  readonly fips: string;
  /** "Los Angeles, California". */
  readonly label: string;
  readonly d: string;
  /** Where the tooltip points, in viewBox units. */
  readonly centre: readonly [number, number];
}

export interface UsMap {
  readonly counties: readonly CountyShape[];
  readonly byFips: ReadonlyMap<string, CountyShape>;
  readonly states: string;
  readonly nation: string;
  /** A point in viewBox units; null outside the projection (Puerto Rico, abroad). */
  project(longitude: number, latitude: number): readonly [number, number] | null;
  /** The county a point lies in, if any. */
  countyAt(longitude: number, latitude: number): string | null;
  /** The borders between counties of different territories, as one path. */
  territoryBorders(territoryOf: (fips: string) => string | undefined): string;
}

type CountyObject = GeometryCollection<{ name: string }>;
type CountyFeature = Feature<Geometry, { name: string }>;

let cached: UsMap | undefined;
let pending: Promise<UsMap> | undefined;

/** The map, once built. */
export function builtUsMap(): UsMap | undefined {
  return cached;
}

/** Loads the atlas chunk (once) and builds the map. */
export function loadUsMap(): Promise<UsMap> {
  pending ??= import('us-atlas/counties-10m.json').then((m) => (cached = build(m.default))).catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}

function build(topology: typeof Atlas): UsMap {
  const countiesObject = topology.objects.counties as CountyObject;
  const nationShape = feature(topology, topology.objects.nation);
  const projection = geoAlbersUsa().fitSize([MAP_SIZE.width, MAP_SIZE.height], nationShape);
  const path = geoPath(projection);
  const stateNames = new Map(topology.objects.states.geometries.map((g) => [String(g.id), (g.properties as { name?: string } | undefined)?.name ?? '']));
  const features = feature(topology, countiesObject).features as CountyFeature[];
  const counties: CountyShape[] = [];
  for (const f of features) {
    const d = path(f);
    if (!d) continue;
    const fips = String(f.id);
    const [x, y] = path.centroid(f);
    const state = stateNames.get(fips.slice(0, 2));
    counties.push({ fips, label: state ? `${f.properties.name}, ${state}` : f.properties.name, d, centre: [x, y] });
  }
  const locate = locator(features);
  return {
    counties,
    byFips: new Map(counties.map((c) => [c.fips, c])),
    states: path(mesh(topology, topology.objects.states, (a, b) => a !== b)) ?? '',
    nation: path(mesh(topology, topology.objects.nation)) ?? '',
    project: (longitude, latitude) => projection([longitude, latitude]) ?? null,
    countyAt: locate,
    territoryBorders: (territoryOf) => path(mesh(topology, countiesObject, (a, b) => a !== b && territoryOf(String(a.id)) !== territoryOf(String(b.id)))) ?? '',
  };
}

/** Point in polygon over a 1-degree grid of the counties' bounding boxes, so each point tests a handful of shapes. */
function locator(features: readonly CountyFeature[]): (longitude: number, latitude: number) => string | null {
  const grid = new Map<string, CountyFeature[]>();
  for (const f of features) {
    const [[west, south], [east, north]] = geoBounds(f);
    // A shape across the antimeridian (the Aleutians) spans the whole width.
    const [from, to] = west <= east ? [west, east] : [-180, 180];
    for (let x = Math.floor(from); x <= Math.floor(to); x++) {
      for (let y = Math.floor(south); y <= Math.floor(north); y++) {
        const key = `${x},${y}`;
        const cell = grid.get(key);
        if (cell) cell.push(f);
        else grid.set(key, [f]);
      }
    }
  }
  return (longitude, latitude) => {
    const cell = grid.get(`${Math.floor(longitude)},${Math.floor(latitude)}`) ?? [];
    const found = cell.find((f) => geoContains(f, [longitude, latitude]));
    return found ? String(found.id) : null;
  };
}
