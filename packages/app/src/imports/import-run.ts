import { DomainError, type Actor, type Organisation, type RecordMeta } from '@attain/core';
import type { Tx } from '@attain/store';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { createInTx, updateInTx } from '../crm/records.js';
import { fromWire } from '../crm/wire.js';
import type { CsvEntitySpec } from './csv-entities.js';
import type { CsvRow } from './csv-reader.js';
import type { ImportIssue } from './import-csv.js';
import { missingMessage } from './references.js';
import { applyDefaults, buildRowInput, cellFor, type DeferredRef, type RowContext } from './row-input.js';
import { SeenKeys } from './seen-keys.js';

export interface ImportCounts {
  /** Data rows in the file (blank lines not counted). */
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  /** Rows that matched a record and would change nothing: not written, so versions and history stay. */
  readonly unchanged: number;
}

interface RunSetup {
  readonly ctx: AppContext;
  readonly tx: Tx;
  readonly actor: Actor;
  readonly org: Organisation;
  readonly spec: CsvEntitySpec;
  readonly row: RowContext;
  readonly defaults: Readonly<Record<string, string>>;
  readonly maxErrors: number;
}

const same = (a: unknown, b: unknown): boolean => a === b || ((a === null || a === undefined) && (b === null || b === undefined));

/** True when every given field equals the stored value (money compared as bigint, after wire conversion). */
function unchanged(spec: CsvEntitySpec, existing: RecordMeta, values: Record<string, unknown>): boolean {
  let converted: Record<string, unknown>;
  try {
    converted = fromWire(spec.def.repo, values);
  } catch {
    return false;
  }
  const stored = existing as unknown as Record<string, unknown>;
  return Object.entries(converted).every(([field, value]) => same(stored[field], value));
}

/** Handles the rows of one import inside its transaction, counting outcomes and collecting issues. */
export class ImportRun {
  readonly errors: ImportIssue[] = [];
  errorCount = 0;
  private readonly tally = { rows: 0, created: 0, updated: 0, unchanged: 0 };
  /** External ids with the line each first appeared on (a repeat in one file is an error). */
  private readonly seen = new SeenKeys();
  private readonly pending: { line: number; recordId: string; ref: DeferredRef }[] = [];

  constructor(private readonly setup: RunSetup) {}

  get counts(): ImportCounts {
    return { ...this.tally };
  }

  private fail(line: number, issues: readonly { field: string; message: string }[]): void {
    this.errorCount += 1;
    for (const issue of issues) if (this.errors.length < this.setup.maxErrors) this.errors.push({ line, ...issue });
  }

  private header(field: string): string {
    return this.setup.row.mapping.headerOfField.get(field) ?? field;
  }

  private fromDomainError(error: DomainError): { field: string; message: string }[] {
    if (error.issues.length === 0) return [{ field: 'row', message: error.message }];
    return error.issues.map((i) => ({ field: this.header(i.field), message: i.message }));
  }

  private fromZod(error: z.ZodError, input: Record<string, unknown>): { field: string; message: string }[] {
    return error.issues.map((issue) => {
      const field = String(issue.path[0] ?? 'row');
      const missing = issue.code === 'invalid_type' && input[field] === undefined;
      return { field: this.header(field), message: missing ? 'is required' : issue.message };
    });
  }

  private async findExisting(cells: readonly string[], line: number): Promise<RecordMeta | null | 'duplicate'> {
    const { spec, tx, actor, row } = this.setup;
    const externalId = cellFor(row.mapping, cells, 'externalId')?.value.trim();
    if (externalId) {
      const first = this.seen.firstLine(externalId, line);
      if (first !== undefined) {
        this.fail(line, [{ field: this.header('externalId'), message: `"${externalId}" appears again (first on line ${first})` }]);
        return 'duplicate';
      }
      const byExternal = await spec.def.repo.getByExternalId(tx, actor.orgId, externalId);
      if (byExternal) return byExternal;
    }
    const id = cellFor(row.mapping, cells, 'id')?.value.trim();
    return id ? ((await spec.def.repo.get(tx, actor.orgId, id)) ?? null) : null;
  }

  /** Validates and writes one data row (upsert on external id, else on our id when it exists here). */
  async row({ line, cells }: CsvRow): Promise<void> {
    if (cells.every((c) => c.trim() === '')) return;
    this.tally.rows += 1;
    const { ctx, tx, actor, org, spec, row } = this.setup;
    if (cells.length !== row.mapping.headerCount) {
      this.fail(line, [{ field: 'row', message: `has ${cells.length} cells; the header has ${row.mapping.headerCount}` }]);
      return;
    }
    const existing = await this.findExisting(cells, line);
    if (existing === 'duplicate') return;
    const built = await buildRowInput(row, cells, existing);
    if (!existing) applyDefaults(row, this.setup.defaults, built);
    if (built.issues.length) {
      this.fail(line, built.issues);
      return;
    }
    const schema = existing ? spec.schemas.update : spec.schemas.create;
    const parsed = schema.safeParse(built.input);
    if (existing && unchanged(spec, existing, parsed.success ? (parsed.data as Record<string, unknown>) : built.input)) {
      this.tally.unchanged += 1;
      for (const ref of built.deferred) this.pending.push({ line, recordId: existing.id, ref });
      return;
    }
    if (!parsed.success) {
      this.fail(line, this.fromZod(parsed.error, built.input));
      return;
    }
    const input = parsed.data as Record<string, unknown>;
    try {
      const record = existing
        ? await updateInTx(ctx, tx, actor, org, spec.def, existing.id, input)
        : await createInTx(ctx, tx, actor, org, spec.def, input);
      this.tally[existing ? 'updated' : 'created'] += 1;
      for (const ref of built.deferred) this.pending.push({ line, recordId: record.id, ref });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.fail(line, this.fromDomainError(error));
    }
  }

  /** Relations to records of the same file that came after the row naming them (a parent account, a manager). */
  async finish(): Promise<void> {
    const { ctx, tx, actor, org, spec, row } = this.setup;
    for (const { line, recordId, ref } of this.pending) {
      let id: string | undefined;
      for (const candidate of ref.candidates) {
        const found = await row.resolver.resolve(ref.target, candidate.kinds, candidate.value);
        if ('id' in found) {
          id = found.id;
          break;
        }
      }
      const first = ref.candidates[0];
      if (!id || !first) {
        if (first) this.fail(line, [{ field: first.header, message: missingMessage(ref.target, first.kinds, first.value) }]);
        continue;
      }
      const current = (await spec.def.repo.get(tx, actor.orgId, recordId)) as unknown as Record<string, unknown> | undefined;
      if (current?.[ref.field] === id) continue;
      try {
        await updateInTx(ctx, tx, actor, org, spec.def, recordId, { [ref.field]: id });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        this.fail(line, this.fromDomainError(error));
      }
    }
  }
}
