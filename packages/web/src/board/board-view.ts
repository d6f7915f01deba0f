import { DEFAULT_PERIOD, isPeriodPreset, type PeriodPreset } from './close-periods.js';

/*
 * What the board shows, kept in the query string so a view can be shared and bookmarked:
 * /board?pipeline=pip_1&owner=per_4&team=tea_2&period=custom&from=2027-01-01&to=2027-03-31.
 * Defaults are left out of the URL, so the plain /board stays plain.
 */

export interface BoardView {
  /** Absent: the org's default pipeline. */
  readonly pipelineId?: string;
  readonly ownerId?: string;
  readonly teamId?: string;
  readonly period: PeriodPreset;
  /** Only with period 'custom'. */
  readonly from?: string;
  readonly to?: string;
}

const KEYS = { pipelineId: 'pipeline', ownerId: 'owner', teamId: 'team', from: 'from', to: 'to' } as const;

/** The view named by a query string (with or without its leading '?'). Unknown values fall back to defaults. */
export function parseBoardView(search: string): BoardView {
  const params = new URLSearchParams(search);
  const period = params.get('period');
  const view: { -readonly [K in keyof BoardView]: BoardView[K] } = { period: isPeriodPreset(period) ? period : DEFAULT_PERIOD };
  for (const [field, key] of Object.entries(KEYS) as [keyof typeof KEYS, string][]) {
    const value = params.get(key)?.trim();
    if (value) view[field] = value;
  }
  if (view.period !== 'custom') {
    delete view.from;
    delete view.to;
  }
  return view;
}

/** The query string of a view, without the '?' (empty for the default view). */
export function boardViewSearch(view: BoardView): string {
  const params = new URLSearchParams();
  if (view.pipelineId) params.set(KEYS.pipelineId, view.pipelineId);
  if (view.ownerId) params.set(KEYS.ownerId, view.ownerId);
  if (view.teamId) params.set(KEYS.teamId, view.teamId);
  if (view.period !== DEFAULT_PERIOD) params.set('period', view.period);
  if (view.period === 'custom') {
    if (view.from) params.set(KEYS.from, view.from);
    if (view.to) params.set(KEYS.to, view.to);
  }
  return params.toString();
}

/** A view with some fields changed; a field set to undefined or '' is removed. */
export function changeBoardView(view: BoardView, change: Partial<Record<keyof BoardView, string | undefined>>): BoardView {
  const merged: Record<string, string | undefined> = { ...view, ...change };
  const kept = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined && value !== ''));
  const period = kept.period ?? null;
  // Round-trips through the URL form so a changed view obeys the same rules as a parsed one.
  return parseBoardView(boardViewSearch({ ...kept, period: isPeriodPreset(period) ? period : DEFAULT_PERIOD }));
}
