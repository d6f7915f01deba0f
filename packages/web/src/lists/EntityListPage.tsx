import { useEffect, useMemo, useRef, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useLocation, useSearch } from 'wouter';
import { api, withQuery } from '../api/client.js';
import type { AnyRecord, Labels, Page } from '../api/types.js';
import { ENTITIES, fieldOf, type EntityKey, type FieldMeta } from '../entities/entity-meta.js';
import { FieldValue, isNumeric } from '../records/FieldValue.js';
import { useSession } from '../session/SessionProvider.js';
import { formatCount } from '../ui/format.js';
import { useDebounced } from '../ui/use-debounced.js';
import { ColumnChooser } from './ColumnChooser.js';
import { FilterBar } from './FilterBar.js';
import { apiQueryOf, nextSort, parseListState, serializeListState, sortDirectionOf, type ListState } from './list-state.js';
import { SavedViewsMenu, type SavedView } from './SavedViewsMenu.js';

const PAGE_SIZE = 50;

/**
 * Column widths are set by kind, not by content, so the table does not reflow (and shift
 * the page) when the rows arrive; long text is cut with an ellipsis and shown in full on
 * the record's page.
 */
function columnWidth(field: FieldMeta): string {
  switch (field.kind.type) {
    case 'money': case 'date': return '8.5rem';
    case 'bps': case 'int': case 'bool': case 'currency': return '6.5rem';
    case 'instant': return '10.5rem';
    case 'enum': return '8.5rem';
    case 'ref': return '10rem';
    default: return field.kind.type === 'text' && field.kind.long ? '18rem' : '10rem';
  }
}

function SortButton({ label, direction, onClick }: { label: string; direction: 'ascending' | 'descending' | 'none'; onClick: () => void }) {
  return (
    <button type="button" onClick={onClick}>
      {label} <span aria-hidden="true">{direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : ''}</span>
    </button>
  );
}

/**
 * The list of one CRM entity: search, filters, sort, column choice, saved views and CSV
 * export of exactly what is shown. Pages are fetched by cursor as the user scrolls to the
 * end, so a list of a million rows opens as fast as one of fifty.
 */
export function EntityListPage({ entity }: { entity: EntityKey }) {
  const meta = ENTITIES[entity];
  const { me, can } = useSession();
  const [, navigate] = useLocation();
  const search = useSearch();
  const state = useMemo(() => parseListState(meta, search), [meta, search]);
  const [text, setText] = useState(state.q);
  const q = useDebounced(text.trim(), 250);
  // Each filter or sort is a step Back can undo; the search box replaces its own step as it types.
  const setState = (next: Partial<ListState>, replace = false) => {
    const query = serializeListState(meta, { ...state, ...next });
    navigate(query ? `/${entity}?${query}` : `/${entity}`, { replace });
  };

  // The search box writes to the address once typing settles…
  useEffect(() => {
    if (q !== state.q) setState({ q }, true);
    // Only when the settled text changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);
  // …and follows it when the address changes otherwise (Back, a saved view, a link).
  useEffect(() => {
    setText((current) => (current.trim() === state.q ? current : state.q));
  }, [state.q]);

  const apiQuery = apiQueryOf(state);
  const list = useInfiniteQuery({
    queryKey: ['list', entity, apiQuery],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<Page<AnyRecord>>(`/${entity}`, { query: { ...apiQuery, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const labels: Labels = Object.assign({}, ...(list.data?.pages.map((p) => p.labels) ?? []));
  const columns = state.columns.map((name) => fieldOf(meta, name)).filter((f) => f !== undefined);

  // Load the next page when the end of the table scrolls into view.
  const end = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    const sentinel = end.current;
    if (!sentinel || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    }, { rootMargin: '400px' });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const openView = (view: SavedView) => {
    const d = view.definition;
    const query = serializeListState(meta, { q: d.q ?? '', sort: d.sort ?? meta.defaultSort, filters: d.filters ?? {}, columns: d.columns ?? meta.defaultColumns });
    navigate(query ? `/${entity}?${query}` : `/${entity}`);
  };

  return (
    <section aria-labelledby="list-title">
      <div className="page-header">
        <h1 id="list-title">{meta.plural}</h1>
        <div className="actions">
          <SavedViewsMenu entity={entity} state={state} onOpen={openView} />
          <ColumnChooser meta={meta} columns={state.columns} onChange={(cols) => setState({ columns: cols })} />
          {can('export:run') && (
            <a className="button" href={`/api/v1${withQuery(`/exports/${entity}`, apiQuery)}`} download>Export CSV</a>
          )}
          {can(`${meta.resource}:create`) && entity !== 'people' && <Link className="button primary" href={`/${entity}/new`}>New {meta.singular.toLowerCase()}</Link>}
        </div>
      </div>
      <div className="list-tools">
        <span className="field compact search">
          <label htmlFor="list-search">Search {meta.plural.toLowerCase()}</label>
          <input id="list-search" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Name, e-mail, company…" />
        </span>
        <FilterBar meta={meta} filters={state.filters} labels={labels} onChange={(filters) => setState({ filters })} />
      </div>
      {list.isError ? (
        <p role="alert" className="error">{(list.error as Error).message}</p>
      ) : (
        <div className="table-wrap list-table">
          <table className="data fixed" aria-busy={list.isLoading} aria-describedby="list-status">
            <thead>
              <tr>
                <th scope="col" style={{ width: '14rem' }} aria-sort={sortDirectionOf(state.sort, meta.titleColumn.sort)}>
                  <SortButton label={meta.titleColumn.label} direction={sortDirectionOf(state.sort, meta.titleColumn.sort)}
                    onClick={() => setState({ sort: nextSort(state.sort, meta.titleColumn.sort) })} />
                </th>
                {columns.map((field) => {
                  const sortable = meta.sortable.includes(field.name);
                  const direction = sortDirectionOf(state.sort, field.name);
                  return (
                    <th key={field.name} scope="col" className={isNumeric(field) ? 'num' : undefined} aria-sort={sortable ? direction : undefined}
                      style={{ width: columnWidth(field) }}>
                      {sortable ? <SortButton label={field.label} direction={direction} onClick={() => setState({ sort: nextSort(state.sort, field.name) })} /> : field.label}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {list.isLoading && Array.from({ length: 8 }, (_, i) => (
                <tr key={i} aria-hidden="true">{[{ name: '' }, ...columns].map((f) => <td key={f.name}><div className="skeleton" style={{ height: '1rem' }} /></td>)}</tr>
              ))}
              {rows.map((row) => (
                <tr key={row.id}>
                  <td><Link href={`/${entity}/${row.id}`}>{meta.title(row) || '(no name)'}</Link></td>
                  {columns.map((field) => (
                    <td key={field.name} className={isNumeric(field) ? 'num' : undefined}>
                      <FieldValue field={field} record={row} labels={labels} orgCurrency={me.org.defaultCurrency} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {!list.isLoading && rows.length === 0 && <p className="empty-state">No {meta.plural.toLowerCase()} match.</p>}
          <div ref={end} />
        </div>
      )}
      <p id="list-status" className="muted small" role="status">
        {list.isLoading ? 'Loading…' : `${formatCount(rows.length)} ${rows.length === 1 ? meta.singular.toLowerCase() : meta.plural.toLowerCase()} shown${hasNextPage ? ', more below' : ''}`}
        {hasNextPage && (
          <> · <button type="button" className="link" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>{isFetchingNextPage ? 'Loading…' : 'Load more'}</button></>
        )}
      </p>
    </section>
  );
}
