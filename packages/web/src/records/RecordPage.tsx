import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, ApiError } from '../api/client.js';
import type { AnyRecord, WithLabels } from '../api/types.js';
import { ENTITIES, type EntityKey } from '../entities/entity-meta.js';
import { useSession } from '../session/SessionProvider.js';
import { NotFound } from '../ui/NotFound.js';
import { EditableField } from './EditableField.js';
import { NewRecordPage } from './NewRecordPage.js';
import { OpportunityTimeline } from './OpportunityTimeline.js';
import { RelatedList } from './RelatedList.js';

/** One record: its fields (each editable in place when the user may), related records, and an opportunity's history. */
export function RecordPage({ entity, id }: { entity: EntityKey; id: string }) {
  if (id === 'new') return <NewRecordPage entity={entity} />;
  return <ExistingRecord entity={entity} id={id} />;
}

function ExistingRecord({ entity, id }: { entity: EntityKey; id: string }) {
  const meta = ENTITIES[entity];
  const { me } = useSession();
  const queryClient = useQueryClient();
  const key = ['record', entity, id];
  const record = useQuery({ queryKey: key, queryFn: () => api<WithLabels<AnyRecord>>(`/${entity}/${id}`) });
  const refreshLists = () => queryClient.invalidateQueries({ queryKey: ['list', entity] });

  const save = async (changes: Record<string, unknown>) => {
    const current = record.data;
    if (!current) return;
    try {
      await api(`/${entity}/${id}`, { method: 'PATCH', body: { ...changes, version: current.version } });
    } catch (error) {
      // Someone else changed it: show their version, keep the user's input for another try.
      if (error instanceof ApiError && error.status === 409) await record.refetch();
      throw error;
    }
    await record.refetch();
    void refreshLists();
  };
  const markDone = useMutation({
    mutationFn: () => save({ doneAt: new Date().toISOString() }),
  });
  const archive = useMutation({
    mutationFn: () => api(`/${entity}/${id}/archive`, { method: 'POST' }),
    onSuccess: () => { void record.refetch(); void refreshLists(); },
  });

  if (record.error instanceof ApiError && record.error.status === 404) return <NotFound what={meta.singular.toLowerCase()} />;
  if (record.isError) return <p role="alert" className="error">{(record.error as Error).message}</p>;
  const data = record.data;
  return (
    <article aria-labelledby="record-title" className="record">
      <nav className="breadcrumb muted small" aria-label="Breadcrumb"><Link href={`/${entity}`}>{meta.plural}</Link> /</nav>
      <div className="page-header">
        <h1 id="record-title">{data ? meta.title(data) : <span className="skeleton" style={{ display: 'inline-block', width: '14rem', height: '1.6rem' }} />}</h1>
        <div className="actions">
          {data?.archivedAt && <span className="badge warn">Archived</span>}
          {data?.isClosed === true && <span className={`badge ${data.isWon ? 'ok' : 'danger'}`}>{data.isWon ? 'Won' : 'Lost'}</span>}
          {entity === 'activities' && data?.abilities.update && !data.doneAt && !data.archivedAt && (
            <button type="button" className="primary" disabled={markDone.isPending} onClick={() => markDone.mutate()}>Mark done</button>
          )}
          {data?.abilities.archive && !data.archivedAt && (
            <button type="button" className="danger" disabled={archive.isPending}
              onClick={() => window.confirm(`Archive this ${meta.singular.toLowerCase()}? It leaves the lists but keeps its history.`) && archive.mutate()}>
              Archive
            </button>
          )}
        </div>
      </div>
      {(archive.error ?? markDone.error) && <p role="alert" className="error">{((archive.error ?? markDone.error) as Error).message}</p>}
      <div className="record-layout">
        <section className="card" aria-label="Details">
          {data ? (
            <div className="form-grid">
              {meta.fields.map((field) => (
                <EditableField key={field.name} field={field} record={data} labels={data.labels} orgCurrency={me.org.defaultCurrency}
                  editable={data.abilities.update && !field.readOnly && !field.fixedAfterCreate && !data.archivedAt} save={save} />
              ))}
            </div>
          ) : <div className="skeleton" style={{ height: '18rem' }} />}
        </section>
        <div className="record-side">
          {entity === 'opportunities' && data && <OpportunityTimeline id={id} version={data.version} />}
          {meta.related.map((related) => <RelatedList key={`${related.entity}-${related.via}`} related={related} parentId={id} />)}
        </div>
      </div>
    </article>
  );
}
