import { createReadStream, createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { CSV_ENTITIES, exportCsv, importCsv, IMPORT_PRESETS, isCsvEntity, isImportPreset, type ImportProgress, type ImportReport } from '@attain/app';
import { invalid } from '@attain/core';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { cliActor, EXIT, output, resolveOrg, runCommand, type GlobalOptions } from '../runtime.js';

interface ImportFlags {
  readonly dryRun?: boolean;
  readonly preset: string;
  readonly mapping?: string;
  readonly delimiter: string;
  readonly maxErrors: string;
  readonly org?: string;
}

/** A progress bar over the bytes of the file on an interactive terminal; nothing otherwise (CI logs, --json). */
function progressBar(enabled: boolean, totalBytes: number) {
  if (!enabled || !process.stderr.isTTY || totalBytes === 0) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ format: 'import [{bar}] {percentage}% {rows} rows', stream: process.stderr, hideCursor: true });
  bar.start(totalBytes, 0, { rows: 0 });
  return { update: (p: ImportProgress) => bar.update(p.done, { rows: p.rows }), stop: () => bar.stop() };
}

function readMapping(path: string): unknown {
  if (!existsSync(path)) throw invalid('--mapping', `no file ${path}`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw invalid('--mapping', `is not valid JSON: ${(error as Error).message}`);
  }
}

function describe(report: ImportReport): string {
  const verb = report.dryRun ? 'would be ' : '';
  const lines = [
    `${report.dryRun ? 'dry run: ' : ''}${report.rows} ${report.entity} rows: ${report.created} ${verb}created, ${report.updated} ${verb}updated, ${report.unchanged} unchanged`,
    ...report.warnings.map((w) => `warning: ${w}`),
  ];
  if (report.errorCount) lines.push(`${report.errorCount} problem${report.errorCount === 1 ? '' : 's'}; nothing ${report.dryRun ? 'would be' : 'was'} imported:`);
  for (const e of report.errors.slice(0, 50)) lines.push(`  line ${e.line}, ${e.field}: ${e.message}`);
  if (report.errors.length > 50) lines.push(`  ... and ${report.errorCount - 50} more (use --json for all)`);
  return lines.join('\n');
}

async function writeAll(out: Writable, chunks: AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
}

export function registerImportExport(program: Command): void {
  program
    .command('import')
    .description('import a CSV file, all or nothing, upserting on externalId; --dry-run reports every bad row by line and column')
    .argument('<entity>', CSV_ENTITIES.join(', '))
    .argument('<file>', 'the CSV file (UTF-8, RFC 4180)')
    .option('--dry-run', 'check every row through the same rules as the API and write nothing')
    .option('--preset <preset>', `column names of the source system: ${IMPORT_PRESETS.join(', ')}`, 'native')
    .option('--mapping <file>', 'JSON file {"source column": "native column" or null to skip}, applied before the preset')
    .option('--delimiter <char>', 'field delimiter', ',')
    .option('--max-errors <n>', 'errors listed in the report (all are counted)', '10000')
    .option('--org <org>', 'organisation id or name')
    .action(async (entity: string, file: string, o: ImportFlags, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        if (!isCsvEntity(entity)) throw invalid('entity', `must be one of ${CSV_ENTITIES.join(', ')}`);
        if (!isImportPreset(o.preset)) throw invalid('--preset', `must be one of ${IMPORT_PRESETS.join(', ')}`);
        if (!/^\d+$/.test(o.maxErrors)) throw invalid('--max-errors', 'must be a whole number');
        if (o.delimiter.length !== 1) throw invalid('--delimiter', 'must be one character');
        if (!existsSync(file) || !statSync(file).isFile()) throw invalid('file', `no file ${file}`);
        const mapping = o.mapping ? readMapping(o.mapping) : undefined;
        const org = await resolveOrg(rt, o.org);
        const totalBytes = statSync(file).size;
        const bar = progressBar(!rt.json, totalBytes);
        const report = await importCsv(rt.ctx, cliActor(org), {
          entity, source: createReadStream(file), dryRun: o.dryRun ?? false, preset: o.preset, delimiter: o.delimiter, totalBytes,
          maxErrors: Number(o.maxErrors), onProgress: bar.update, ...(mapping === undefined ? {} : { mapping }),
        }).finally(() => bar.stop());
        output(rt, report, () => describe(report));
        return report.errorCount ? EXIT.invalidInput : EXIT.ok;
      }),
    );

  program
    .command('export')
    .description('export the current records as CSV (relations by id, external id and name; amounts in major units)')
    .argument('<entity>', CSV_ENTITIES.join(', '))
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--org <org>', 'organisation id or name')
    .action(async (entity: string, o: { out?: string; org?: string }, command: Command) =>
      runCommand(command.optsWithGlobals<GlobalOptions>(), async (rt) => {
        if (!isCsvEntity(entity)) throw invalid('entity', `must be one of ${CSV_ENTITIES.join(', ')}`);
        const org = await resolveOrg(rt, o.org);
        let rows = 0;
        const result = await exportCsv(rt.ctx, cliActor(org), { entity, onProgress: (p) => (rows = p.done) });
        if (o.out) {
          const out = createWriteStream(o.out);
          await writeAll(out, result.chunks);
          out.end();
          await once(out, 'finish');
        } else await writeAll(process.stdout, result.chunks);
        const report = { entity, rows, file: o.out ?? null, columns: result.columns };
        // With the CSV on standard output, the report goes to standard error.
        if (o.out) output(rt, report, () => `exported ${rows} ${entity} to ${o.out}`);
        else process.stderr.write(rt.json ? `${JSON.stringify(report)}\n` : `exported ${rows} ${entity}\n`);
      }),
    );
}
