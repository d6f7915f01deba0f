import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api } from '../api/client.js';
import type { AnyRecord, Page } from '../api/types.js';
import { ENTITIES, fieldOf, type RelatedList as Related } from '../entities/entity-meta.js';
import { useSession } from '../session/SessionProvider.js';
import { FieldValue, isNumeric } from './FieldValue.js';

const SHOWN = 10;

/** The first records that point to this one (an account's contacts…), with a link to all of them. */
export function RelatedList({ related, parentId }: { related: Related; parentId: string }) {
  const { me, can } = useSession();
  const meta = ENTITIES[related.entity];
  const allowed = can(`${meta.resource}:list`);
  const page = useQuery({
    queryKey: ['list', related.entity, { [related.via]: parentId, limit: SHOWN }],
    enabled: allowed,
    queryFn: () => api<Page<AnyRecord>>(`/${related.entity}`, { query: { [related.via]: parentId, limit: SHOWN } }),
  });
  if (!allowed) return null;
  const columns = meta.defaultColumns.slice(0, 3).filter((c) => c !== related.via).map((c) => fieldOf(meta, c)).filter((f) => f !== undefined);
  const items = page.data?.items ?? [];
  return (
    <section className="card related" aria-labelledby={`related-${related.entity}-${related.via}`}>
      <div className="row-between">
        <h2 id={`related-${related.entity}-${related.via}`}>{related.title}</h2>
        <span className="actions">
          {can(`${meta.resource}:create`) && related.entity !== 'people' && (
            <Link href={`/${related.entity}/new?${related.via}=${encodeURIComponent(parentId)}`} aria-label={`New ${meta.singular.toLowerCase()} for this record`}>New</Link>
          )}
          <Link href={`/${related.entity}?${related.via}=${encodeURIComponent(parentId)}`} aria-label={`View all ${related.title.toLowerCase()}`}>View all</Link>
        </span>
      </div>
      {page.isLoading && <div className="skeleton" style={{ height: '4rem' }} />}
      {page.data && items.length === 0 && <p className="muted">None yet.</p>}
      {items.length > 0 && (
        <table className="data compact">
          <thead className="visually-hidden">
            <tr><th scope="col">{meta.titleColumn.label}</th>{columns.map((f) => <th key={f.name} scope="col">{f.label}</th>)}</tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <tr key={row.id}>
                <td><Link href={`/${related.entity}/${row.id}`}>{meta.title(row)}</Link></td>
                {columns.map((f) => (
                  <td key={f.name} className={isNumeric(f) ? 'num' : undefined}>
                    <FieldValue field={f} record={row} labels={page.data?.labels ?? {}} orgCurrency={me.org.defaultCurrency} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.data?.nextCursor && <p className="muted small">Showing the first {SHOWN}.</p>}
    </section>
  );
}
