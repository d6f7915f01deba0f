import type { FilterableAccount } from './account-filter.js';
import { segmentOf, type CoverageModel } from './coverage-model.js';

export type CoverageAccount = FilterableAccount & { readonly id: string };

export interface SegmentSummary {
  readonly key: string;
  readonly name: string;
  readonly accounts: number;
  readonly potentialMinor: bigint;
  /** Hours a year (hundredths) the segment's accounts need, per covering role. */
  readonly workload: readonly { readonly role: string; readonly hundredths: bigint }[];
}

export interface RoleSummary {
  readonly key: string;
  readonly name: string;
  readonly workloadHundredths: bigint;
  readonly hundredthsPerRep: bigint;
  /** Reps for full coverage: the workload over one rep's hours, rounded up. */
  readonly repsNeeded: bigint;
  readonly headcount: number | null;
  /** With a headcount: the accounts its hours cover, best potential per hour first, and what is left. */
  readonly covered: { readonly accounts: number; readonly potentialMinor: bigint; readonly hundredths: bigint } | null;
  readonly uncovered: { readonly accounts: number; readonly potentialMinor: bigint; readonly largest: readonly { readonly id: string; readonly potentialMinor: bigint }[] } | null;
}

export interface CoverageAnalysis {
  readonly accounts: number;
  readonly potentialMinor: bigint;
  readonly segments: readonly SegmentSummary[];
  readonly roles: readonly RoleSummary[];
}

interface Need { readonly id: string; readonly potential: bigint; readonly hundredths: bigint }

/** How many of the largest uncovered accounts a role lists: the ones a leader asks about first. */
export const UNCOVERED_LISTED = 10;

const byPotential = (a: Need, b: Need): number => (a.potential !== b.potential ? (a.potential > b.potential ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Best potential per hour first (compared exactly, by cross-multiplying), then id. */
function byValuePerHour(a: Need, b: Need): number {
  const left = a.potential * b.hundredths;
  const right = b.potential * a.hundredths;
  if (left !== right) return left > right ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Places every account in its segment and sums, per segment, accounts, potential and the hours
 * each role must give them; per role, the reps full coverage needs and, for a planned headcount,
 * which accounts its hours cover: best potential per hour first, an account that no longer fits
 * skipped for smaller ones after it (first fit), and the largest accounts left uncovered. The
 * same accounts in any order give the same result.
 */
export function analyzeCoverage(model: CoverageModel, accounts: Iterable<CoverageAccount>): CoverageAnalysis {
  const segmentIndex = new Map(model.segments.map((s, i) => [s.key, i]));
  const counts = model.segments.map(() => 0);
  const potentials = model.segments.map(() => 0n);
  const needs = new Map<string, Need[]>(model.roles.map((r) => [r.key, []]));
  let total = 0;
  let totalPotential = 0n;
  for (const account of accounts) {
    const i = segmentIndex.get(segmentOf(model, account)) as number;
    const potential = account.potentialMinor ?? 0n;
    counts[i] = (counts[i] as number) + 1;
    potentials[i] = (potentials[i] as bigint) + potential;
    total += 1;
    totalPotential += potential;
    for (const c of (model.segments[i] as CoverageModel['segments'][number]).coverage) {
      if (c.hundredthsPerAccount > 0n) needs.get(c.role)?.push({ id: account.id, potential, hundredths: c.hundredthsPerAccount });
    }
  }
  const segments = model.segments.map((s, i) => ({
    key: s.key, name: s.name, accounts: counts[i] as number, potentialMinor: potentials[i] as bigint,
    workload: s.coverage.map((c) => ({ role: c.role, hundredths: c.hundredthsPerAccount * BigInt(counts[i] as number) })),
  }));
  const roles = model.roles.map((r): RoleSummary => {
    const list = needs.get(r.key) ?? [];
    const workload = list.reduce((sum, n) => sum + n.hundredths, 0n);
    const repsNeeded = (workload + r.hundredthsPerRep - 1n) / r.hundredthsPerRep;
    if (r.headcount === null) return { key: r.key, name: r.name, workloadHundredths: workload, hundredthsPerRep: r.hundredthsPerRep, repsNeeded, headcount: null, covered: null, uncovered: null };
    const capacity = r.hundredthsPerRep * BigInt(r.headcount);
    let used = 0n;
    const covered = { accounts: 0, potentialMinor: 0n };
    const uncovered = { accounts: 0, potentialMinor: 0n };
    const left: Need[] = [];
    for (const n of list.sort(byValuePerHour)) {
      const fits = used + n.hundredths <= capacity;
      const into = fits ? covered : uncovered;
      if (fits) used += n.hundredths;
      else left.push(n);
      into.accounts += 1;
      into.potentialMinor += n.potential;
    }
    const largest = left.sort(byPotential).slice(0, UNCOVERED_LISTED).map((n) => ({ id: n.id, potentialMinor: n.potential }));
    return { key: r.key, name: r.name, workloadHundredths: workload, hundredthsPerRep: r.hundredthsPerRep, repsNeeded, headcount: r.headcount, covered: { ...covered, hundredths: used }, uncovered: { ...uncovered, largest } };
  });
  return { accounts: total, potentialMinor: totalPotential, segments, roles };
}
