/** The roll-up's rows (a manager before her team, by depth) without the teams of the collapsed managers. */
export function visibleRows<R extends { personId: string; depth: number }>(rows: readonly R[], collapsed: ReadonlySet<string>): R[] {
  const out: R[] = [];
  let hideBelow: number | null = null;
  for (const row of rows) {
    if (hideBelow !== null && row.depth > hideBelow) continue;
    hideBelow = collapsed.has(row.personId) ? row.depth : null;
    out.push(row);
  }
  return out;
}
