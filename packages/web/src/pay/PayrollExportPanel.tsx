import type { PayrollExportResult } from '@attain/contract';
import { formatCount, formatInstant, formatMoney } from '../ui/format.js';
import { majorUnits, namedReasons } from './approval-status.js';
import { payrollCsvHref, useExportPayroll, usePayrollBatches } from './use-approvals.js';
import { useStatements } from './use-pay.js';

/**
 * "Export payroll": what the period's approved statements still owe becomes a payroll batch
 * (payout ledger entries); then the batch's total, payee count, the statements it left out, and
 * its CSV file to download. Below, every batch of the period, each file again.
 */
export function PayrollExportPanel({ period }: { period: string }) {
  const exportPayroll = useExportPayroll(period);
  // The same query as the statements table (cached): names for the statements left out.
  const statements = useStatements(period);
  return (
    <div className="pay-payroll">
      <div className="pay-run-head">
        <h3 className="pay-section-title">Payroll</h3>
        <button type="button" className="primary" onClick={() => exportPayroll.mutate()} disabled={exportPayroll.isPending} data-testid="export-payroll">
          {exportPayroll.isPending ? 'Exporting…' : 'Export payroll'}
        </button>
      </div>
      <p className="muted small">Pays what each approved statement of {period} still owes (less earlier exports); statements not approved as they stand are left out.</p>
      <div aria-live="polite">
        {exportPayroll.isError && <p className="error" role="alert" data-testid="export-error">{exportPayroll.error.message}</p>}
        {exportPayroll.data && <PayrollBatchSummary result={exportPayroll.data} names={statements.data?.items ?? []} />}
      </div>
      <PayrollBatches period={period} />
    </div>
  );
}

/** The period's batches, latest first, each with its file (rebuilt from the ledger: the same bytes). */
function PayrollBatches({ period }: { period: string }) {
  const batches = usePayrollBatches(period);
  if (batches.isError) return <p className="error" role="alert">{batches.error.message}</p>;
  const items = batches.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <table className="pay-batches small" data-testid="payroll-batches">
      <caption className="muted">Batches of {period}</caption>
      <thead><tr><th scope="col">Exported</th><th scope="col">Batch</th><th scope="col" className="num">Payees</th><th scope="col" className="num">Total</th><th scope="col">File</th></tr></thead>
      <tbody>
        {items.map((b) => (
          <tr key={b.id} data-batch-id={b.id}>
            <td>{formatInstant(b.createdAt)}</td>
            <td><code>{b.id}</code></td>
            <td className="num">{formatCount(b.payeeCount)}</td>
            <td className="num">{formatMoney(b.totalMinor, b.currency)}</td>
            <td><a href={payrollCsvHref(b.id)} download>CSV</a></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PayrollBatchSummary({ result, names }: { result: PayrollExportResult; names: readonly { personId: string; personName: string }[] }) {
  const { batch } = result;
  const skipped = namedReasons(result.skipped, names);
  return (
    <div className="pay-batch" data-testid="payroll-batch" data-batch-id={batch.id} data-total-major={majorUnits(batch.totalMinor, batch.currency)} data-payees={batch.payeeCount}>
      <p>
        Batch <code>{batch.id}</code>: <strong data-testid="payroll-total">{formatMoney(batch.totalMinor, batch.currency)}</strong> to{' '}
        <span data-testid="payroll-payees">{formatCount(batch.payeeCount)}</span> payee{batch.payeeCount === 1 ? '' : 's'}
        {skipped.length > 0 && `; ${skipped.length} statement${skipped.length === 1 ? '' : 's'} left out`}.
      </p>
      <a className="button" href={payrollCsvHref(batch.id)} download data-testid="payroll-csv">Download payroll CSV</a>
      {skipped.length > 0 && (
        <ul className="pay-skipped small" data-testid="payroll-skipped">
          {skipped.map((s) => <li key={s.personId}>{s.name}: {s.reason.replace(/-/g, ' ')}</li>)}
        </ul>
      )}
    </div>
  );
}
