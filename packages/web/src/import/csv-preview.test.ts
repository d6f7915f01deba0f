import { describe, expect, it } from 'vitest';
import { csvRecords, CsvSyntaxError, previewCsv, recordsAtLines } from './csv-preview.js';

const all = (text: string) => [...csvRecords(text)];

describe('csvRecords', () => {
  it('reads plain cells, empty cells and a missing final line break', () => {
    expect(all('a,b,c\n1,,3')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', '', '3'] },
    ]);
    expect(all('a,\n')).toEqual([{ line: 1, cells: ['a', ''] }]);
  });

  it('reads quoted delimiters, doubled quotes and empty quoted cells', () => {
    expect(all('"Acme, Inc.","He said ""hi""",""\r\n')).toEqual([{ line: 1, cells: ['Acme, Inc.', 'He said "hi"', ''] }]);
  });

  it('takes CRLF, LF and CR line ends, also mixed', () => {
    expect(all('h\r\na\nb\rc\r\n').map((r) => r.cells[0])).toEqual(['h', 'a', 'b', 'c']);
  });

  it('counts physical lines: a line break inside quotes moves the next record down', () => {
    const records = all('name,notes\r\nA,"two\r\nlines"\r\nB,"three\nlines\rhere"\nC,x\n');
    expect(records.map((r) => [r.line, r.cells[0]])).toEqual([[1, 'name'], [2, 'A'], [4, 'B'], [7, 'C']]);
    expect(records[1]?.cells[1]).toBe('two\r\nlines');
  });

  it('counts blank lines as records of one empty cell', () => {
    expect(all('h\n\nx\n')).toEqual([
      { line: 1, cells: ['h'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['x'] },
    ]);
  });

  it('skips a byte order mark', () => {
    expect(all('\uFEFFname\nx')[0]?.cells).toEqual(['name']);
  });

  it('refuses a quote left open, at the line its record starts on, after the records before it', () => {
    const records: number[] = [];
    expect(() => {
      for (const r of csvRecords('h\nok\n"open\nstill open\n')) records.push(r.line);
    }).toThrow(new CsvSyntaxError(3, 'a quoted cell is not closed before the end of the file'));
    expect(records).toEqual([1, 2]);
  });

  it('refuses text after a closing quote and a stray quote in an unquoted cell', () => {
    expect(() => all('h\n"a"b\n')).toThrow(CsvSyntaxError);
    expect(() => all('h\na"b\n')).toThrow(/line 2/);
  });

  it('reads another delimiter', () => {
    expect([...csvRecords('a;"b;c"\n', ';')][0]?.cells).toEqual(['a', 'b;c']);
  });
});

describe('previewCsv', () => {
  it('gives the trimmed header of the first non-blank line and the first rows, blank ones skipped', () => {
    const preview = previewCsv('\n , \n name , employees \n\nAcme,10\n,\nBeta,20\nGamma,30\n', 2);
    expect(preview.header).toEqual(['name', 'employees']);
    expect(preview.rows).toEqual([
      { line: 5, cells: ['Acme', '10'] },
      { line: 7, cells: ['Beta', '20'] },
    ]);
  });

  it('gives an empty header for an empty file', () => {
    expect(previewCsv('')).toEqual({ header: [], rows: [] });
    expect(previewCsv('\r\n\r\n')).toEqual({ header: [], rows: [] });
  });

  it('does not read past the rows it shows, so a later syntax error does not stop the preview', () => {
    expect(previewCsv('h\n1\n2\n"broken', 2).rows.map((r) => r.cells[0])).toEqual(['1', '2']);
  });
});

describe('recordsAtLines', () => {
  it('finds the records starting on the given lines', () => {
    const text = 'name,notes\nA,"x\ny"\nB,z\nC,w\n';
    const found = recordsAtLines(text, [4, 2, 9]);
    expect([...found.entries()].sort()).toEqual([
      [2, ['A', 'x\ny']],
      [4, ['B', 'z']],
    ]);
  });

  it('keeps what it found before a syntax error', () => {
    expect(recordsAtLines('h\nA\n"open', [2, 3]).get(2)).toEqual(['A']);
  });
});
