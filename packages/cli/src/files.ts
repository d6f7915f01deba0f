import { readFileSync, statSync } from 'node:fs';
import { invalid } from '@attain/core';

/** Reads a file after checking it exists and is not larger than `maxBytes` (refused before reading). */
export function readText(path: string, field: string, maxBytes: number): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw invalid(field, `no file ${path}`);
  }
  if (size > maxBytes) throw invalid(field, `${path} is larger than ${maxBytes} bytes`);
  return readFileSync(path, 'utf8');
}
