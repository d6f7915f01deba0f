/** Reserved space for a section's content while the figures load. */
export function SectionSkeleton({ rows }: { rows: number }) {
  return (
    <div aria-hidden="true" className="home-skel-rows">
      {Array.from({ length: rows }, (_, i) => <div key={i} className="skeleton home-skel-row" />)}
    </div>
  );
}
