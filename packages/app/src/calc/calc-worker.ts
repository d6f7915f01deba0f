import { parentPort, type MessagePort } from 'node:worker_threads';
import { DomainError, type Credit } from '@attain/core';
import { openDatabase, type Tx } from '@attain/store';
import { loadFrozenPlans, type CalcInputs } from './calc-inputs.js';
import type { PayeeResult } from './calculate-payees.js';
import { payeeCalculator } from './compute-run.js';
import { creditPartition, WHOLE } from './credit-partition.js';

/*
 * A worker thread computing partitions of calc runs (compute-run.ts), one task at a time, kept
 * warm between runs by calc-worker-pool.ts. For a task it reads and credits its owners'
 * transactions over a connection of its own, posts the credits it made for other partitions'
 * payees, receives theirs for its own, calculates its payees and posts the results, all over the
 * task's own port. It only reads; the run publishes in the main thread.
 */

export interface WorkerTask {
  readonly databaseUrl: string;
  readonly orgId: string;
  readonly inputs: CalcInputs;
  readonly payeeIds: readonly string[];
  /** Which of the inputs' partitions. */
  readonly index: number;
}

/** What the pool posts to a worker: a task and the port its messages go over. */
export interface WorkerAssignment {
  readonly task: WorkerTask;
  readonly port: MessagePort;
}

export type WorkerMessage =
  | { readonly type: 'credited'; readonly theirs: Credit[][] }
  | { readonly type: 'progress'; readonly done: number }
  | { readonly type: 'done'; readonly results: PayeeResult[]; readonly digest: string }
  | { readonly type: 'error'; readonly error: { readonly code?: string; readonly message: string; readonly issues?: DomainError['issues'] } };

async function work(task: WorkerTask, port: MessagePort): Promise<void> {
  const post = (message: WorkerMessage): void => port.postMessage(message);
  // The credits the other partitions made for this one's payees, one list per partition; listening before posting what this one made.
  const handedOver = (): Promise<Credit[][]> => new Promise((resolve) => port.once('message', resolve));
  const database = openDatabase(task.databaseUrl, { poolSize: 1 });
  try {
    const { inputs, orgId } = task;
    const plans = await loadFrozenPlans(database.db as unknown as Tx, orgId, inputs);
    const calculator = payeeCalculator(inputs, plans, (done) => post({ type: 'progress', done }));
    const credited = await creditPartition(database.db, orgId, inputs, { payeeIds: task.payeeIds, partitions: inputs.partitions ?? WHOLE, index: task.index, settle: calculator.settle, betweenPages: calculator.report });
    const inbox = handedOver();
    post({ type: 'credited', theirs: credited.theirs });
    const results = await calculator.finish(credited.open, await inbox);
    post({ type: 'done', results, digest: credited.digest });
  } catch (error) {
    const e = error as Error;
    post({ type: 'error', error: e instanceof DomainError ? { code: e.code, message: e.message, issues: e.issues } : { message: e.message ?? String(error) } });
  } finally {
    await database.close();
  }
}

parentPort?.on('message', ({ task, port }: WorkerAssignment) => void work(task, port));
