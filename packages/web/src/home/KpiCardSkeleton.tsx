/** The same card's footprint while the figures load. */
export function KpiCardSkeleton() {
  return (
    <div className="card kpi home-kpi" aria-hidden="true">
      <div className="skeleton home-skel-label" />
      <div className="skeleton home-skel-value" />
      <div className="skeleton home-skel-line" />
      <div className="skeleton home-skel-line short" />
    </div>
  );
}
