// npm run bench: seeds the benchmark data set once per dialect (kept under bench/.data and
// in the PostgreSQL database attain_bench_<size>), starts the built server on it and runs
// the API latency benchmark. Usage: npm run bench -- [--size large] [--dialects sqlite,postgres]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'large' },
    dialects: { type: 'string', default: 'sqlite,postgres' },
    seconds: { type: 'string', default: '20' },
    pg: { type: 'string', default: process.env.ATTAIN_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432' },
  },
});
const cli = 'packages/cli/dist/main.js';
const port = 3456;

function run(args, label) {
  console.error(`$ ${label ?? args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync('node', args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${label ?? args.join(' ')} failed`);
  return (Date.now() - started) / 1000;
}

async function pgDatabase() {
  const name = `attain_bench_${values.size}`;
  const admin = new pg.Client({ connectionString: `${values.pg}/postgres` });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const url = `${values.pg}/${name}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const seeded = await client.query("select to_regclass('public.orgs') is not null as has, 0 as n").then(async (r) => (r.rows[0].has ? (await client.query('select count(*)::int as n from orgs')).rows[0].n > 0 : false));
  await client.end();
  return { url, seeded };
}

async function prepare(dialect) {
  if (dialect === 'sqlite') {
    mkdirSync('bench/.data', { recursive: true });
    const file = `bench/.data/${values.size}.db`;
    const seeded = existsSync(file);
    return { url: file, seeded };
  }
  return pgDatabase();
}

async function waitForHealth() {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

if (!existsSync(cli)) run(['node_modules/typescript/bin/tsc', '-b'], 'tsc -b');
const report = [];
for (const dialect of values.dialects.split(',')) {
  const db = await prepare(dialect);
  if (!db.seeded) {
    const seconds = run([cli, '--db', db.url, 'seed', 'demo', '--size', values.size, '--seed', '1'], `attain seed demo --size ${values.size} on ${dialect}`);
    console.error(`seeded in ${seconds.toFixed(0)} s`);
  }
  const server = spawn('node', [cli, '--db', db.url, 'serve', '--port', String(port), '--no-demo'], { stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await waitForHealth();
    const out = spawnSync('node', ['bench/api-latency.mjs', '--url', `http://127.0.0.1:${port}`, '--seconds', values.seconds], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (out.status !== 0) throw new Error('benchmark failed');
    for (const row of JSON.parse(out.stdout)) report.push({ dialect, ...row });
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

console.log('| dialect | endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | errors |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const r of report) console.log(`| ${r.dialect} | ${r.name} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} |`);
