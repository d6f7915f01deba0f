import { columnFields, type EntityMeta } from '../entities/entity-meta.js';

/*
 * The state of a list screen lives in the address (so it survives a reload, can be shared
 * and bookmarked, and saved as a view): q, sort, cols, and one parameter per filter, named
 * as the API names them (`ownerId=…`, `closeDate.gte=…`).
 */

export interface ListState {
  readonly q: string;
  readonly sort: string;
  readonly columns: readonly string[];
  readonly filters: Readonly<Record<string, string>>;
}

const RESERVED = new Set(['q', 'sort', 'cols']);

export function parseListState(meta: EntityMeta, search: string): ListState {
  const params = new URLSearchParams(search);
  const known = new Set(columnFields(meta).map((f) => f.name));
  const filters: Record<string, string> = {};
  for (const [key, value] of params) {
    // Only the list's own filters: anything else in the address (a tracking tag) is left alone.
    const [field = '', op] = key.split('.');
    if (RESERVED.has(key) || value === '' || !meta.filterable.includes(field) || (op !== undefined && op !== 'gte' && op !== 'lte')) continue;
    filters[key] = value;
  }
  const cols = params.get('cols');
  const columns = cols ? cols.split(',').filter((c) => known.has(c)) : [];
  return {
    q: params.get('q') ?? '',
    sort: params.get('sort') ?? meta.defaultSort,
    columns: columns.length > 0 ? columns : meta.defaultColumns,
    filters,
  };
}

/** The address query of a state, leaving out what equals the entity's defaults. */
export function serializeListState(meta: EntityMeta, state: ListState, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.sort && state.sort !== meta.defaultSort) params.set('sort', state.sort);
  if (state.columns.join(',') !== meta.defaultColumns.join(',')) params.set('cols', state.columns.join(','));
  for (const [key, value] of Object.entries(state.filters)) if (value !== '') params.set(key, value);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/** The API list query of a state (the same parameters, plus paging). */
export function apiQueryOf(state: ListState): Record<string, string> {
  return { ...state.filters, ...(state.q ? { q: state.q } : {}), sort: state.sort };
}

/** Clicking a sortable header: ascending first, then descending. */
export function nextSort(current: string, field: string): string {
  return current === field ? `-${field}` : field;
}

export function sortDirectionOf(current: string, field: string): 'ascending' | 'descending' | 'none' {
  if (current === field) return 'ascending';
  if (current === `-${field}`) return 'descending';
  return 'none';
}
