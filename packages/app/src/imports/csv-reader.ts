import { DomainError } from '@attain/core';
import { CsvError, parse, type Options } from 'csv-parse';

/** One record of a CSV file and the physical line it starts on (the header is line 1). */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** Anything that yields the bytes of a file: a Node stream, a web stream, a generator, an array of chunks. */
export type CsvSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

export interface CsvReadOptions {
  readonly delimiter?: string;
  /** Called as bytes are consumed, for progress. */
  readonly onBytes?: (bytes: number) => void;
}

/** The longest record accepted (characters): a quote left open must not swallow a whole file into memory. */
export const MAX_RECORD_CHARS = 1_000_000;

const LINE_BREAK = /\r\n|\r|\n/g;
const breaksIn = (cells: readonly string[]): number => {
  let n = 0;
  for (const cell of cells) if (cell.includes('\n') || cell.includes('\r')) n += cell.match(LINE_BREAK)?.length ?? 0;
  return n;
};

async function* counted(source: CsvSource, onBytes?: (bytes: number) => void): AsyncGenerator<Uint8Array | string> {
  let bytes = 0;
  for await (const chunk of source) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    onBytes?.(bytes);
    yield chunk;
  }
}

/** The parser's error as an import failure at the line of the record being read. */
function failure(error: unknown, line: number): unknown {
  if (!(error instanceof CsvError)) return error;
  const message = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted cell is not closed before the end of the file' : error.message.replace(/ at line \d+.*$/s, '');
  return new DomainError('import_failed', `The file is not valid CSV at line ${line}: ${message}`, [{ field: 'file', message, line }]);
}

/**
 * Streams the records of an RFC 4180 file (quoted delimiters, doubled quotes, line breaks
 * inside quotes, a UTF-8 byte order mark, CRLF or LF endings). Each record carries the line
 * it starts on, counted by us: a record takes one line plus the line breaks inside its
 * quoted cells. Empty lines are records of one empty cell, so they are counted too (the
 * caller skips blank records). A file that cannot be parsed fails with `import_failed` at
 * the line of the record that broke it, after every record before it was yielded.
 */
export async function* readCsv(source: CsvSource, options: CsvReadOptions = {}): AsyncGenerator<CsvRow> {
  let nextLine = 1;
  // Records are taken as the parser makes them and the next chunk is written only once they
  // are consumed: memory holds one chunk's records, and none is lost when a later one fails.
  let queue: CsvRow[] = [];
  let error: unknown;
  const parserOptions: Options<CsvRow, string[]> = {
    bom: true,
    delimiter: options.delimiter ?? ',',
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
    on_record: (cells: string[]) => {
      queue.push({ line: nextLine, cells });
      nextLine += 1 + breaksIn(cells);
      return null;
    },
  };
  // The typings tie on_record's result to string[]; here it keeps records to itself.
  const parser = parse(parserOptions as unknown as Options);
  parser.on('error', (e) => (error ??= e));
  // Resolves when the parser took the chunk, or failed on it.
  const settle = (start: (done: () => void) => void) =>
    new Promise<void>((resolve) => {
      const failed = () => resolve();
      parser.once('error', failed);
      start(() => {
        parser.off('error', failed);
        resolve();
      });
    });
  try {
    for await (const chunk of counted(source, options.onBytes)) {
      await settle((done) => parser.write(chunk, () => done()));
      const rows = queue;
      queue = [];
      yield* rows;
      if (error) throw failure(error, nextLine);
    }
    await settle((done) => parser.end(() => done()));
    yield* queue;
    if (error) throw failure(error, nextLine);
  } finally {
    parser.destroy();
  }
}
