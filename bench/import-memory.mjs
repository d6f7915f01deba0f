#!/usr/bin/env node
/*
 * Memory and time of a large CSV import through the built CLI (run `npx tsc -b` first).
 *
 *   node bench/import-memory.mjs [rows] [--db postgres://...] [--keep]
 *
 * Generates an accounts file of `rows` rows (default 1,000,000; quoted commas, doubled
 * quotes and a line break inside quotes on some rows; owners by e-mail) in a temporary
 * directory, imports it into a fresh SQLite database (or the given PostgreSQL database),
 * imports it again (every row unchanged), exports the accounts to a file, and reports wall
 * time and peak RSS of each run as measured by /usr/bin/time -v. Not part of the test
 * suite: it takes many minutes.
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const dbIndex = args.indexOf('--db');
const keep = args.includes('--keep');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages/cli/dist/main.js');
if (!existsSync(cli)) throw new Error('build first: npx tsc -b');
if (!existsSync('/usr/bin/time')) throw new Error('needs /usr/bin/time (apt-get install time)');

const dir = mkdtempSync(join(tmpdir(), 'attain-import-bench-'));
const db = dbIndex >= 0 ? args[dbIndex + 1] : join(dir, 'bench.db');
const file = join(dir, 'accounts.csv');
const OWNERS = 20;
const INDUSTRIES = ['Software', 'Retail', 'Manufacturing', 'Finance', 'Health Care', 'Logistics'];

async function generate() {
  const out = createWriteStream(file);
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('externalId,name,industry,employees,annualRevenue,street,city,region,postalCode,country,website,ownerEmail\r\n');
  for (let i = 1; i <= rows; i++) {
    const name = i % 10 === 0 ? `"Company ${i}, Inc."` : i % 25 === 0 ? `"The ""Best"" Company ${i}"` : `Company ${i}`;
    const street = i % 100 === 0 ? `"${i} Main Street\r\nSuite ${i % 50}"` : `${i} Main Street`;
    const revenue = `"${(i * 1234.5).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}"`;
    await write(
      `BENCH-${i},${name},${INDUSTRIES[i % INDUSTRIES.length]},${(i % 5000) + 1},${revenue},${street},Springfield,IL,${String(10000 + (i % 89999))},United States,https://c${i}.example,owner${i % OWNERS}@bench.example\r\n`,
    );
  }
  out.end();
  await once(out, 'finish');
}

function attain(...argv) {
  const result = spawnSync(process.execPath, [cli, '--db', db, '--json', ...argv], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`attain ${argv.join(' ')} failed (${result.status}): ${result.stdout.slice(0, 2000)} ${result.stderr.slice(0, 2000)}`);
  return JSON.parse(result.stdout);
}

/** Runs the CLI under /usr/bin/time -v and returns its report, wall seconds and peak RSS in MB. */
function measured(...argv) {
  const result = spawnSync('/usr/bin/time', ['-v', process.execPath, cli, '--db', db, '--json', ...argv], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`attain ${argv.join(' ')} failed (${result.status}): ${result.stdout.slice(0, 2000)} ${result.stderr.slice(-2000)}`);
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1]);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(result.stderr)?.[1] ?? '';
  const seconds = wall.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  return { report: JSON.parse(result.stdout), seconds: Math.round(seconds * 10) / 10, peakRssMb: Math.round(rssKb / 1024) };
}

const started = Date.now();
await generate();
const fileMb = Math.round(statSync(file).size / 1024 / 1024);
console.error(`generated ${rows} rows (${fileMb} MB) in ${Math.round((Date.now() - started) / 1000)} s: ${file}`);
const org = attain('org', 'create', '--name', `Import bench ${Date.now()}`);
const people = join(dir, 'people.csv');
writeFileSync(people, `name,email,kind\r\n${Array.from({ length: OWNERS }, (_, i) => `Owner ${i},owner${i}@bench.example,ae`).join('\r\n')}\r\n`);
attain('import', 'people', people, '--org', org.id);

const first = measured('import', 'accounts', file, '--org', org.id);
console.error(`import:   ${first.seconds} s, peak RSS ${first.peakRssMb} MB, created ${first.report.created}`);
const second = measured('import', 'accounts', file, '--org', org.id);
console.error(`re-import: ${second.seconds} s, peak RSS ${second.peakRssMb} MB, unchanged ${second.report.unchanged}`);

const exported = measured('export', 'accounts', '--out', join(dir, 'export.csv'), '--org', org.id);
console.error(`export:   ${exported.seconds} s, peak RSS ${exported.peakRssMb} MB, rows ${exported.report.rows}`);

const summary = {
  rows,
  fileMb,
  database: dbIndex >= 0 ? 'postgres' : 'sqlite',
  node: process.version,
  import: { seconds: first.seconds, peakRssMb: first.peakRssMb, created: first.report.created, errors: first.report.errorCount },
  reimport: { seconds: second.seconds, peakRssMb: second.peakRssMb, unchanged: second.report.unchanged, updated: second.report.updated },
  export: { seconds: exported.seconds, peakRssMb: exported.peakRssMb, rows: exported.report.rows },
};
console.log(JSON.stringify(summary, null, 2));
if (!keep) rmSync(dir, { recursive: true, force: true });
else console.error(`kept ${dir}`);
