import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { AnyRecord, Page } from '../api/types.js';
import { ENTITIES, isEntityKey } from '../entities/entity-meta.js';
import { useDebounced } from '../ui/use-debounced.js';

/** Chooses one record of a long list (accounts, contacts…) by typing part of its name. */
export function RefPicker({ id, entity, value, label, invalid, onChange }: {
  id: string;
  entity: string;
  value: string | null;
  /** The name of the current value, when known. */
  label: string | undefined;
  invalid: boolean;
  onChange: (id: string | null, label: string | null) => void;
}) {
  // A value given without its name (a new contact from an account's page) is looked up once.
  const named = useQuery({
    queryKey: ['record', entity, value],
    enabled: Boolean(value) && label === undefined && isEntityKey(entity),
    queryFn: () => api<AnyRecord>(`/${entity}/${value}`),
  });
  const known = label ?? (named.data && isEntityKey(entity) ? ENTITIES[entity].title(named.data) : undefined);
  const [typed, setText] = useState<string | null>(null);
  const text = typed ?? known ?? '';
  const [open, setOpen] = useState(false);
  const term = useDebounced(text.trim(), 200);
  const listId = useId();
  const meta = isEntityKey(entity) ? ENTITIES[entity] : null;
  const matches = useQuery({
    queryKey: ['pick', entity, term],
    enabled: open && meta !== null,
    queryFn: ({ signal }) => api<Page<AnyRecord>>(`/${entity}`, { query: { q: term.length >= 2 ? term : undefined, limit: 8 }, signal }).then((p) => p.items),
  });
  return (
    <div className="picker">
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={invalid || undefined}
        value={text}
        placeholder={value ? '' : `Search ${meta?.plural.toLowerCase() ?? entity}…`}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          if (e.target.value === '') onChange(null, null);
        }}
      />
      {open && meta && (
        <ul id={listId} role="listbox" className="picker-list">
          {(matches.data ?? []).map((record) => (
            <li key={record.id} role="option" aria-selected={record.id === value}
              onMouseDown={(e) => {
                e.preventDefault();
                const name = meta.title(record);
                setText(name);
                setOpen(false);
                onChange(record.id, name);
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
