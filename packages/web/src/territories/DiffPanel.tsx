import { useId, useState } from 'react';
import type { TerritoryActivateResult, TerritoryDiffWire } from '@attain/contract';
import { localToday } from '../pay/period-options.js';
import { formatCount, formatDate, formatMoney } from '../ui/format.js';
import { DiffRepsTable } from './DiffRepsTable.js';
import { useActivateTerritoryModel, useTerritoryDiff } from './use-territories.js';

interface Props {
  readonly id: string;
  readonly version: number;
  /** Unsaved edits: the dry run and the activation are of the saved version. */
  readonly dirty: boolean;
  /** May carry quota into the year's quota plan in the same step. */
  readonly quotaPlanner: boolean;
  readonly onActivated: (result: TerritoryActivateResult) => void;
}

const accounts = (n: number) => `${formatCount(n)} account${n === 1 ? '' : 's'}`;

/** "Diff & activate": the dry run of activating the saved version on a date, then the activation itself after a confirmation. */
export function DiffPanel({ id, version, dirty, quotaPlanner, onActivated }: Props) {
  const ids = useId();
  const [date, setDate] = useState(() => localToday());
  const [asked, setAsked] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [carryQuota, setCarryQuota] = useState(false);
  const diff = useTerritoryDiff(id, version, asked);
  const activate = useActivateTerritoryModel(id);
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const current = diff.data && asked === date ? diff.data : undefined;
  return (
    <section className="card tm-diff" aria-labelledby={`${ids}-title`} data-testid="diff-panel">
      <h2 id={`${ids}-title`}>Dry run and activation</h2>
      <p className="muted small">What activating the saved version would change: every account's territory and owner from the date, summed per rep.</p>
      <form className="tm-diff-form" onSubmit={(e) => { e.preventDefault(); if (validDate && !dirty) { setAsked(date); setConfirming(false); if (asked === date) void diff.refetch(); } }}>
        <div className="field compact">
          <label htmlFor={`${ids}-date`}>Effective date</label>
          <input id={`${ids}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={!validDate} />
        </div>
        <button type="submit" disabled={!validDate || dirty || diff.isFetching}>{diff.isFetching ? 'Running…' : 'Dry run'}</button>
        {current && !dirty && !confirming && (
          <button type="button" className="primary" onClick={() => { activate.reset(); setConfirming(true); }}>Activate on {formatDate(current.effectiveDate)}</button>
        )}
      </form>
      {dirty && <p className="muted small">Save or discard the changes first.</p>}
      {diff.isFetching && !current && <div className="skeleton" style={{ height: '6rem' }} aria-busy="true" />}
      {diff.isError && <p className="error" role="alert">The dry run could not be made: {diff.error.message}</p>}
      {confirming && current && (
        <div role="alertdialog" aria-labelledby={`${ids}-question`} className="tm-confirm" data-testid="activate-confirm">
          <p id={`${ids}-question`}>
            Activate this model from {formatDate(current.effectiveDate)}? {accounts(current.moved.accounts)} change owner, {accounts(current.territoryChanges)} change territory.
          </p>
          {quotaPlanner && (
            <label className="check">
              <input type="checkbox" checked={carryQuota} onChange={(e) => setCarryQuota(e.target.checked)} data-testid="activate-carry-quota" />
              {' '}Also carry quota: each seller whose potential changes gets her quota scaled by it from the same day, as the next draft version of the year's quota plan
            </label>
          )}
          <button type="button" className="primary" disabled={activate.isPending} autoFocus
            onClick={() => activate.mutate({ effectiveDate: current.effectiveDate, carryQuota }, { onSuccess: (r) => { setConfirming(false); onActivated(r); }, onError: () => setConfirming(false) })}>
            {activate.isPending ? 'Activating…' : 'Activate'}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
        </div>
      )}
      <div aria-live="polite">
        {activate.isError && <p className="error" role="alert">The model could not be activated: {activate.error.message}</p>}
      </div>
      {current && <DiffTotals diff={current} />}
      {current && <DiffRepsTable diff={current} />}
    </section>
  );
}

function DiffTotals({ diff }: { diff: TerritoryDiffWire }) {
  const money = (m: string) => formatMoney(m, diff.currency);
  return (
    <dl className="tm-figures tm-diff-totals" data-testid="diff-totals">
      <div><dt>Accounts</dt><dd data-testid="diff-accounts">{formatCount(diff.accounts)}</dd></div>
      <div><dt>Territory changes</dt><dd data-testid="diff-territory-changes">{formatCount(diff.territoryChanges)}</dd></div>
      <div><dt>Accounts moved</dt><dd data-testid="diff-moved">{formatCount(diff.moved.accounts)}</dd></div>
      <div><dt>Potential moved</dt><dd>{money(diff.moved.potentialMinor)}</dd></div>
      <div><dt>Pipeline moved</dt><dd>{money(diff.moved.pipelineMinor)}</dd></div>
      <div><dt>Book moved</dt><dd>{money(diff.moved.bookMinor)}</dd></div>
      <div><dt>Unassigned</dt><dd data-testid="diff-unassigned">{formatCount(diff.unassigned)}</dd></div>
      <div><dt>Vacant seats' accounts</dt><dd>{formatCount(diff.vacant)}</dd></div>
    </dl>
  );
}
