import { addDays } from '../calendar.js';

/*
 * CRM adoption and data quality, read from the data rather than from logins
 * (docs/analytics.md#data-quality): each check has one definition, and a deal may fail several.
 * Pure.
 */

/** A deal as the checks read it. `stageRank`: 0 for the first open stage of its pipeline, 1 the next... */
export interface QualityDeal {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string | null;
  readonly accountId: string | null;
  readonly amountMinor: bigint;
  readonly closeDate: string;
  readonly type: string | null;
  readonly nextStep: string | null;
  readonly lostReason: string | null;
  readonly status: 'open' | 'won' | 'lost';
  readonly stageRank: number;
  readonly forecastCategory: string;
  /** When it was closed (YYYY-MM-DD), for closed deals. */
  readonly closedOn: string | null;
  /** How often its close date was moved later. */
  readonly pushes: number;
  /** The last day an activity on it was done; null when none. */
  readonly lastActivityOn: string | null;
  readonly createdOn: string;
}

export const QUALITY_CHECKS = ['missing-fields', 'past-due', 'no-activity', 'pushed', 'lost-without-reason', 'duplicate'] as const;
export type QualityCheck = (typeof QUALITY_CHECKS)[number];

export interface QualitySettings {
  readonly today: string;
  /** An open deal with no activity done in this many days (or since it was created) is stale. */
  readonly staleDays: number;
  /** A deal whose close date was pushed this many times or more is flagged. */
  readonly pushLimit: number;
  /** Lost deals closed since this day are checked for a reason. */
  readonly lostSince: string;
}

/**
 * The fields an open deal must have by its stage: an account, an amount and a close date always;
 * a next step once past the first stage; a type (new business, expansion, renewal) once in commit.
 */
export function missingFields(d: QualityDeal): string[] {
  const missing: string[] = [];
  if (d.accountId === null) missing.push('accountId');
  if (d.amountMinor <= 0n) missing.push('amountMinor');
  if (d.stageRank >= 1 && (d.nextStep ?? '').trim() === '') missing.push('nextStep');
  if (d.forecastCategory === 'commit' && d.type === null) missing.push('type');
  return missing;
}

const normalise = (name: string): string => name.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Open deals of one account with the same name, once letters, case and punctuation are set aside: every one of a group after the first. */
export function duplicateDeals(deals: readonly QualityDeal[]): Set<string> {
  const seen = new Map<string, string>();
  const dupes = new Set<string>();
  for (const d of [...deals].sort((a, b) => (a.createdOn < b.createdOn ? -1 : a.createdOn > b.createdOn ? 1 : a.id < b.id ? -1 : 1))) {
    if (d.status !== 'open' || d.accountId === null) continue;
    const key = `${d.accountId}|${normalise(d.name)}`;
    if (seen.has(key)) dupes.add(d.id);
    else seen.set(key, d.id);
  }
  return dupes;
}

/** The checks a deal fails, with the missing fields. Closed deals are checked only for a lost reason. */
export function qualityIssues(deals: readonly QualityDeal[], s: QualitySettings): Map<string, { checks: QualityCheck[]; missing: string[] }> {
  const dupes = duplicateDeals(deals);
  const staleBefore = addDays(s.today, -s.staleDays);
  const out = new Map<string, { checks: QualityCheck[]; missing: string[] }>();
  for (const d of deals) {
    const checks: QualityCheck[] = [];
    let missing: string[] = [];
    if (d.status === 'open') {
      missing = missingFields(d);
      if (missing.length > 0) checks.push('missing-fields');
      if (d.closeDate < s.today) checks.push('past-due');
      if ((d.lastActivityOn ?? d.createdOn) < staleBefore) checks.push('no-activity');
      if (d.pushes >= s.pushLimit) checks.push('pushed');
      if (dupes.has(d.id)) checks.push('duplicate');
    } else if (d.status === 'lost' && d.closedOn !== null && d.closedOn >= s.lostSince && (d.lostReason ?? '').trim() === '') {
      checks.push('lost-without-reason');
    }
    if (checks.length > 0) out.set(d.id, { checks, missing });
  }
  return out;
}

export interface QualityTally {
  readonly openDeals: number;
  /** Open deals failing no check. */
  readonly clean: number;
  readonly counts: Readonly<Record<QualityCheck, number>>;
  /** The sum of the pushes of the open deals. */
  readonly pushes: number;
}

/** The tally of a set of deals (a rep's, a team's). */
export function tallyQuality(deals: readonly QualityDeal[], issues: ReadonlyMap<string, { checks: readonly QualityCheck[] }>): QualityTally {
  const counts = Object.fromEntries(QUALITY_CHECKS.map((c) => [c, 0])) as Record<QualityCheck, number>;
  let open = 0, clean = 0, pushes = 0;
  for (const d of deals) {
    const found = issues.get(d.id);
    for (const c of found?.checks ?? []) counts[c] += 1;
    if (d.status !== 'open') continue;
    open += 1;
    pushes += d.pushes;
    if (!found) clean += 1;
  }
  return { openDeals: open, clean, counts, pushes };
}
