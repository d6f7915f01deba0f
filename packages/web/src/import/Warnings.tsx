/** The report's warnings (columns ignored, a report footer skipped…). */
export function Warnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="import-warnings" role="note" aria-label="Warnings">
      <h3>{warnings.length === 1 ? 'Warning' : 'Warnings'}</h3>
      <ul>{warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
    </div>
  );
}
