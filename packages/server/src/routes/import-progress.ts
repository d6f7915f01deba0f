import type { ImportProgress } from '@attain/app';
import { setImmediate as nextTurn } from 'node:timers/promises';

/*
 * The NDJSON variant of an import (`Accept: application/x-ndjson`): one JSON object per
 * line, `progress` lines while the import runs, then exactly one `report` or `error` line.
 */

export const NDJSON = 'application/x-ndjson';

/** A line at least every this many rows... */
const LINE_EVERY_ROWS = 1000;
/** ...and in between once this long has passed, so a slow import still moves the bar. */
const LINE_EVERY_MS = 200;
/** How often (rows) the import reports to us, to check the clock. */
export const CHECK_EVERY_ROWS = 100;
/** The body is handed to the parser in slices of this size, which is also the step of `done`. */
const SLICE_BYTES = 16 * 1024;

export interface ProgressLine {
  readonly type: 'progress';
  /** Data rows handled so far. */
  readonly rows: number;
  /** Bytes of the body handed to the parser so far. */
  readonly done: number;
  /** Byte length of the body. */
  readonly total: number;
}

/** True when the client asked for the NDJSON variant (any Accept entry naming it). */
export function wantsNdjson(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((entry) => entry.split(';')[0]?.trim().toLowerCase() === NDJSON);
}

/**
 * The body in slices, turning the event loop between them: SQLite's driver never waits on
 * IO, so without the turn the progress lines would sit in the stream until the import ended.
 */
export async function* slicesOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += SLICE_BYTES) {
    if (at > 0) await nextTurn();
    yield bytes.subarray(at, at + SLICE_BYTES);
  }
}

/** A web stream of NDJSON lines written as they come; a client that went away is not written to. */
export class LineStream {
  readonly readable: ReadableStream<Uint8Array>;
  private controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  private open = true;
  private readonly encoder = new TextEncoder();

  constructor() {
    this.readable = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.controller = controller;
      },
      cancel: () => {
        this.open = false;
      },
    });
  }

  send(line: object): void {
    if (this.open) this.controller?.enqueue(this.encoder.encode(`${JSON.stringify(line)}\n`));
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.controller?.close();
  }
}

/** Turns the import's progress calls into progress lines: at least every 1,000 rows, else every ~200 ms. */
export class ProgressLines {
  private sent: { rows: number; done: number } | undefined;
  private latest: ImportProgress = { rows: 0, done: 0 };
  private sentAt = 0;

  constructor(
    private readonly total: number,
    private readonly send: (line: ProgressLine) => void,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The first line, before any row: the client learns the size at once. */
  start(): void {
    this.emit();
  }

  readonly update = (progress: ImportProgress): void => {
    this.latest = progress;
    const rowsSince = progress.rows - (this.sent?.rows ?? 0);
    if (rowsSince >= LINE_EVERY_ROWS || this.clock() - this.sentAt >= LINE_EVERY_MS) this.emit();
  };

  /** The last state, unless it was sent already (called before the final line). */
  flush(): void {
    if (this.sent?.rows !== this.latest.rows || this.sent.done !== this.latest.done) this.emit();
  }

  private emit(): void {
    const { rows, done } = this.latest;
    this.sent = { rows, done };
    this.sentAt = this.clock();
    this.send({ type: 'progress', rows, done, total: this.total });
  }
}
