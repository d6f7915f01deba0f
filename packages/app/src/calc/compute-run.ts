import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { canonicalJson, DomainError, type Credit } from '@attain/core';
import type { Db, Tx } from '@attain/store';
import type { Plan } from '../comp/plan-schema.js';
import { loadFrozenPlans, type CalcInputs, type FrozenAssignment } from './calc-inputs.js';
import { calculatePayee, payeesOf, type PayeeResult } from './calculate-payees.js';
import type { WorkerMessage } from './calc-worker.js';
import { releaseWorker, startTask, stopWorker } from './calc-worker-pool.js';
import { creditPartition, readRunTransactions, runInputsHash, transactionLine, WHOLE } from './credit-partition.js';

export interface ComputeOptions {
  /** Reports payees calculated so far; a run records it as its progress. */
  readonly onProgress?: (done: number, total: number) => Promise<void> | void;
  /** Where the database lives (a file or postgres:// URL): worker threads open their own connections. */
  readonly databaseUrl?: string;
}

/**
 * Below this many payees a run is one partition: starting workers and handing managers' roll-up
 * credits between them cost more than they save (the large demo's 1,075 payees: 1.5 s in one
 * thread, 2.3 s in two; 10,000 payees and 5M credits: 49 s a year in one, 42.5 s in two;
 * docs/benchmarks.md).
 */
const PARTITIONS_FROM_PAYEES = 5000;

/** A database other threads can open: not SQLite in memory. */
const shareable = (url: string | undefined): url is string => url !== undefined && url !== ':memory:';

/**
 * Into how many partitions (and worker threads) a run of this many payees is split: one per
 * core, up to 4 (ATTAIN_CALC_WORKERS overrides), for a full run of many payees on a database
 * other threads can open; otherwise one, computed in the calling thread.
 */
export function partitionCount(databaseUrl: string | undefined, personIds: readonly string[] | null, payees: number): number {
  if (!shareable(databaseUrl) || personIds !== null) return 1;
  const env = Number(process.env.ATTAIN_CALC_WORKERS);
  if (Number.isInteger(env) && env >= 1) return env;
  return payees >= PARTITIONS_FROM_PAYEES ? Math.min(availableParallelism(), 4) : 1;
}

/**
 * Calculates a partition's payees: each as she settles (her credits final), then, once every
 * partition's credits are in, those left open. Results come in payee order. Progress is
 * reported from `report`, between pages of rows (a payee is calculated while a page is read).
 */
export function payeeCalculator(inputs: CalcInputs, plans: ReadonlyMap<string, Plan>, onProgress?: (done: number) => Promise<void> | void) {
  const assignmentsOf = new Map<string, FrozenAssignment[]>(payeesOf(inputs));
  const results: PayeeResult[] = [];
  let reported = 0;
  const settle = (personId: string, credits: readonly Credit[]): void => {
    const assignments = assignmentsOf.get(personId);
    if (assignments) results.push(calculatePayee({ inputs, plans, personId, assignments, credits }));
  };
  const report = async (): Promise<void> => {
    if (!onProgress || results.length - reported < 500) return;
    reported = results.length;
    await onProgress(reported);
  };
  const finish = async (open: ReadonlyMap<string, Credit[]>, handedOver: readonly (readonly Credit[])[]): Promise<PayeeResult[]> => {
    for (const list of handedOver) for (const c of list) open.get(c.payeeId)?.push(c);
    for (const [personId, credits] of open) {
      settle(personId, credits);
      await report();
    }
    await onProgress?.(results.length);
    return results.sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  };
  return { settle, report, finish };
}

/** Runs frozen before partitions (inputs version 1) hashed their transactions in one stream by date then id. */
async function streamInputsHash(db: Db | Tx, orgId: string, inputs: CalcInputs): Promise<string> {
  const h = createHash('sha256').update(canonicalJson(inputs));
  const byDate = (await readRunTransactions(db, orgId, inputs)).sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.date < b.date ? -1 : 1));
  for (const t of byDate) h.update(`\n${transactionLine(t, inputs.version)}`);
  return `sha256:${h.digest('hex')}`;
}

