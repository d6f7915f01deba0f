import type { CalcRunItem } from '@attain/contract';
import { formatMoney } from '../ui/format.js';

/*
 * What the progress bar of a calc run shows, from the run as GET /calc-runs/{id} answers it.
 * Pure, so every state is tested without a server.
 */

export type RunForProgress = Pick<CalcRunItem, 'status' | 'progressDone' | 'progressTotal' | 'payeeCount' | 'payoutMinor' | 'currency' | 'error'>;

export interface RunProgressView {
  /** Whole percent 0-100; null while the size of the run is not known (the bar is then indeterminate). */
  readonly percent: number | null;
  /** One line for people and for aria-valuetext. */
  readonly detail: string;
  readonly tone: 'running' | 'ok' | 'error';
  /** True once the run will not change any more: polling stops. */
  readonly finished: boolean;
}

/** Whole percent of done / total, rounded down so 100% means every payee is done; null without a total. */
export function percentDone(done: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.max(0, Math.min(100, Math.floor((done * 100) / total)));
}

const payees = (n: number): string => `${n} ${n === 1 ? 'payee' : 'payees'}`;

/** The bar's percent and words for each status of a run. */
export function runProgress(run: RunForProgress): RunProgressView {
  switch (run.status) {
    case 'running':
      return {
        percent: percentDone(run.progressDone, run.progressTotal),
        detail: run.progressTotal > 0 ? `${run.progressDone} of ${payees(run.progressTotal)} calculated` : 'Freezing the inputs…',
        tone: 'running',
        finished: false,
      };
    case 'published':
      return {
        percent: 100,
        detail: `Published: ${payees(run.payeeCount ?? run.progressTotal)}, ${formatMoney(run.payoutMinor ?? '0', run.currency)} payout in total`,
        tone: 'ok',
        finished: true,
      };
    case 'failed':
      return { percent: percentDone(run.progressDone, run.progressTotal), detail: `Failed: ${run.error ?? 'no reason given'}. Nothing was published.`, tone: 'error', finished: true };
    case 'interrupted':
      return { percent: percentDone(run.progressDone, run.progressTotal), detail: `Interrupted: ${run.error ?? 'the run stopped'}. Nothing was published.`, tone: 'error', finished: true };
  }
}
