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
