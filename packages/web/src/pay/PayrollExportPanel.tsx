import type { PayrollExportResult } from '@attain/contract';
import { formatCount, formatMoney } from '../ui/format.js';
import { majorUnits, namedReasons } from './approval-status.js';
import { payrollCsvHref, useExportPayroll } from './use-approvals.js';
import { useStatements } from './use-pay.js';

/**
 * "Export payroll": what the period's approved statements still owe becomes a payroll batch
 * (payout ledger entries); then the batch's total, payee count, the statements it left out, and
 * its CSV file to download. There is no list of earlier batches on the API: only this session's
 * export is shown.
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
    </div>
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
