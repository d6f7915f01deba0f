import { formatDecimal, type ApprovalState, type CreditWithExplanation } from '@attain/core';
import type { ApprovalStateWire, CalcRunItem, LedgerEntryItem, StatementCredit } from '@attain/contract';
import type { CalcRun, LedgerEntry } from '@attain/store';

/** A run on the wire: without its frozen inputs, numbers as strings. */
export const presentRun = (run: CalcRun): CalcRunItem => ({
  id: run.id, periodKey: run.periodKey, kind: run.kind, status: run.status, trigger: run.trigger, preparedBy: run.preparedBy, worker: run.worker,
  startedAt: run.startedAt, heartbeatAt: run.heartbeatAt, finishedAt: run.finishedAt, progressDone: run.progressDone, progressTotal: run.progressTotal,
  seqThrough: run.seqThrough.toString(), inputsHash: run.inputsHash, outputsHash: run.outputsHash, payeeCount: run.payeeCount,
  payoutMinor: run.payoutMinor === null ? null : run.payoutMinor.toString(), currency: run.currency,
  publication: run.publication === null ? null : run.publication.toString(), error: run.error,
});

export const presentLedgerEntry = ({ orgId: _org, ...e }: LedgerEntry): LedgerEntryItem => ({ ...e, seq: e.seq.toString(), amountMinor: e.amountMinor.toString() });

export const presentCredit = (c: CreditWithExplanation): StatementCredit => ({
  id: c.id, transactionId: c.sourceId, creditType: c.creditType, rule: c.rule, date: c.date, amountMinor: c.amountMinor.toString(), basisMinor: c.basisMinor.toString(),
  share: c.share ? formatDecimal(c.share) : null, splitKind: c.splitKind ?? null, payoutShare: c.payoutShare ? formatDecimal(c.payoutShare) : null,
  via: c.rollup ? `${c.rollup.creditedVia} (level ${c.rollup.level})` : null, termMonths: c.termMonths ?? null,
});

export const presentApproval = (a: ApprovalState): ApprovalStateWire => ({
  status: a.status, route: [...a.route], next: a.next,
  steps: a.steps.map((x) => ({ step: x.step, current: x.current, latest: x.latest && { resultHash: x.latest.resultHash, postedMinor: x.latest.postedMinor.toString(), approvedBy: x.latest.approvedBy, approvedAt: x.latest.approvedAt } })),
});
