// Measures the gzipped JavaScript the web app's first page downloads: the entry chunk and
// every chunk it imports statically (the lazy areas are fetched only when visited), and
// the size of each lazy area. Reads the Vite manifest of a fresh build.
// Usage: node bench/web-bundle-size.mjs   (runs `vite build` with a manifest first)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const web = 'packages/web';
const build = spawnSync('npx', ['vite', 'build', web, '--manifest', '--logLevel', 'error'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const dist = join(web, 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const gzipped = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** The chunk and everything it imports statically, once each. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key].imports ?? []) closure(next, seen);
  return seen;
}

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const first = closure(entryKey);
const firstBytes = [...first].reduce((sum, key) => sum + gzipped(manifest[key].file), 0);
const css = (manifest[entryKey].css ?? []).reduce((sum, file) => sum + gzipped(file), 0);
const areaBytes = (key) => [...closure(key)].filter((k) => !first.has(k)).reduce((sum, k) => sum + gzipped(manifest[k].file), 0);
const areas = (manifest[entryKey].dynamicImports ?? []).map((key) => [key.replace(/^src\//, ''), areaBytes(key)]);
// The first page after signing in is the home page: the shell plus its area.
const home = firstBytes + (areas.find(([name]) => name.startsWith('home/'))?.[1] ?? 0);
console.log(`shell (sign-in page): ${kB(firstBytes)} of gzipped JavaScript in ${first.size} files (+ ${kB(css)} CSS)`);
console.log(`first page after sign-in (shell + home): ${kB(home)}; budget 300 kB`);
for (const [name, bytes] of areas) console.log(`  + ${name}: ${kB(bytes)} more when first opened`);
if (home > 300 * 1024) {
  console.error('over the 300 kB budget');
  process.exit(1);
}