/** Every partition one after the other in this thread. */
async function computeHere(db: Db | Tx, orgId: string, inputs: CalcInputs, options: ComputeOptions): Promise<{ results: PayeeResult[]; inputsHash: string }> {
  const plans = await loadFrozenPlans(db as Tx, orgId, inputs);
  const payeeIds = payeesOf(inputs).map(([id]) => id);
  const partitions = inputs.partitions ?? WHOLE;
  const calculator = payeeCalculator(inputs, plans, (done) => options.onProgress?.(done, payeeIds.length));
  const open = new Map<string, Credit[]>();
  const handedOver: Credit[][] = [];
  const digests: string[] = [];
  for (let index = 0; index < partitions.length; index++) {
    const credited = await creditPartition(db, orgId, inputs, { payeeIds, partitions, index, settle: calculator.settle, betweenPages: calculator.report });
    for (const [id, list] of credited.open) open.set(id, list);
    handedOver.push(...credited.theirs);
    digests.push(credited.digest);
  }
  const results = await calculator.finish(open, handedOver);
  const inputsHash = inputs.version === 1 ? await streamInputsHash(db, orgId, inputs) : runInputsHash(inputs, digests);
  return { results, inputsHash };
}

/** A worker's error as this thread throws it: a DomainError keeps its code and fields. */
function rebuildError(error: { code?: string; message: string; issues?: DomainError['issues'] }): Error {
  return error.code === undefined ? new Error(error.message) : new DomainError(error.code as DomainError['code'], error.message, error.issues ?? []);
}

type Finished = { results: PayeeResult[]; digest: string };

/**
 * One worker thread per partition (credit-partition.ts), from the pool of warm ones: each reads
 * and credits its partition over its own connection, the credits owed to other partitions are
 * exchanged, then each calculates its payees. Any worker's failure fails the run.
 */
function computeInWorkers(orgId: string, inputs: CalcInputs, databaseUrl: string, options: ComputeOptions): Promise<{ results: PayeeResult[]; inputsHash: string }> {
  const partitions = inputs.partitions ?? WHOLE;
  const payeeIds = payeesOf(inputs).map(([id]) => id);
  return new Promise((resolve, reject) => {
    const tasks = partitions.map((_, index) => startTask({ databaseUrl, orgId, inputs, payeeIds, index }));
    const handedOver: (Credit[][] | undefined)[] = partitions.map(() => undefined);
    const done = partitions.map(() => 0);
    const finished: (Finished | undefined)[] = partitions.map(() => undefined);
    let settled = false;
    const onError = (error: Error) => fail(error);
    const onExit = (code: number) => fail(new Error(`calc worker stopped (exit code ${code}) before it finished`));
    const detach = () => tasks.forEach(({ worker }) => worker.off('error', onError).off('exit', onExit));
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      detach();
      for (const { worker, port } of tasks) stopWorker(worker, port);
      reject(error);
    };
    tasks.forEach(({ worker, port }, i) => {
      worker.on('error', onError).on('exit', onExit);
      port.on('message', (message: WorkerMessage) => {
        if (message.type === 'error') return fail(rebuildError(message.error));
        if (message.type === 'credited') {
          handedOver[i] = message.theirs;
          // Once every partition is credited, each gets what the others credited its payees (then this thread lets them go).
          const ready: boolean = handedOver.every((h) => h !== undefined);
          if (ready) {
            tasks.forEach((t, j) => t.port.postMessage(handedOver.map((h) => (h as Credit[][])[j] ?? [])));
            handedOver.fill(undefined);
          }
          return;
        }
        if (message.type === 'progress') {
          done[i] = message.done;
          void Promise.resolve(options.onProgress?.(done.reduce((a, b) => a + b, 0), payeeIds.length)).catch(fail);
          return;
        }
        finished[i] = { results: message.results, digest: message.digest };
        if (finished.every((f) => f !== undefined) && !settled) {
          settled = true;
          detach();
          for (const { worker, port: p } of tasks) releaseWorker(worker, p);
          // Partitions are id ranges in order, so their results concatenate in payee order.
          const all = finished as Finished[];
          resolve({ results: all.flatMap((f) => f.results), inputsHash: runInputsHash(inputs, all.map((f) => f.digest)) });
        }
      });
    });
  });
}

/**
 * Recomputes every payee of a run from its frozen inputs (a run in progress, or verify): in
 * worker threads when it was frozen in several partitions and the database can be shared,
 * otherwise in this thread. The results and hashes are the same either way.
 */
export function computeRun(db: Db | Tx, orgId: string, inputs: CalcInputs, options: ComputeOptions = {}): Promise<{ results: PayeeResult[]; inputsHash: string }> {
  if ((inputs.partitions ?? WHOLE).length > 1 && shareable(options.databaseUrl)) return computeInWorkers(orgId, inputs, options.databaseUrl, options);
  return computeHere(db, orgId, inputs, options);
}
