import type { RecordMeta } from '@attain/core';
import type { z } from 'zod';
import { convertCell, unneutralise } from './cell-values.js';
import { refColumns, type CsvEntitySpec, type FieldColumn, type LookupKind, type RefColumn, type RefSpec, type TargetName } from './csv-entities.js';
import type { ColumnMapping } from './column-mapping.js';
import type { PipelineLookup } from './pipeline-lookup.js';
import { ambiguousMessage, missingMessage, type ReferenceResolver, type Resolution } from './references.js';

/** A problem with one cell, named by the header it came from. */
export interface CellIssue {
  readonly field: string;
  readonly message: string;
}

export interface RefCandidate {
  readonly header: string;
  readonly kinds: readonly LookupKind[];
  readonly value: string;
}

/** A relation to a record of the entity being imported that may come later in the file. */
export interface DeferredRef {
  readonly field: string;
  readonly target: TargetName;
  readonly candidates: readonly RefCandidate[];
}

export interface RowInput {
  /** Wire input for the use cases: what the API would receive for this row. */
  readonly input: Record<string, unknown>;
  readonly issues: CellIssue[];
  readonly deferred: DeferredRef[];
}

export interface RowContext {
  readonly spec: CsvEntitySpec;
  readonly mapping: ColumnMapping;
  readonly resolver: ReferenceResolver;
  readonly pipelines: PipelineLookup | null;
  readonly orgCurrency: string;
  /** The target name of the entity being imported (relations to it may be deferred). */
  readonly self: TargetName | null;
}

interface Cell {
  readonly header: string;
  readonly value: string;
}

/** The cell for a native column: the first non-empty of the columns mapped to it; undefined when no column maps to it. */
export function cellFor(mapping: ColumnMapping, cells: readonly string[], native: string): Cell | undefined {
  const columns = mapping.byNative.get(native);
  if (!columns?.length) return undefined;
  for (const c of columns) {
    const value = unneutralise(cells[c.index] ?? '');
    if (value.trim() !== '') return { header: c.header, value };
  }
  return { header: (columns[0] as { header: string }).header, value: '' };
}

const nullable = new WeakMap<z.ZodObject, Map<string, boolean>>();

/** Does the entity's create schema take null for this field? Empty cells become null there and are left out elsewhere (so defaults apply). */
export function acceptsNull(schema: z.ZodObject, field: string): boolean {
  let known = nullable.get(schema);
  if (!known) nullable.set(schema, (known = new Map()));
  let result = known.get(field);
  if (result === undefined) {
    result = (schema.shape[field] as z.ZodType | undefined)?.safeParse(null).success ?? false;
    known.set(field, result);
  }
  return result;
}

function setEmpty(ctx: RowContext, input: Record<string, unknown>, field: string): void {
  if (acceptsNull(ctx.spec.schemas.create, field)) input[field] = null;
}

/** The currency amounts of the row are in: its own column, else the record's, else the organisation's. */
function rowCurrency(ctx: RowContext, cells: readonly string[], existing: RecordMeta | null): string {
  const own = cellFor(ctx.mapping, cells, 'currency')?.value.trim();
  return own || ((existing as { currency?: string } | null)?.currency ?? ctx.orgCurrency);
}

const columnsByField = new WeakMap<CsvEntitySpec, Map<string, FieldColumn[]>>();

/** The columns feeding each field (`amount` and `amountMinor` both feed `amountMinor`). */
function fieldColumns(spec: CsvEntitySpec): Map<string, FieldColumn[]> {
  let byField = columnsByField.get(spec);
  if (!byField) {
    byField = new Map();
    for (const column of spec.fields) byField.set(column.field, [...(byField.get(column.field) ?? []), column]);
    columnsByField.set(spec, byField);
  }
  return byField;
}

function readFields(ctx: RowContext, cells: readonly string[], existing: RecordMeta | null, out: RowInput): void {
  const currency = rowCurrency(ctx, cells, existing);
  for (const [field, columns] of fieldColumns(ctx.spec)) {
    let present = false;
    for (const column of columns) {
      const cell = cellFor(ctx.mapping, cells, column.column);
      if (!cell) continue;
      present = true;
      if (cell.value.trim() === '') continue;
      const result = convertCell(column, cell.value, currency);
      if (result.ok) out.input[field] = result.value;
      else out.issues.push({ field: cell.header, message: result.message });
      present = false;
      break;
    }
    if (present) setEmpty(ctx, out.input, field);
  }
}

