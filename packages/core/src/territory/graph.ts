/** The units reachable from `start` over `adjacency`, stepping only onto units `within` accepts (`start` always counts). */
export function reachable(adjacency: readonly Iterable<number>[], start: number, within: (unit: number) => boolean = () => true): Set<number> {
  const seen = new Set([start]);
  const stack = [start];
  while (stack.length > 0) {
    for (const j of adjacency[stack.pop() as number] ?? []) {
      if (seen.has(j) || !within(j)) continue;
      seen.add(j);
      stack.push(j);
    }
  }
  return seen;
}

/**
 * Whether territory `t` (of `size` units) stays connected without unit `u`. A unit with at most
 * one neighbour in its territory cannot cut it, so most border units need no search.
 */
export function connectedWithout(adjacency: readonly Iterable<number>[], assignment: readonly number[], t: number, u: number, size: number): boolean {
  let start = -1;
  let neighbours = 0;
  for (const j of adjacency[u] ?? []) {
    if (assignment[j] !== t) continue;
    neighbours += 1;
    if (start < 0) start = j;
  }
  if (neighbours === 0) return size === 1;
  if (neighbours === 1) return true;
  return reachable(adjacency, start, (j) => j !== u && assignment[j] === t).size === size - 1;
}
