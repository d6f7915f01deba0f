import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client.js';
import type { EntityKey } from '../entities/entity-meta.js';
import { useDismiss } from '../ui/use-dismiss.js';
import type { ListState } from './list-state.js';

export interface SavedView {
  readonly id: string;
  readonly entity: EntityKey;
  readonly name: string;
  readonly definition: { q?: string; sort?: string; filters?: Record<string, string>; columns?: string[] };
}

/** The user's own saved views of this list: open one, save the current state under a name, delete one. */
export function SavedViewsMenu({ entity, state, onOpen }: { entity: EntityKey; state: ListState; onOpen: (view: SavedView) => void }) {
  const queryClient = useQueryClient();
  const menu = useDismiss();
  const key = ['views', entity];
  const views = useQuery({ queryKey: key, queryFn: () => api<{ items: SavedView[] }>('/views', { query: { entity } }).then((r) => r.items) });
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const save = useMutation({
    mutationFn: () => api<SavedView>('/views', {
      method: 'POST',
      body: { entity, name: name.trim(), definition: { q: state.q, sort: state.sort, filters: state.filters, columns: [...state.columns] } },
    }),
    onSuccess: () => { setName(''); setError(null); void refresh(); },
    onError: (e) => setError(e instanceof ApiError ? (e.issueOf('name') ?? e.message) : 'Could not save the view.'),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/views/${id}`, { method: 'DELETE' }),
    onSuccess: () => void refresh(),
    onError: (e) => setError(e instanceof ApiError ? e.message : 'Could not delete the view.'),
  });

  return (
    <details className="menu" ref={menu}>
      <summary className="button">Views{views.data && views.data.length > 0 ? ` (${views.data.length})` : ''}</summary>
      <div className="menu-body">
        {views.data?.length === 0 && <p className="muted small">No saved views yet.</p>}
        <ul className="plain">
          {views.data?.map((view) => (
            <li key={view.id} className="row-between">
              <button type="button" className="link" onClick={() => { if (menu.current) menu.current.open = false; onOpen(view); }}>{view.name}</button>
              <button type="button" className="ghost small" aria-label={`Delete view ${view.name}`} onClick={() => window.confirm(`Delete the view “${view.name}”?`) && remove.mutate(view.id)}>Delete</button>
            </li>
          ))}
        </ul>
        <form className="field" onSubmit={(e) => { e.preventDefault(); if (name.trim()) save.mutate(); }}>
          <label htmlFor={`view-name-${entity}`}>Save current view as</label>
          <div className="row">
            <input id={`view-name-${entity}`} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} aria-invalid={error ? true : undefined} />
            <button type="submit" disabled={!name.trim() || save.isPending}>Save</button>
          </div>
          {error && <p className="field-error" role="alert">{error}</p>}
        </form>
      </div>
    </details>
  );
}
