/**
 * The effective-dated reporting hierarchy: a person reports to a manager from `validFrom`
 * (inclusive) to `validTo` (exclusive, null = open). Crediting, forecast roll-ups and
 * permissions all ask "who reports to whom on this date".
 */
export interface ReportingLine {
  readonly personId: string;
  readonly managerId: string;
  readonly validFrom: string;
  readonly validTo: string | null;
}

/** True when the line is in force on `date` (YYYY-MM-DD). */
export function lineInForce(line: ReportingLine, date: string): boolean {
  return line.validFrom <= date && (line.validTo === null || date < line.validTo);
}

/** The manager of `personId` on `date`, if any. */
export function managerOn(lines: readonly ReportingLine[], personId: string, date: string): string | null {
  const line = lines.find((l) => l.personId === personId && lineInForce(l, date));
  return line ? line.managerId : null;
}

/**
 * Everyone who reports to `rootId` on `date`, directly or indirectly, including `rootId`,
 * in breadth-first order. Cycles in bad data cannot loop: each person is visited once.
 */
export function subtreeOn(lines: readonly ReportingLine[], rootId: string, date: string): string[] {
  const children = new Map<string, string[]>();
  for (const line of lines) {
    if (!lineInForce(line, date)) continue;
    const list = children.get(line.managerId) ?? [];
    list.push(line.personId);
    children.set(line.managerId, list);
  }
  const seen = new Set<string>([rootId]);
  const order = [rootId];
  for (let i = 0; i < order.length; i++) {
    for (const child of children.get(order[i] as string) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      order.push(child);
    }
  }
  return order;
}

/** The chain of managers above `personId` on `date`, nearest first. */
export function managersAbove(lines: readonly ReportingLine[], personId: string, date: string): string[] {
  const chain: string[] = [];
  const seen = new Set([personId]);
  let current = managerOn(lines, personId, date);
  while (current !== null && !seen.has(current)) {
    chain.push(current);
    seen.add(current);
    current = managerOn(lines, current, date);
  }
  return chain;
}

/**
 * Would making `managerId` the manager of `personId` from `date` create a cycle?
 */
export function wouldCreateCycle(lines: readonly ReportingLine[], personId: string, managerId: string, date: string): boolean {
  if (personId === managerId) return true;
  return managersAbove(lines, managerId, date).includes(personId);
}
