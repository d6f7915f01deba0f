import { describe, expect, it } from 'vitest';
import { readCsv, type CsvRow, type CsvSource } from './csv-reader.js';
import { normaliseDate, normaliseInstant, unneutralise } from './cell-values.js';

async function* chunked(bytes: Buffer, size: number): CsvSource {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function rows(text: string | Buffer, size = 3): Promise<CsvRow[]> {
  const out: CsvRow[] = [];
  for await (const row of readCsv(chunked(Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), size))) out.push(row);
  return out;
}

describe('reading RFC 4180 files', () => {
  it('handles quoted commas, escaped quotes and line breaks inside quotes, counting physical lines', async () => {
    const text = 'a,b,c\n"x, y","say ""hi""","line 1\nline 2\nline 3"\nplain,,"last"\n';
    expect(await rows(text)).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x, y', 'say "hi"', 'line 1\nline 2\nline 3'] },
      { line: 5, cells: ['plain', '', 'last'] },
    ]);
  });

  it('handles CRLF endings (also split across chunks), a UTF-8 byte order mark and a last line without a break', async () => {
    const text = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name,note\r\n"Zoë","a\r\nb"\r\n\r\nÅsa,"x"', 'utf8')]);
    for (const size of [1, 2, 5, 1000]) {
      expect(await rows(text, size)).toEqual([
        { line: 1, cells: ['name', 'note'] },
        { line: 2, cells: ['Zoë', 'a\r\nb'] },
        { line: 4, cells: [''] },
        { line: 5, cells: ['Åsa', 'x'] },
      ]);
    }
  });

  it('keeps rows with too few or too many cells for the importer to report', async () => {
    expect(await rows('a,b\n1\n1,2,3\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1'] },
      { line: 3, cells: ['1', '2', '3'] },
    ]);
  });

  it('fails at the line of the record whose quote is never closed', async () => {
    await expect(rows('a,b\r\n1,2\r\n3,"open\r\n4,5\r\n')).rejects.toMatchObject({
      code: 'import_failed',
      issues: [{ line: 3, field: 'file', message: 'a quoted cell is not closed before the end of the file' }],
    });
  });

  it('fails at the line of a stray character after a closing quote', async () => {
    await expect(rows('a,b\n1,2\n3,"bad"x\n')).rejects.toMatchObject({ code: 'import_failed', issues: [{ line: 3, field: 'file' }] });
  });
});

describe('cell conversions', () => {
  it('reads dates as YYYY-MM-DD and M/D/YYYY (Salesforce, US)', () => {
    expect(normaliseDate('2027-03-31')).toBe('2027-03-31');
    expect(normaliseDate('2027-03-31 00:00')).toBe('2027-03-31');
    expect(normaliseDate('3/31/2027')).toBe('2027-03-31');
    expect(normaliseDate('12/1/2026 9:14 AM')).toBe('2026-12-01');
    expect(normaliseDate('31.03.2027')).toBe('31.03.2027');
  });

  it('reads instants with a zone as written and others as UTC', () => {
    expect(normaliseInstant('2027-01-02T10:00:00Z')).toEqual({ ok: true, value: '2027-01-02T10:00:00Z' });
    expect(normaliseInstant('2027-01-02 10:00')).toEqual({ ok: true, value: '2027-01-02T10:00:00.000Z' });
    expect(normaliseInstant('1/2/2027 1:30 PM')).toEqual({ ok: true, value: '2027-01-02T13:30:00.000Z' });
    expect(normaliseInstant('soon')).toMatchObject({ ok: false });
  });

  it("strips the quote the export put before a formula character, and only that", () => {
    expect(unneutralise("'=1+1")).toBe('=1+1');
    expect(unneutralise("'-12")).toBe('-12');
    expect(unneutralise("'\tx")).toBe('\tx');
    expect(unneutralise("'quoted'")).toBe("'quoted'");
    expect(unneutralise('=1+1')).toBe('=1+1');
  });
});
