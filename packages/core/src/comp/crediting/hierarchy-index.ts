import { invalid } from '../../errors.js';
import { lineInForce, type ReportingLine } from '../../hierarchy.js';

/**
 * Core's managersAbove, indexed for crediting: core scans every line per step, which for
 * 100,000 transactions over a large org is quadratic. Lines are grouped by person and chains
 * cached per (date, person). Same answer as core managersAbove on valid lines (no person with
 * two managers on one day; checked by validateReportingLines), which a property test checks;
 * unlike core it refuses a cycle instead of stopping at it, naming the line that closes it.
 */
export class HierarchyIndex {
  private readonly byPerson = new Map<string, { line: ReportingLine; index: number }[]>();
  private readonly chains = new Map<string, Map<string, readonly string[]>>();

  constructor(lines: readonly ReportingLine[]) {
    lines.forEach((line, index) => {
      const list = this.byPerson.get(line.personId) ?? [];
      list.push({ line, index });
      this.byPerson.set(line.personId, list);
    });
  }

  private lineOn(personId: string, date: string): { line: ReportingLine; index: number } | undefined {
    return this.byPerson.get(personId)?.find((entry) => lineInForce(entry.line, date));
  }

  /** The managers above `personId` on `date`, nearest first. */
  managersAbove(personId: string, date: string): readonly string[] {
    let byDate = this.chains.get(date);
    if (byDate === undefined) {
      byDate = new Map();
      this.chains.set(date, byDate);
    }
    const cached = byDate.get(personId);
    if (cached !== undefined) return cached;
    const chain: string[] = [];
    const seen = new Set([personId]);
    let entry = this.lineOn(personId, date);
    while (entry !== undefined) {
      const manager = entry.line.managerId;
      if (seen.has(manager)) {
        const path = [personId, ...chain, manager].join(' -> ');
        throw invalid(`reportingLines[${entry.index}].managerId`, `cycle on ${date}: ${path}`);
      }
      chain.push(manager);
      seen.add(manager);
      entry = this.lineOn(manager, date);
    }
    byDate.set(personId, chain);
    return chain;
  }
}
