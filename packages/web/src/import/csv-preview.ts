/*
 * A small RFC 4180 reader for what the browser shows before the server sees the file: the
 * header, a few sample rows, and later the rows the dry run names. It follows the server's
 * reader (packages/app/src/imports/csv-reader.ts) where it matters to the user: quotes,
 * doubled quotes, line breaks inside quotes, CRLF / LF / CR line ends, a byte order mark,
 * strict quoting, and line numbers that are physical lines (a record starts on the line
 * after the line breaks of the record before it), so an error's line finds its row here.
 */

/** One record and the physical line it starts on (the first line of the file is 1). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

/** The file is not valid CSV at `line` (the line its broken record starts on). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`The file is not valid CSV at line ${line}: ${reason}.`);
  }
}

const lineBreaksIn = (cell: string): number => cell.match(/\r\n|\r|\n/g)?.length ?? 0;

/**
 * Every record of the text, read lazily (blank lines are records of one empty cell, as on
 * the server). Throws `CsvSyntaxError` on a quote left open or a stray quote, after yielding
 * every record before it.
 */
export function* csvRecords(text: string, delimiter = ','): Generator<CsvRecord> {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let breaks = 0;
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        i += 1;
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote < 0) throw new CsvSyntaxError(start, 'a quoted cell is not closed before the end of the file');
          cell += text.slice(i, quote);
          i = quote + 1;
          if (text[i] !== '"') break;
          cell += '"';
          i += 1;
        }
        const next = text[i];
        if (i < n && next !== delimiter && next !== '\n' && next !== '\r') throw new CsvSyntaxError(start, 'a quoted cell has text after its closing quote');
        breaks += lineBreaksIn(cell);
      } else {
        let end = i;
        while (end < n && text[end] !== delimiter && text[end] !== '\n' && text[end] !== '\r') end += 1;
        cell = text.slice(i, end);
        if (cell.includes('"')) throw new CsvSyntaxError(start, 'a quote inside a cell that does not start with one (quote the whole cell and double the quote)');
        i = end;
      }
      cells.push(cell);
      if (i < n && text[i] === delimiter) {
        i += 1;
        continue;
      }
      break;
    }
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    yield { line: start, cells };
    line = start + 1 + breaks;
  }
}

const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

export interface CsvPreview {
  /** The header cells, trimmed (as the server matches them); empty for a blank file. */
  readonly header: readonly string[];
  /** The first data rows, blank ones left out. */
  readonly rows: readonly CsvRecord[];
}

/** The header (the first non-blank record) and up to `maxRows` data rows. Throws `CsvSyntaxError`. */
export function previewCsv(text: string, maxRows = 5): CsvPreview {
  let header: string[] | undefined;
  const rows: CsvRecord[] = [];
  for (const record of csvRecords(text)) {
    if (isBlank(record.cells)) continue;
    if (!header) {
      header = record.cells.map((c) => c.trim());
      if (maxRows === 0) break;
      continue;
    }
    rows.push(record);
    if (rows.length >= maxRows) break;
  }
  return { header: header ?? [], rows };
}

/**
 * The cells of the records that start on the given lines, in one pass that stops after the
 * last of them. A syntax error ends the search quietly: the dry run reports it by itself.
 */
export function recordsAtLines(text: string, lines: Iterable<number>): Map<number, readonly string[]> {
  const wanted = new Set(lines);
  const found = new Map<number, readonly string[]>();
  if (wanted.size === 0) return found;
  const last = Math.max(...wanted);
  try {
    for (const record of csvRecords(text)) {
      if (record.line > last) break;
      if (wanted.has(record.line)) found.set(record.line, record.cells);
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
  }
  return found;
}