async function resolveOne(ctx: RowContext, target: TargetName, candidate: RefCandidate, pipelineId: string | null): Promise<Resolution> {
  if (target === 'pipeline') return ctx.pipelines?.pipeline(candidate.kinds, candidate.value) ?? { missing: true };
  if (target === 'stage') return pipelineId && ctx.pipelines ? ctx.pipelines.stage(pipelineId, candidate.kinds, candidate.value) : { missing: true };
  return ctx.resolver.resolve(target, candidate.kinds, candidate.value);
}

/**
 * Resolves one relation from its columns, most specific first. Returns the id, null for
 * empty cells, undefined when no column names the relation or it could not be resolved
 * (an issue or a deferral is recorded then).
 */
async function readRef(ctx: RowContext, cells: readonly string[], ref: RefSpec, out: RowInput, pipelineId: string | null = null): Promise<string | null | undefined> {
  const present: { column: RefColumn; cell: Cell }[] = [];
  for (const column of refColumns(ref)) {
    const cell = cellFor(ctx.mapping, cells, column.column);
    if (cell) present.push({ column, cell });
  }
  if (present.length === 0) return undefined;
  const candidates: RefCandidate[] = present
    .filter((p) => p.cell.value.trim() !== '')
    .map((p) => ({ header: p.cell.header, kinds: p.column.kinds, value: p.cell.value.trim() }));
  if (candidates.length === 0) return null;
  for (const candidate of candidates) {
    const found = await resolveOne(ctx, ref.target, candidate, pipelineId);
    if ('id' in found) return found.id;
    if ('ambiguous' in found) {
      out.issues.push({ field: candidate.header, message: ambiguousMessage(ref.target, found.ambiguous, candidate.value) });
      return undefined;
    }
  }
  const first = candidates[0] as RefCandidate;
  if (ref.target === ctx.self) out.deferred.push({ field: ref.field, target: ref.target, candidates });
  else if (ref.target === 'stage') {
    out.issues.push({ field: first.header, message: `no stage "${first.value}" in pipeline "${pipelineId ? (ctx.pipelines?.nameOf(pipelineId) ?? '') : ''}"` });
  } else out.issues.push({ field: first.header, message: missingMessage(ref.target, first.kinds, first.value) });
  return undefined;
}

/** Pipeline (given, else the record's, else the default) and the stage named within it. */
async function readPipelineAndStage(ctx: RowContext, cells: readonly string[], existing: RecordMeta | null, out: RowInput): Promise<void> {
  const pipelineRef = ctx.spec.refs.find((r) => r.target === 'pipeline');
  const stageRef = ctx.spec.refs.find((r) => r.target === 'stage');
  if (!pipelineRef || !stageRef) return;
  const issuesBefore = out.issues.length;
  const given = await readRef(ctx, cells, pipelineRef, out);
  if (out.issues.length > issuesBefore) return;
  if (given) out.input.pipelineId = given;
  const pipelineId = given ?? (existing as { pipelineId?: string } | null)?.pipelineId ?? ctx.pipelines?.defaultId ?? null;
  const stage = await readRef(ctx, cells, stageRef, out, pipelineId);
  if (stage) {
    out.input.stageId = stage;
    if (pipelineId) out.input.pipelineId = pipelineId;
  }
}

/** Builds the wire input of one row: cells converted, relations resolved to ids. */
export async function buildRowInput(ctx: RowContext, cells: readonly string[], existing: RecordMeta | null): Promise<RowInput> {
  const out: RowInput = { input: {}, issues: [], deferred: [] };
  readFields(ctx, cells, existing, out);
  for (const ref of ctx.spec.refs) {
    if (ref.target === 'pipeline' || ref.target === 'stage') continue;
    const id = await readRef(ctx, cells, ref, out);
    if (id === null) setEmpty(ctx, out.input, ref.field);
    else if (id !== undefined) out.input[ref.field] = id;
  }
  await readPipelineAndStage(ctx, cells, existing, out);
  if (ctx.spec.composeName && (out.input.name === undefined || out.input.name === null)) {
    const parts = ['firstName', 'lastName'].map((c) => cellFor(ctx.mapping, cells, c)?.value.trim() ?? '').filter(Boolean);
    if (parts.length) out.input.name = parts.join(' ');
  }
  return out;
}

/** Fills fields a new record needs but the source system does not have (a preset's defaults). */
export function applyDefaults(ctx: RowContext, defaults: Readonly<Record<string, string>>, out: RowInput): void {
  for (const [native, value] of Object.entries(defaults)) {
    const column = ctx.spec.fields.find((f) => f.column === native);
    if (!column || (out.input[column.field] !== undefined && out.input[column.field] !== null)) continue;
    const result = convertCell(column, value, ctx.orgCurrency);
    if (result.ok) out.input[column.field] = result.value;
  }
}
