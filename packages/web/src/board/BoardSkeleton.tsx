/** Placeholder columns while the board loads, the size of real ones so nothing jumps. */
export function BoardSkeleton({ columns = 6 }: { columns?: number }) {
  return (
    <div className="board-columns" aria-busy="true">
      <span className="board-sr-only" role="status">Loading the board…</span>
      {Array.from({ length: columns }, (_, i) => (
        <div key={i} className="board-column" aria-hidden="true">
          <div className="board-column-head"><div className="skeleton board-skeleton-head" /></div>
          <div className="skeleton board-skeleton-card" />
          <div className="skeleton board-skeleton-card" />
        </div>
      ))}
    </div>
  );
}
