import { formatCount } from '../ui/format.js';
import type { ImportReport } from './import-api.js';

/** The counts of a report: what a dry run would do, or what an import did. */
export function ReportCounts({ report }: { report: ImportReport }) {
  const would = report.dryRun;
  const counts = [
    { label: 'Rows', value: report.rows },
    { label: would ? 'Would create' : 'Created', value: report.created },
    { label: would ? 'Would update' : 'Updated', value: report.updated },
    { label: 'Unchanged', value: report.unchanged },
  ];
  return (
    <dl className="grid cols-4 import-counts">
      {counts.map((c) => (
        <div key={c.label} className="card kpi">
          <dt className="label">{c.label}</dt>
          <dd className="value">{formatCount(c.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
