import type { CoverageAnalysisWire } from '@attain/contract';
import { CapacityTable } from './CapacityTable.js';
import { SegmentChart } from './SegmentChart.js';
import { SegmentsTable } from './SegmentsTable.js';
import { UncoveredAccounts } from './UncoveredAccounts.js';

interface Props {
  readonly analysis: CoverageAnalysisWire;
  readonly rules: ReadonlyMap<string, unknown>;
  /** The figures are of an earlier draft while the current one is analysed. */
  readonly busy: boolean;
}

/** What a model does to the accounts: segments (table and chart), each role's capacity and the largest accounts a headcount leaves uncovered. */
export function CoverageReport({ analysis, rules, busy }: Props) {
  return (
    <>
      <section className="coverage-section" aria-labelledby="coverage-segments" aria-busy={busy} data-testid="segments-section">
        <h2 id="coverage-segments">Segments</h2>
        <div className="coverage-segments">
          <SegmentsTable analysis={analysis} rules={rules} />
          <SegmentChart analysis={analysis} />
        </div>
      </section>
      <section className="coverage-section" aria-labelledby="coverage-capacity" aria-busy={busy} data-testid="capacity-section">
        <h2 id="coverage-capacity">Capacity</h2>
        <p className="muted small">Hours a year. Reps needed cover every account; a headcount covers the accounts of most potential per hour first.</p>
        <CapacityTable analysis={analysis} />
        <UncoveredAccounts analysis={analysis} />
      </section>
    </>
  );
}
