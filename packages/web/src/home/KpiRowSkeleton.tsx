import { KpiCardSkeleton } from './KpiCardSkeleton.js';

/** The four cards' footprint while the figures load. */
export function KpiRowSkeleton() {
  return (
    <div className="grid cols-4 home-kpis" aria-hidden="true">
      <KpiCardSkeleton />
      <KpiCardSkeleton />
      <KpiCardSkeleton />
      <KpiCardSkeleton />
    </div>
  );
}
