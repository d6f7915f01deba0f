import { describe, expect, it } from 'vitest';
import { ndjsonLines, percentOf } from './import-api.js';

const encoder = new TextEncoder();
const streamOf = (...chunks: (string | Uint8Array)[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });

// The request itself is tested against the real server in e2e/specs/import.spec.ts.
describe('ndjsonLines', () => {
  it('splits lines across chunks, also inside a multi-byte character, and skips empty lines', async () => {
    const bytes = encoder.encode('{"a":"é"}\n\n{"b":2}\n{"c":3}');
    const cut = bytes.indexOf(0xa9);
    const lines: unknown[] = [];
    for await (const line of ndjsonLines(streamOf(bytes.slice(0, cut), bytes.slice(cut, 14), bytes.slice(14)))) lines.push(line);
    expect(lines).toEqual([{ a: 'é' }, { b: 2 }, { c: 3 }]);
  });
});

describe('percentOf', () => {
  it('is whole percent of the bytes read, 0 before the size is known', () => {
    expect(percentOf(null)).toBe(0);
    expect(percentOf({ rows: 0, done: 0, total: 0 })).toBe(0);
    expect(percentOf({ rows: 5, done: 333, total: 1000 })).toBe(33);
    expect(percentOf({ rows: 9, done: 1000, total: 1000 })).toBe(100);
  });
});
