import { CSV_ENTITIES, CSV_SPECS, exportCsv, importCsv, IMPORT_PRESETS, isCsvEntity, isImportPreset, type CsvEntity, type CsvSource, type ExportView } from '@attain/app';
import { DomainError } from '@attain/core';
import { ErrorBody, ListQueryBase } from '@attain/contract';
import type { Context } from 'hono';
import { z } from 'zod';
import { actorOf, requireAbility } from '../auth.middleware.js';
import type { AppEnv } from '../env.js';
import { errorResponse, validationBody } from '../errors.js';
import type { Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';
import { listInputOf, listQueryOf } from './crm.routes.js';
import { CHECK_EVERY_ROWS, LineStream, NDJSON, ProgressLines, slicesOf, wantsNdjson } from './import-progress.js';
import { ErrorLineSchema, errorLineOf } from './ndjson-job.js';

/*
 * CSV import and export. The bodies are CSV, not JSON, so these are plain Hono routes with
 * the same guard as every other route, entered in the route registry (the permission
 * snapshot) and described in the OpenAPI document by hand.
 */

export const ImportReportSchema = z.object({
  entity: z.enum(CSV_ENTITIES),
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
  errorCount: z.number().int(),
  warnings: z.array(z.string()),
});

const ProgressLineSchema = z.object({
  type: z.literal('progress'),
  rows: z.number().int().describe('data rows handled so far'),
  done: z.number().int().describe('bytes of the body read so far'),
  total: z.number().int().describe('byte length of the body'),
});
const ReportLineSchema = z.object({ type: z.literal('report'), report: ImportReportSchema });
/** One line of the NDJSON variant of an import. */
export const ImportStreamLineSchema = z.discriminatedUnion('type', [ProgressLineSchema, ReportLineSchema, ErrorLineSchema]);

const EntityParam = z.object({ entity: z.enum(CSV_ENTITIES) });

/** What the OpenAPI document shows of the export query; the filters depend on the entity. */
const ExportQueryDoc = ListQueryBase.omit({ limit: true, cursor: true });

const ImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).optional().describe('validate every row and write nothing (default false)'),
  preset: z.enum(IMPORT_PRESETS).optional().describe('column names of the source system (default native)'),
  mapping: z.string().max(20_000).optional().describe('JSON object of "source column": "native column" (or null to skip)'),
});

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel'];

const bad = (field: string, message: string) => new DomainError('validation_failed', `${field}: ${message}`, [{ field, message }]);

function entityOf(c: Context<AppEnv>): CsvEntity {
  const entity = c.req.param('entity') ?? '';
  if (!isCsvEntity(entity)) throw bad('entity', `must be one of ${CSV_ENTITIES.join(', ')}`);
  return entity;
}

function importOptionsOf(c: Context<AppEnv>): { dryRun: boolean; preset: (typeof IMPORT_PRESETS)[number]; mapping?: unknown } {
  const dryRun = c.req.query('dryRun') ?? 'false';
  if (dryRun !== 'true' && dryRun !== 'false') throw bad('dryRun', 'must be true or false');
  const preset = c.req.query('preset') ?? 'native';
  if (!isImportPreset(preset)) throw bad('preset', `must be one of ${IMPORT_PRESETS.join(', ')}`);
  const rawMapping = c.req.query('mapping');
  if (rawMapping === undefined) return { dryRun: dryRun === 'true', preset };
  try {
    return { dryRun: dryRun === 'true', preset, mapping: JSON.parse(rawMapping) as unknown };
  } catch {
    throw bad('mapping', 'is not valid JSON');
  }
}

/**
 * The request body, read whole before the import starts (at most 10 MB, the API's body
 * limit): the import's transaction must never wait on a slow client. Big files go through
 * the CLI, which streams them.
 */
async function bodyOf(c: Context<AppEnv>): Promise<CsvSource> {
  checkContentType(c);
  return [await c.req.text()];
}

function checkContentType(c: Context<AppEnv>): void {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!CSV_TYPES.includes(type)) throw bad('content-type', 'send the file as text/csv');
}

/**
 * The import with progress: 200 at once, then NDJSON lines as the import runs. The body is
 * still read whole first (the transaction never waits on the client); it is handed to the
 * parser in slices so that `done` moves and the lines reach the client while rows are written.
 * A client that goes away does not stop the import (as with the JSON variant).
 */
async function importWithProgress(c: Context<AppEnv>): Promise<Response> {
  const lines = new LineStream();
  const headers = { 'content-type': `${NDJSON}; charset=utf-8`, 'cache-control': 'no-store', 'x-accel-buffering': 'no' };
  let start: () => Promise<void>;
  try {
    const entity = entityOf(c);
    const options = importOptionsOf(c);
    checkContentType(c);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const progress = new ProgressLines(bytes.byteLength, (line) => lines.send(line));
    start = async () => {
      progress.start();
      try {
        const report = await importCsv(c.get('ctx'), actorOf(c), {
          entity, source: slicesOf(bytes), ...options, totalBytes: bytes.byteLength, progressEveryRows: CHECK_EVERY_ROWS, onProgress: progress.update,
        });
        progress.flush();
        lines.send({ type: 'report', report });
      } catch (error) {
        progress.flush();
        lines.send(await errorLineOf(c, error));
      }
    };
  } catch (error) {
    const line = await errorLineOf(c, error);
    start = async () => lines.send(line);
  }
  void start()
    .catch((error: unknown) => console.error('import progress stream failed', error))
    .finally(() => lines.close());
  return c.body(lines.readable, 200, headers);
}

