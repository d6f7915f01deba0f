import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { WorkerTask } from './calc-worker.js';

/*
 * Calc workers kept between runs: starting a thread loads the app's modules (0.5-0.7 s on the
 * 2-core host), and a warm thread also keeps its compiled code, so every quarter of a year of
 * runs paid it again (docs/benchmarks.md). An idle worker does not keep the process alive, and
 * stops after a minute without work so that a server gives its memory back.
 * A worker whose run failed is terminated, not returned: it may be mid-task.
 */

/** Built, the worker sits beside this module; run from source (the tests), it is the build's (npm test builds first). */
const workerFile = (): URL => (import.meta.url.endsWith('.ts') ? new URL('../../dist/calc/calc-worker.js', import.meta.url) : new URL('./calc-worker.js', import.meta.url));

const idle: Worker[] = [];
/** A worker left waiting this long stops, giving its memory back (a year of runs back to back keeps them warm). */
const IDLE_MS = 60_000;
const idleTimers = new WeakMap<Worker, NodeJS.Timeout>();

const leave = (worker: Worker): void => {
  const at = idle.indexOf(worker);
  if (at >= 0) idle.splice(at, 1);
};

function startWorker(): Worker {
  const worker = new Worker(workerFile());
  worker.on('exit', () => leave(worker));
  return worker;
}

/** A worker running `task`; its messages come over the returned port. */
export function startTask(task: WorkerTask): { worker: Worker; port: MessagePort } {
  const worker = idle.pop() ?? startWorker();
  clearTimeout(idleTimers.get(worker));
  worker.ref();
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ task, port: port2 }, [port2]);
  return { worker, port: port1 };
}

/** A worker whose task finished goes back to wait for the next run. */
export function releaseWorker(worker: Worker, port: MessagePort): void {
  port.close();
  worker.unref();
  idle.push(worker);
  const timer = setTimeout(() => {
    // Out of the pool first, so that no run takes a worker that is stopping.
    leave(worker);
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idleTimers.set(worker, timer);
}

/** A worker whose run failed (or is abandoned) stops. */
export function stopWorker(worker: Worker, port: MessagePort): void {
  port.close();
  void worker.terminate();
}

/** The thread ids of the workers waiting for a run (tests check that runs reuse them). */
export const idleWorkerIds = (): number[] => idle.map((w) => w.threadId).sort((a, b) => a - b);
