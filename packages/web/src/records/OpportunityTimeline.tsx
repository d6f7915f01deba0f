import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { HistoryEntry } from '../api/types.js';
import { usePeople, usePipelines } from '../lists/use-options.js';
import { useSession } from '../session/SessionProvider.js';
import { formatInstant } from '../ui/format.js';
import { historyLines } from './history-lines.js';

/** The opportunity's history, newest first: every change of stage, amount, close date, forecast category and owner. */
export function OpportunityTimeline({ id, version }: { id: string; version: number }) {
  const { me, can } = useSession();
  const history = useQuery({
    queryKey: ['history', id, version],
    enabled: can('opportunity:history'),
    queryFn: () => api<{ items: HistoryEntry[] }>(`/opportunities/${id}/history`).then((r) => r.items),
  });
  const pipelines = usePipelines();
  const people = usePeople();
  if (!can('opportunity:history')) return null;
  const names = new Map<string, string>();
  for (const p of pipelines.data ?? []) for (const s of p.stages) names.set(s.id, s.name);
  for (const p of people.data ?? []) names.set(p.id, p.name);
  const nameOf = (ref: string | null) => (ref === null ? 'nobody' : (names.get(ref) ?? ref));
  const entries = history.data ?? [];
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {history.isLoading && <div className="skeleton" style={{ height: '6rem' }} />}
      <ol className="timeline" aria-label="Changes, newest first">
        {entries.map((entry, i) => ({ entry, previous: entries[i - 1] })).reverse().map(({ entry, previous }) => (
          <li key={entry.seq}>
            <time dateTime={entry.changedAt} className="muted small">
              {formatInstant(entry.changedAt)}{entry.actorUserId === me.user.id ? ' · by you' : ''}
            </time>
            <ul className="plain">{historyLines(entry, previous, nameOf).map((line) => <li key={line}>{line}</li>)}</ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