/** The list query of the entity's list route without its paging, validated as strictly (an unknown parameter is named). */
function exportViewOf(c: Context<AppEnv>, entity: CsvEntity): ExportView | Response {
  const schema = listQueryOf(CSV_SPECS[entity].def.repo.spec.filterable).omit({ limit: true, cursor: true });
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) return c.json(validationBody(parsed.error, 'query'), 422);
  return listInputOf(parsed.data as Record<string, string | undefined>);
}

/** A web stream of the export's chunks; the database is read only as the client reads. */
function streamOf(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        console.error('export failed while streaming', error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

const errors = {
  401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorBody } } },
  403: { description: 'Not allowed, or the CSRF token is missing', content: { 'application/json': { schema: ErrorBody } } },
  422: { description: 'A bad file (`import_failed`: `details` give line and field of every bad row) or bad parameters', content: { 'application/json': { schema: ErrorBody } } },
};
const security: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

export function mountImportExportRoutes(api: Api, registry: RouteRegistry): void {
  registry.add({ method: 'POST', path: '/api/v1/imports/{entity}', ability: 'import:run' });
  registry.add({ method: 'GET', path: '/api/v1/exports/{entity}', ability: 'export:run' });

  api.openAPIRegistry.registerPath({
    method: 'post', path: '/imports/{entity}', tags: ['imports'], security,
    summary: 'Import a CSV file (all or nothing; upsert on externalId); with dryRun=true only report every bad row',
    description: [
      'Answers `200` with the import report as JSON (`422` `import_failed` for a bad file), unless the request says',
      '`Accept: application/x-ndjson`: then it answers `200` at once and streams NDJSON (one JSON object per line,',
      'each ending in `\\n`) while the import runs: `{"type":"progress","rows":N,"done":bytes,"total":bytes}` lines',
      '(one at the start, then at least every 1,000 rows and about every 200 ms between, and one with the final counts),',
      'then exactly one last line: `{"type":"report","report":{...}}` (the report of the JSON variant: a good import or any dry run)',
      'or `{"type":"error","status":422,"error":{"code":"import_failed","message":"...","details":[{"field","message","line"}]}}`',
      '(the status and error body the JSON variant would answer, for a bad file, bad parameters or any other failure).',
      'Nothing is written unless the last line is a report of a real import. Refusals by the guard (401, 403) and a body',
      'over 10 MB (413) are still plain JSON with their status.',
    ].join(' '),
    request: { params: EntityParam, query: ImportQuery, body: { required: true, content: { 'text/csv': { schema: z.string() } } } },
    responses: {
      200: {
        description: 'The import report, or with `Accept: application/x-ndjson` the stream of progress lines and one report or error line',
        content: { 'application/json': { schema: ImportReportSchema }, [NDJSON]: { schema: ImportStreamLineSchema } },
      },
      ...errors,
    },
  });
  api.openAPIRegistry.registerPath({
    method: 'get', path: '/exports/{entity}', tags: ['exports'], security,
    summary: 'Export the records you may see as CSV, relations carried by id, external id and name',
    description: [
      'Takes the query of the entity\'s list route (`GET /{entity}`) without its paging: `q` (search), `sort`,',
      '`includeArchived` and the list\'s filters (`field`, `field.gte`, `field.lte` for each filterable field of that entity).',
      'The file holds exactly the records that list shows, all pages, in the same order and read scope',
      '(people without `sort` are written managers first). An unknown parameter, filter value or sort field is a `422`',
      'naming it, answered before the download starts.',
    ].join(' '),
    request: { params: EntityParam, query: ExportQueryDoc },
    responses: { 200: { description: 'The CSV file (RFC 4180, UTF-8, CRLF)', content: { 'text/csv': { schema: z.string() } } }, ...errors },
  });

  api.post('/imports/:entity', requireAbility('import:run'), async (c) => {
    if (wantsNdjson(c.req.header('accept'))) return importWithProgress(c);
    try {
      const entity = entityOf(c);
      const options = importOptionsOf(c);
      const report = await importCsv(c.get('ctx'), actorOf(c), { entity, source: await bodyOf(c), ...options });
      return c.json(report, 200);
    } catch (error) {
      return errorResponse(c, error);
    }
  });

  api.get('/exports/:entity', requireAbility('export:run'), async (c) => {
    try {
      const entity = entityOf(c);
      const view = exportViewOf(c, entity);
      if (view instanceof Response) return view;
      const result = await exportCsv(c.get('ctx'), actorOf(c), { entity, view });
      return c.body(streamOf(result.chunks), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${result.filename}"`,
        'cache-control': 'no-store',
      });
    } catch (error) {
      return errorResponse(c, error);
    }
  });
}
