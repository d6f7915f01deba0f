import { can, DomainError, type Actor, type Person, type RecordMeta } from '@attain/core';
import { stringify } from 'csv-stringify/sync';
import type { AppContext } from '../context.js';
import { listRecords, type ListInput } from '../crm/records.js';
import { CSV_SPECS, type CsvEntity, type TargetName } from '../imports/csv-entities.js';
import { exportColumns, loadRelated } from './export-columns.js';

export interface ExportProgress {
  /** Rows written so far. */
  readonly done: number;
}

/** The view to export: the list query of the entity's list route, without its paging. */
export type ExportView = Omit<ListInput, 'limit' | 'cursor'>;

export interface ExportOptions {
  readonly entity: CsvEntity;
  /** Search, sort, filters and archived records exactly as the list applies them (default: the whole list). */
  readonly view?: ExportView;
  /** Rows per page read from the database (and per chunk written). */
  readonly pageSize?: number;
  readonly onProgress?: (progress: ExportProgress) => void;
}

export interface CsvExport {
  readonly entity: CsvEntity;
  /** A file name for downloads: `<entity>-<YYYY-MM-DD>.csv`. */
  readonly filename: string;
  readonly columns: readonly string[];
  /** The file as UTF-8 text chunks (RFC 4180, CRLF line ends): the header, then one chunk per page. */
  readonly chunks: AsyncIterable<string>;
}

// csv-stringify quotes only cells holding the record delimiter itself, so a cell with a bare LF or CR
// would break the CRLF file: quote every cell with a line break (RFC 4180).
const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

type Page = { items: RecordMeta[]; nextCursor: string | null };

/** People with every manager before her reports, so that a re-import finds each manager already there. */
function managersFirst(people: readonly Person[]): Person[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const out: Person[] = [];
  const place = (p: Person): void => {
    if (placed.has(p.id) || visiting.has(p.id)) return;
    visiting.add(p.id);
    const manager = p.managerId ? byId.get(p.managerId) : undefined;
    if (manager) place(manager);
    visiting.delete(p.id);
    placed.add(p.id);
    out.push(p);
  };
  for (const p of people) place(p);
  return out;
}

/**
 * Exports the records of one entity that the actor may see, streaming page by page through
 * the list use case: the same read scope, search, filters and order as that list with `view`
 * (all its pages; by default the current records in the list's default order). Relations are
 * carried as id plus external id, e-mail and name, so the file re-imports into another
 * organisation; amounts are major-unit decimals beside their currency. Text cells are neutralised against formula injection.
 */
export async function exportCsv(ctx: AppContext, actor: Actor, options: ExportOptions): Promise<CsvExport> {
  if (!can(actor, 'export:run')) throw new DomainError('forbidden', 'You are not allowed to export.');
  const spec = CSV_SPECS[options.entity];
  if (!can(actor, `${spec.def.resource}:list`)) throw new DomainError('forbidden', 'You are not allowed to do this.');
  const columns = exportColumns(spec, actor);
  const pageSize = options.pageSize ?? 500;
  const view = options.view ?? {};
  const list = (cursor: string | undefined) =>
    listRecords(ctx, actor, spec.def, { ...view, limit: pageSize, ...(cursor ? { cursor } : {}) }) as Promise<Page>;
  // The first page is read now, so a bad view (an unknown filter or sort) fails the call
  // instead of breaking a download that has already started.
  const first = await list(undefined);

  async function* pages(): AsyncGenerator<RecordMeta[]> {
    if (options.entity === 'people' && !view.sort) {
      // People are few and are written managers first, unless the view asks for an order;
      // everything else streams in list order.
      const all: RecordMeta[] = [];
      for await (const page of pagesInListOrder()) all.push(...page);
      const ordered = managersFirst(all as unknown as Person[]) as unknown as RecordMeta[];
      for (let i = 0; i < ordered.length; i += pageSize) yield ordered.slice(i, i + pageSize);
      return;
    }
    yield* pagesInListOrder();
  }

  async function* pagesInListOrder(): AsyncGenerator<RecordMeta[]> {
    let page = first;
    for (;;) {
      if (page.items.length) yield page.items;
      if (!page.nextCursor) return;
      page = await list(page.nextCursor);
    }
  }

  async function* chunks(): AsyncGenerator<string> {
    yield stringify([columns.map((c) => c.name)], CSV_OPTIONS);
    const cache = new Map<TargetName, Map<string, Record<string, unknown>>>();
    let done = 0;
    for await (const page of pages()) {
      const related = await loadRelated(ctx.database.db, actor.orgId, spec, page, cache);
      const rows = page.map((record) => columns.map((c) => c.cell(record as unknown as Record<string, unknown>, related)));
      done += rows.length;
      yield stringify(rows, CSV_OPTIONS);
      options.onProgress?.({ done });
    }
  }

  return { entity: options.entity, filename: `${options.entity}-${ctx.now().slice(0, 10)}.csv`, columns: columns.map((c) => c.name), chunks: chunks() };
}
