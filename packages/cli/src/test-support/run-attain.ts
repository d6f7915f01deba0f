import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packages = fileURLToPath(new URL('../../../', import.meta.url));
const built = join(packages, 'cli/dist/main.js');
const sources = join(packages, 'cli/src/main.ts');

/** The newest modification time of the files below `dir` that `keep` accepts (0 if none). */
function newest(dir: string, keep: (name: string) => boolean): number {
  if (!existsSync(dir)) return 0;
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) time = Math.max(time, newest(path, keep));
    else if (keep(entry.name)) time = Math.max(time, statSync(path).mtimeMs);
  }
  return time;
}

const isSource = (name: string): boolean => name.endsWith('.ts') && !name.endsWith('.test.ts');
const isBuilt = (name: string): boolean => name.endsWith('.js');

let useBuild: boolean | undefined;

/**
 * Whether each package the CLI is built from has a build newer than its newest source, as
 * right after `npm test`'s type check (`tsc -b` rewrites what a changed source compiles to).
 * Then the tests run the build with plain node, which starts in a fraction of the time tsx
 * needs to compile the sources on every call; otherwise they run the sources.
 */
function buildIsFresh(): boolean {
  useBuild ??= existsSync(built) && ['core', 'contract', 'store', 'app', 'cli'].every((p) => newest(join(packages, p, 'dist'), isBuilt) >= newest(join(packages, p, 'src'), isSource));
  return useBuild;
}

export interface AttainRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const entry = (): string[] => (buildIsFresh() ? [built] : ['--import', 'tsx', '--conditions=source', sources]);

/** Runs the real `attain` entry point with `args` (add `--db <file>` for commands that need one). */
export function runAttain(args: readonly string[]): AttainRun {
  const result = spawnSync(process.execPath, [...entry(), ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the real `attain` entry point without waiting for it (to stop or kill it mid-way). */
export function spawnAttain(args: readonly string[]): ChildProcess {
  return spawn(process.execPath, [...entry(), ...args], { stdio: 'ignore', env: { ...process.env, DATABASE_URL: '' } });
}

/**
 * Copies the small demo (seed 1, as `attain seed demo --size small` writes it) to `path`. The demo
 * is seeded once per build of the CLI into the temp folder and copied after: seeding takes
 * seconds, and several test files start from it. Written to a file of its own first and renamed,
 * so two test files seeding at once never read half a database.
 */
export function copySmallDemo(path: string): void {
  const build = Math.max(newest(join(packages, 'cli', buildIsFresh() ? 'dist' : 'src'), () => true), newest(join(packages, 'app', buildIsFresh() ? 'dist' : 'src'), () => true));
  const template = join(tmpdir(), `attain-small-demo-${Math.round(build)}.db`);
  if (!existsSync(template)) {
    const own = `${template}.${process.pid}.tmp`;
    const seeded = runAttain(['--db', own, 'seed', 'demo', '--size', 'small']);
    if (seeded.code !== 0) throw new Error(`seeding the small demo failed: ${seeded.stderr}`);
    renameSync(own, template);
  }
  copyFileSync(template, path);
}
