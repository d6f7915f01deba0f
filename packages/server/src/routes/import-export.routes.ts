import { CSV_ENTITIES, exportCsv, importCsv, IMPORT_PRESETS, isCsvEntity, isImportPreset, type CsvEntity, type CsvSource } from '@attain/app';
import { DomainError } from '@attain/core';
import { ErrorBody } from '@attain/contract';
import type { Context } from 'hono';
import { z } from 'zod';
import { actorOf, requireAbility } from '../auth.middleware.js';
import type { AppEnv } from '../env.js';
import { errorResponse } from '../errors.js';
import type { Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

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

const EntityParam = z.object({ entity: z.enum(CSV_ENTITIES) });

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
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!CSV_TYPES.includes(type)) throw bad('content-type', 'send the file as text/csv');
  return [await c.req.text()];
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
    request: { params: EntityParam, query: ImportQuery, body: { required: true, content: { 'text/csv': { schema: z.string() } } } },
    responses: { 200: { description: 'The import report', content: { 'application/json': { schema: ImportReportSchema } } }, ...errors },
  });
  api.openAPIRegistry.registerPath({
    method: 'get', path: '/exports/{entity}', tags: ['exports'], security,
    summary: 'Export the records you may see as CSV, relations carried by id, external id and name',
    request: { params: EntityParam },
    responses: { 200: { description: 'The CSV file (RFC 4180, UTF-8, CRLF)', content: { 'text/csv': { schema: z.string() } } }, ...errors },
  });

  api.post('/imports/:entity', requireAbility('import:run'), async (c) => {
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
      const result = await exportCsv(c.get('ctx'), actorOf(c), { entity: entityOf(c) });
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
