import { DomainError, parseMajorToMinor } from '@attain/core';
import { parse } from 'csv-parse/sync';
import type { PlanExampleCredit } from './plan-schema.js';

const MAX_CSV_BYTES = 20_000_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Reads a credits CSV with the header id,type,amount,date (amounts in major units of `currency`). */
export function parseCreditsCsv({ text, currency }: { text: string; currency: string }): PlanExampleCredit[] {
  if (text.length > MAX_CSV_BYTES) throw new DomainError('validation_failed', 'credits: file too large', [{ field: 'credits', message: `at most ${MAX_CSV_BYTES} bytes` }]);
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false }) as string[][];
  } catch (error) {
    throw new DomainError('validation_failed', `credits: ${(error as Error).message}`, [{ field: 'credits', message: (error as Error).message }]);
  }
  const header = rows[0]?.map((h) => h.toLowerCase());
  if (!header || ['id', 'type', 'amount', 'date'].some((h) => !header.includes(h))) {
    throw new DomainError('validation_failed', 'credits: the header must name id, type, amount, date', [{ field: 'credits', message: 'header must be id,type,amount,date', line: 1 }]);
  }
  const col = (name: string): number => header.indexOf(name);
  const issues: { field: string; message: string; line: number }[] = [];
  const seen = new Set<string>();
  const credits = rows.slice(1).flatMap((row, i): PlanExampleCredit[] => {
    const line = i + 2;
    const [id, type, amount, date] = [row[col('id')] ?? '', row[col('type')] ?? '', row[col('amount')] ?? '', row[col('date')] ?? ''];
    const bad = (field: string, message: string): PlanExampleCredit[] => {
      issues.push({ field, message, line });
      return [];
    };
    if (!ID.test(id)) return bad('id', 'must be 1-64 letters, digits, _ . -');
    if (seen.has(id)) return bad('id', `duplicate credit id ${id}`);
    seen.add(id);
    if (!ID.test(type)) return bad('type', 'must be a credit type name');
    if (!DATE.test(date)) return bad('date', 'must be YYYY-MM-DD');
    try {
      return [{ id, type, amountMinor: parseMajorToMinor(amount, currency), date }];
    } catch (error) {
      return bad('amount', (error as Error).message);
    }
  });
  if (issues.length > 0) throw new DomainError('validation_failed', `credits: ${issues.length} bad row${issues.length === 1 ? '' : 's'}`, issues);
  return credits;
}
