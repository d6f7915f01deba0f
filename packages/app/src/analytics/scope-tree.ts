import { DomainError, readScope, type Actor, type Person } from '@attain/core';
import type { Db, Tx } from '@attain/store';
import { requirePersonInReach } from '../insights/owner-scope.js';
import { loadOrgChart, membersOn } from '../forecast/forecast-rollup.js';

/**
 * Whose figures an analytics answer is of, and the level below to drill into, in today's
 * hierarchy: the person asked for (in the caller's reach: 403 outside it, 404 when not of the
 * organisation), else the caller; for org-wide roles the organisation's top, standing for the
 * whole organisation (leavers' records included: `wholeOrg`).
 */
export interface ScopeTree {
  readonly rootId: string | null;
  readonly wholeOrg: boolean;
  readonly childIds: readonly string[];
  /** Everyone in the sales org today. */
  readonly members: readonly string[];
  readonly person: (id: string) => Person | undefined;
  readonly hasReports: (id: string) => boolean;
  /** The person and everyone below her. */
  readonly subtree: (id: string) => Set<string>;
}

export async function scopeTree(db: Db | Tx, actor: Actor, today: string, personId: string | undefined): Promise<ScopeTree> {
  if (personId !== undefined) await requirePersonInReach(db, actor, personId, 'figures');
  const chart = await loadOrgChart(db, actor.orgId);
  const managerOf = membersOn(chart, today);
  const reports = new Map<string, string[]>();
  for (const [p, m] of managerOf) if (m !== null && managerOf.has(m)) reports.set(m, [...(reports.get(m) ?? []), p]);
  const subtree = (id: string): Set<string> => {
    const out = new Set([id]);
    for (const p of out) for (const r of reports.get(p) ?? []) out.add(r);
    return out;
  };
  const orgWide = readScope(actor).kind === 'all';
  const tops = [...managerOf].filter(([, m]) => m === null || !managerOf.has(m)).map(([p]) => p);
  const rootId = personId ?? (orgWide ? (tops.length === 1 ? (tops[0] as string) : null) : actor.personId);
  if (rootId === null && !orgWide) throw new DomainError('forbidden', 'This login is not linked to a person of the sales org.');
  return {
    rootId, wholeOrg: rootId === null || (personId === undefined && orgWide),
    childIds: rootId === null ? tops : (reports.get(rootId) ?? []),
    members: [...managerOf.keys()],
    person: (id) => chart.people.get(id),
    hasReports: (id) => reports.has(id),
    subtree,
  };
}
