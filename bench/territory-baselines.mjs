/*
 * The baselines every territory plan is compared with, on the same units: plain weighted k-means
 * (Lloyd's algorithm) and balanced k-means (an equal number of units per centre, nearest pairs
 * first), both from k-means++ seeds of a seeded generator, and the line each plan is printed as.
 */

const d2 = (a, b) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

/** k-means++ seeds as points (mulberry32). */
export function kmeansSeeds(graph, p, seed) {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const centres = [graph.points[Math.floor(random() * graph.points.length)]];
  const nearest = graph.points.map((q) => d2(q, centres[0]));
  while (centres.length < p) {
    const scores = nearest.map((d, i) => d * Math.max(1, graph.weights[i]));
    let pick = random() * scores.reduce((s, x) => s + x, 0);
    const chosen = graph.points[Math.max(0, scores.findIndex((s) => (pick -= s) <= 0))];
    centres.push(chosen);
    graph.points.forEach((q, i) => { nearest[i] = Math.min(nearest[i], d2(q, chosen)); });
  }
  return centres;
}

function recentre(graph, p, assignment) {
  const sums = Array.from({ length: p }, () => [0, 0, 0]);
  assignment.forEach((k, i) => {
    const w = Math.max(1, graph.weights[i]);
    sums[k][0] += w * graph.points[i][0];
    sums[k][1] += w * graph.points[i][1];
    sums[k][2] += w;
  });
  return sums.map(([x, y, w]) => [x / w, y / w]);
}

export function kmeans(graph, p, seed, rounds = 50) {
  let centres = kmeansSeeds(graph, p, seed);
  let assignment = [];
  for (let round = 0; round < rounds; round++) {
    assignment = graph.points.map((q) => centres.reduce((best, c, k) => (d2(q, c) < d2(q, centres[best]) ? k : best), 0));
    centres = recentre(graph, p, assignment);
  }
  return assignment;
}

export function balancedKmeans(graph, p, seed, rounds = 20) {
  let centres = kmeansSeeds(graph, p, seed);
  const capacity = Math.ceil(graph.points.length / p);
  let assignment = [];
  for (let round = 0; round < rounds; round++) {
    const pairs = [];
    graph.points.forEach((q, i) => centres.forEach((c, k) => pairs.push([d2(q, c), i, k])));
    pairs.sort((x, y) => x[0] - y[0]);
    assignment = graph.points.map(() => -1);
    const count = centres.map(() => 0);
    for (const [, i, k] of pairs) if (assignment[i] === -1 && count[k] < capacity) [assignment[i], count[k]] = [k, count[k] + 1];
    centres = recentre(graph, p, assignment);
  }
  return assignment;
}

const pct = (x) => `${(100 * x).toFixed(2)}%`;

/** One plan on one line: method, seed, time and core planMetrics' figures. */
export function row(name, seed, ms, m, extra = '') {
  console.log(`${name.padEnd(26)} seed ${String(seed).padEnd(3)} ${String(ms).padStart(6)} ms  max dev ${pct(m.maxDeviation).padStart(8)}  CV ${m.cv.toFixed(3)}  Gini ${m.gini.toFixed(3)}  max/min ${m.maxOverMin.toFixed(2)}  compactness ${m.compactness.toFixed(3)}  disconnected ${m.disconnected}${extra}`);
}
export { pct };
