// Times the API requests behind each web screen, as each demo role makes them, against a
// running server (sequential requests, so this is latency without load; `api-latency.mjs`
// measures under load). Usage: node bench/web-screens.mjs [--url http://127.0.0.1:3000] [--runs 20]
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

const { values } = parseArgs({ options: { url: { type: 'string', default: 'http://127.0.0.1:3000' }, runs: { type: 'string', default: '20' } } });
const base = `${values.url}/api/v1`;
const runs = Number(values.runs);

async function signIn(email) {
  const response = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'attain-demo' }) });
  if (!response.ok) throw new Error(`sign-in of ${email} failed: ${response.status}`);
  return { cookie: response.headers.get('set-cookie').split(';')[0], me: await response.json() };
}

async function time(session, path) {
  const samples = [];
  for (let i = 0; i < runs + 2; i++) {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { cookie: session.cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    if (i >= 2) samples.push(performance.now() - started); // two warm-up requests
  }
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { p50: at(0.5), p95: at(0.95) };
}

const roles = ['rep@example.com', 'manager@example.com', 'ops@example.com'];
console.log(`| screen (request) | ${roles.map((r) => r.split('@')[0]).join(' | ')} |`);
console.log(`|---|${roles.map(() => '---').join('|')}|`);
const sessions = await Promise.all(roles.map(signIn));
const pipeline = (await (await fetch(`${base}/pipelines`, { headers: { cookie: sessions[0].cookie } })).json()).items.find((p) => p.isDefault).id;
const screens = [
  ['home (`/home`)', '/home'],
  ['board, this quarter', `/pipelines/${pipeline}/board?closeFrom=2026-11-01&closeTo=2027-01-31`],
  ['opportunities list, first page', '/opportunities?limit=50&sort=closeDate'],
  ['opportunities, open, largest first', '/opportunities?limit=50&sort=-amountMinor&isClosed=false'],
  ['accounts list, search "data"', '/accounts?limit=50&q=data'],
  ['global search "sequ" (accounts)', '/accounts?limit=5&q=sequ'],
  ['opportunity history', null],
];
for (const [label, path] of screens) {
  const cells = [];
  for (const session of sessions) {
    let target = path;
    if (!target) {
      const first = (await (await fetch(`${base}/opportunities?limit=1`, { headers: { cookie: session.cookie } })).json()).items[0];
      target = `/opportunities/${first.id}/history`;
    }
    const { p50, p95 } = await time(session, target);
    cells.push(`${p50.toFixed(0)} / ${p95.toFixed(0)} ms`);
  }
  console.log(`| ${label} | ${cells.join(' | ')} |`);
}
