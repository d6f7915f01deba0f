// API latency benchmark: p50/p95/p99 of the account list, account search and opportunity
// list at 32 concurrent connections against a running Attain server on a seeded database.
// Usage: node bench/api-latency.mjs --url http://127.0.0.1:3456 [--seconds 20] [--connections 32]
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3456' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '32' },
    email: { type: 'string', default: 'ops@example.com' },
  },
});

async function login(email) {
  const res = await fetch(`${values.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'attain-demo' }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie').split(';')[0];
}

/** Exact percentiles of the recorded latencies (autocannon's own table has no p95). */
function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(name, cookie, paths) {
  const latencies = [];
  let i = 0;
  const instance = autocannon({
    url: values.url,
    connections: Number(values.connections),
    duration: Number(values.seconds),
    headers: { cookie },
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  instance.on('response', (_client, status, _bytes, responseTime) => {
    if (status === 200) latencies.push(responseTime);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length,
    rps: Math.round(result.requests.average),
    errors: result.errors + result.non2xx,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

const terms = ['north', 'springfield', 'tech', 'river', 'health', 'san', 'lake', 'bank', 'green', 'data', 'park', 'mill'];
const ops = await login(values.email);
const rep = await login('rep@example.com');
const results = [];
results.push(await measure('account list (sales ops, 50 by name)', ops, ['/api/v1/accounts?limit=50', '/api/v1/accounts?limit=50&sort=-potentialMinor']));
results.push(await measure('account search (sales ops, q=term)', ops, terms.map((t) => `/api/v1/accounts?q=${t}&limit=50`)));
results.push(await measure('opportunity list (sales ops, 50 by close date)', ops, ['/api/v1/opportunities?limit=50', '/api/v1/opportunities?limit=50&isClosed=false']));
results.push(await measure('opportunity list (rep, own deals)', rep, ['/api/v1/opportunities?limit=50', '/api/v1/opportunities?limit=50&isClosed=false']));
console.log(JSON.stringify(results, null, 2));
