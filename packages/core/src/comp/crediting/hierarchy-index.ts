import { invalid } from '../../errors.js';
import { lineInForce, type ReportingLine } from '../../hierarchy.js';

/**
 * Core's managersAbove, indexed for crediting: core scans every line per step, which for
 * 100,000 transactions over a large org is quadratic. Lines are grouped by person, and each
 * person's chain is kept with the days it holds: from the last day before (or on) the date on
 * which a line of someone in the chain starts or ends, to the next such day. Within those days
 * every lookup of the chain gives the same line, so the same chain. A run reading one owner's
 * deals after another asks for one person on many dates; a cache per (date, person) grew to a
 * million entries and gave nothing back. Same answer as core managersAbove on valid lines (no
 * person with two managers on one day; checked by validateReportingLines), which a property test
 * checks; unlike core it refuses a cycle instead of stopping at it, naming the line that closes it.
 */
export class HierarchyIndex {
  private readonly byPerson = new Map<string, { line: ReportingLine; index: number }[]>();
  private readonly chains = new Map<string, { readonly from: string; readonly to: string | null; readonly chain: readonly string[] }>();

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
    const cached = this.chains.get(personId);
    if (cached !== undefined && cached.from <= date && (cached.to === null || date < cached.to)) return cached.chain;
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
    // The days around `date` on which no line of anyone in the chain starts or ends (validTo is exclusive).
    let from = '';
    let to = null as string | null;
    for (const person of [personId, ...chain]) {
      for (const { line } of this.byPerson.get(person) ?? []) {
        for (const day of line.validTo === null ? [line.validFrom] : [line.validFrom, line.validTo]) {
          if (day <= date) from = day > from ? day : from;
          else to = to === null || day < to ? day : to;
        }
      }
    }
    this.chains.set(personId, { from, to, chain });
    return chain;
  }
}
