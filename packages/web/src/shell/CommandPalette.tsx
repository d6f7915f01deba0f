import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { api } from '../api/client.js';
import type { AnyRecord, Page } from '../api/types.js';
import { ENTITIES, type EntityKey } from '../entities/entity-meta.js';
import { useSession } from '../session/SessionProvider.js';
import { useDebounced } from '../ui/use-debounced.js';
import type { NavItem } from './nav-items.js';

/** The entities the global search looks in, in the order results are shown. */
const SEARCHED: readonly EntityKey[] = ['accounts', 'opportunities', 'contacts'];

interface Option {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  run(): void;
}

/**
 * Ctrl+K: one box to jump anywhere. Typing filters the commands (areas, new records, theme,
 * sign out) and searches accounts, opportunities and contacts by name; arrows and Enter
 * choose, Escape closes.
 */
export function CommandPalette({ items, onClose, toggleTheme, signOut }: {
  items: readonly NavItem[];
  onClose: () => void;
  toggleTheme: () => void;
  signOut: () => Promise<void>;
}) {
  const { can } = useSession();
  const [, navigate] = useLocation();
  const [text, setText] = useState('');
  const [index, setIndex] = useState(0);
  const term = useDebounced(text.trim(), 200);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const searched = SEARCHED.filter((key) => can(`${ENTITIES[key].resource}:list`));

  const results = useQuery({
    queryKey: ['global-search', term],
    enabled: term.length >= 2,
    queryFn: async ({ signal }) => {
      // One list failing (a slow search) does not hide the others' results.
      const pages = await Promise.allSettled(searched.map((key) => api<Page<AnyRecord>>(`/${key}`, { query: { q: term, limit: 5 }, signal })));
      if (pages.every((p) => p.status === 'rejected')) throw (pages[0] as PromiseRejectedResult).reason;
      return searched.flatMap((key, i) => {
        const page = pages[i];
        return page?.status === 'fulfilled' ? page.value.items.map((record) => ({ key, record })) : [];
      });
    },
  });

  const options = useMemo<Option[]>(() => {
    const go = (href: string) => () => navigate(href);
    const commands: Option[] = [
      ...items.map((item) => ({ id: `go:${item.href}`, label: `Go to ${item.label}`, hint: `g ${item.key}`, run: go(item.href) })),
      ...(['opportunities', 'accounts', 'contacts', 'leads', 'activities'] as const)
        .filter((key) => can(`${ENTITIES[key].resource}:create`))
        .map((key) => ({ id: `new:${key}`, label: `New ${ENTITIES[key].singular.toLowerCase()}`, hint: 'create', run: go(`/${key}/new`) })),
      { id: 'theme', label: 'Switch light / dark theme', hint: 'theme', run: toggleTheme },
      { id: 'signout', label: 'Sign out', hint: 'session', run: () => void signOut() },
    ];
    const needle = text.trim().toLowerCase();
    const matching = needle ? commands.filter((c) => c.label.toLowerCase().includes(needle)) : commands;
    const records = (term === text.trim() ? (results.data ?? []) : []).map(({ key, record }) => ({
      id: `${key}:${record.id}`,
      label: ENTITIES[key].title(record),
      hint: ENTITIES[key].singular,
      run: go(`/${key}/${record.id}`),
    }));
    return [...records, ...matching];
  }, [items, can, navigate, toggleTheme, signOut, text, term, results.data]);

  // Focus comes back to where it was when the palette closes.
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    input.current?.focus();
    return () => before?.focus();
  }, []);
  // The first option is the active one whenever the options change (results arriving included).
  useEffect(() => setIndex(0), [options]);

  const choose = (option: Option | undefined) => {
    if (!option) return;
    onClose();
    option.run();
  };

  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div role="dialog" aria-modal="true" aria-label="Search and commands" className="palette"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
          // The input is the only stop: options are chosen with the arrows.
          if (e.key === 'Tab') { e.preventDefault(); input.current?.focus(); }
        }}>
        <input
          ref={input}
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={options[index] ? `${listId}-${index}` : undefined}
          aria-label="Search records or type a command"
          placeholder="Search accounts, opportunities, contacts, or type a command"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') { e.preventDefault(); setIndex((i) => Math.min(i + 1, options.length - 1)); }
            else if (e.key === 'ArrowUp') { e.preventDefault(); setIndex((i) => Math.max(i - 1, 0)); }
            else if (e.key === 'Enter') { e.preventDefault(); choose(options[index]); }
          }}
        />
        {results.isFetching && <p className="muted small" role="status">Searching…</p>}
        {results.isError && <p className="error small" role="alert">The search failed: {(results.error as Error).message}</p>}
        <ul id={listId} role="listbox" aria-label="Results" tabIndex={-1}>
          {options.map((option, i) => (
            <li
              key={option.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === index}
              className={i === index ? 'active' : undefined}
              onMouseEnter={() => setIndex(i)}
              onClick={() => choose(option)}
            >
              <span>{option.label}</span> <span className="muted small">{option.hint}</span>
            </li>
          ))}
          {options.length === 0 && <li className="muted">Nothing matches “{text}”.</li>}
        </ul>
      </div>
    </div>
  );
}
