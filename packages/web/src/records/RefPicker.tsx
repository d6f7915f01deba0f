import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { AnyRecord, Page } from '../api/types.js';
import { ENTITIES, isEntityKey } from '../entities/entity-meta.js';
import { useDebounced } from '../ui/use-debounced.js';

/**
 * Chooses one record of a long list (accounts, contacts…) by typing part of its name: arrows
 * move through the matches, Enter picks, Escape closes. Leaving without picking puts the
 * current choice's name back, so the box never shows a name that is not the value.
 */
export function RefPicker({ id, entity, value, label, invalid, autoFocus, describedBy, onChange }: {
  id: string;
  entity: string;
  value: string | null;
  /** The name of the current value, when known. */
  label: string | undefined;
  invalid: boolean;
  autoFocus?: boolean | undefined;
  describedBy?: string | undefined;
  onChange: (id: string | null, label: string | null) => void;
}) {
  const meta = isEntityKey(entity) ? ENTITIES[entity] : null;
  // A value given without its name (a new contact from an account's page) is looked up once.
  const named = useQuery({
    queryKey: ['record', entity, value],
    enabled: Boolean(value) && label === undefined && meta !== null,
    queryFn: () => api<AnyRecord>(`/${entity}/${value}`),
  });
  const [picked, setPicked] = useState<string | null>(null);
  const known = picked ?? label ?? (named.data && meta ? meta.title(named.data) : undefined);
  const [typed, setTyped] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const text = typed ?? known ?? '';
  const term = useDebounced((typed ?? '').trim(), 200);
  const listId = useId();
  const matches = useQuery({
    queryKey: ['pick', entity, term],
    enabled: open && meta !== null,
    queryFn: ({ signal }) => api<Page<AnyRecord>>(`/${entity}`, { query: { q: term.length >= 2 ? term : undefined, limit: 8 }, signal }).then((p) => p.items),
  });
  const items = matches.data ?? [];

  const pick = (record: AnyRecord) => {
    const name = meta ? meta.title(record) : record.id;
    setPicked(name);
    setTyped(null);
    setOpen(false);
    onChange(record.id, name);
  };
  const close = () => {
    setOpen(false);
    setTyped(null);
  };

  return (
    <div className="picker">
      <input
        id={id}
        role="combobox"
        autoFocus={autoFocus}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && items[active] ? `${listId}-${active}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        value={text}
        placeholder={value ? '' : `Search ${meta?.plural.toLowerCase() ?? entity}…`}
        onFocus={() => setOpen(true)}
        onBlur={close}
        onChange={(e) => {
          setTyped(e.target.value);
          setActive(0);
          setOpen(true);
          if (e.target.value === '') {
            setPicked(null);
            onChange(null, null);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); setActive((i) => Math.min(i + 1, items.length - 1)); }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((i) => Math.max(i - 1, 0)); }
          else if (e.key === 'Enter' && open && items[active]) { e.preventDefault(); e.stopPropagation(); pick(items[active]); }
          else if (e.key === 'Escape' && open) { e.stopPropagation(); close(); }
        }}
      />
      {open && meta && (
        <ul id={listId} role="listbox" className="picker-list" aria-label={`Matching ${meta.plural.toLowerCase()}`}>
          {items.map((record, i) => (
            <li key={record.id} id={`${listId}-${i}`} role="option" aria-selected={i === active}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(record);
              }}
            >
              {meta.title(record)}
            </li>
          ))}
          {matches.data?.length === 0 && <li className="muted">No match</li>}
        </ul>
      )}
    </div>
  );
}
