import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Reads a file below `root`; paths that climb out of it are refused. */
async function fileBelow(root: string, path: string): Promise<Buffer | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const full = normalize(join(root, decoded));
  if (!full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    if (!(await stat(full)).isFile()) return null;
    return await readFile(full);
  } catch {
    return null;
  }
}

/** Serves files under `root`; with `spaFallback`, unknown paths get index.html (client-side routes). */
export function serveDirectory(root: string, options: { prefix?: string; spaFallback?: boolean; immutable?: RegExp } = {}) {
  return async (c: Context): Promise<Response> => {
    const path = c.req.path.slice(options.prefix?.length ?? 0) || '/';
    const file = path === '/' ? null : await fileBelow(root, path);
    if (file) {
      const headers: Record<string, string> = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' };
      if (options.immutable?.test(path)) headers['cache-control'] = 'public, max-age=31536000, immutable';
      return c.body(new Uint8Array(file), 200, headers);
    }
    const index = options.spaFallback || path === '/' ? await fileBelow(root, 'index.html') : null;
    if (index) return c.body(new Uint8Array(index), 200, { 'content-type': TYPES['.html'] as string, 'cache-control': 'no-cache' });
    return c.json({ error: { code: 'not_found', message: 'Not found.' } }, 404);
  };
}
