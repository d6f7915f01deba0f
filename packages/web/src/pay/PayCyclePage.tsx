import { useSession } from '../session/SessionProvider.js';
import { NotFound } from '../ui/NotFound.js';
import { PeriodPanel } from './PeriodPanel.js';
import { PeriodPicker } from './PeriodPicker.js';
import { RunCalcPanel } from './RunCalcPanel.js';
import { RunsTable } from './RunsTable.js';
import { StatementsSection } from './StatementsSection.js';
import { useCalcRuns } from './use-pay.js';
import { usePeriodParam } from './use-period-param.js';

/**
 * The pay cycle of a period (finance, sales ops, admins): run the calculation and watch it,
 * the period's runs with their hashes and verification, the period (close, reopen, payroll export)
 * and the statements it published with their approvals.
 */
export function PayCyclePage() {
  const { me, can } = useSession();
  const allowed = can('calc_run:read');
  const [period, setPeriod] = usePeriodParam(me.org.fiscalYearStartMonth);
  const runs = useCalcRuns(period, allowed);
  if (!allowed) return <NotFound />;
  return (
    <div className="pay">
      <header className="page-header">
        <h1>Pay cycle</h1>
        <PeriodPicker value={period} fiscalYearStartMonth={me.org.fiscalYearStartMonth} onChange={setPeriod} />
      </header>
      {can('calc_run:run') && <RunCalcPanel key={period} period={period} runs={runs.data?.items} />}
      <section className="pay-section" aria-labelledby="pay-runs-title">
        <h2 id="pay-runs-title" className="pay-section-title">Runs of {period}</h2>
        {runs.isPending && <div className="skeleton" style={{ height: '5rem' }} aria-busy="true" />}
        {runs.isError && <p className="error" role="alert">The runs could not be loaded: {runs.error.message}</p>}
        {runs.data && runs.data.items.length === 0 && <p className="muted">No runs of {period} yet.</p>}
        {runs.data && runs.data.items.length > 0 && <RunsTable runs={runs.data.items} />}
      </section>
      <PeriodPanel key={`period-panel-${period}`} period={period} />
      <StatementsSection period={period} />
    </div>
  );
}
