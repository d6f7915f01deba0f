import { parentPort, workerData } from 'node:worker_threads';
import { DomainError, type Credit } from '@attain/core';
import { openDatabase, type Tx } from '@attain/store';
import { loadFrozenPlans, type CalcInputs } from './calc-inputs.js';
import type { PayeeResult } from './calculate-payees.js';
import { payeeCalculator } from './compute-run.js';
import { creditPartition, WHOLE } from './credit-partition.js';

/*
 * A worker thread computing one partition of a calc run (compute-run.ts): it reads and credits
 * its owners' transactions over a connection of its own, posts the credits it made for other
 * partitions' payees, receives theirs for its own, calculates its payees and posts the results.
 * It only reads; the run publishes in the main thread.
 */

export interface WorkerTask {
  readonly databaseUrl: string;
  readonly orgId: string;
  readonly inputs: CalcInputs;
  readonly payeeIds: readonly string[];
  /** Which of the inputs' partitions. */
  readonly index: number;
}

export type WorkerMessage =
  | { readonly type: 'credited'; readonly theirs: Credit[][] }
  | { readonly type: 'progress'; readonly done: number }
  | { readonly type: 'done'; readonly results: PayeeResult[]; readonly digest: string }
  | { readonly type: 'error'; readonly error: { readonly code?: string; readonly message: string; readonly issues?: DomainError['issues'] } };

const post = (message: WorkerMessage): void => parentPort?.postMessage(message);

/** The credits the other partitions made for this one's payees, one list per partition. */
const handedOver = (): Promise<Credit[][]> => new Promise((resolve) => parentPort?.once('message', resolve));

async function work(task: WorkerTask): Promise<void> {
  const database = openDatabase(task.databaseUrl, { poolSize: 1 });
  try {
    const { inputs, orgId } = task;
    const plans = await loadFrozenPlans(database.db as unknown as Tx, orgId, inputs);
    const calculator = payeeCalculator(inputs, plans, (done) => post({ type: 'progress', done }));
    const credited = await creditPartition(database.db, orgId, inputs, { payeeIds: task.payeeIds, partitions: inputs.partitions ?? WHOLE, index: task.index, settle: calculator.settle });
    // Listening before posting: the answer cannot come before the listener.
    const inbox = handedOver();
    post({ type: 'credited', theirs: credited.theirs });
    const results = await calculator.finish(credited.open, await inbox);
    post({ type: 'done', results, digest: credited.digest });
  } finally {
    await database.close();
  }
}

work(workerData as WorkerTask).catch((error: unknown) => {
  const e = error as Error;
  post({ type: 'error', error: e instanceof DomainError ? { code: e.code, message: e.message, issues: e.issues } : { message: e.message ?? String(error) } });
});
