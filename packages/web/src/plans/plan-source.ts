/*
 * Small pure helpers over the plan source text the editor holds. The server owns the
 * reading of a plan; these only place things in the text (positions, the version line).
 */

/** The `version:` line directly under `plan:` (two-space indent, as the templates and the format page write it). */
const VERSION_LINE = /^( {2}version:[ \t]*)("?)(\d+)("?)/m;

/** The version number the text declares, if it is written the plain way. */
export function declaredVersion(source: string): number | undefined {
  const m = VERSION_LINE.exec(source);
  return m ? Number(m[3]) : undefined;
}

/**
 * The text with `plan.version` set to `version`, everything else (comments, layout) kept;
 * unchanged when there is no plain version line (the server will then name the field).
 */
export function withVersion(source: string, version: number): string {
  return source.replace(VERSION_LINE, (_all, head: string, open: string, _n: string, close: string) => `${head}${open}${version}${close}`);
}

/**
 * The offset in `source` of a 1-based line and column, clamped into the text, so a stale
 * issue (the text changed since it was found) still lands on a real place.
 */
export function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf('\n', offset);
    if (next < 0) return source.length;
    offset = next + 1;
  }
  const end = source.indexOf('\n', offset);
  const lineEnd = end < 0 ? source.length : end;
  return Math.min(offset + Math.max(0, column - 1), lineEnd);
}

/**
 * The range a marker underlines for an issue at a position: the word (or quoted scalar)
 * starting there, at least one character, within its line.
 */
export function markerRange(source: string, line: number, column: number): { from: number; to: number } {
  const from = offsetOf(source, line, column);
  const end = source.indexOf('\n', from);
  const lineEnd = end < 0 ? source.length : end;
  const rest = source.slice(from, lineEnd);
  const token = /^("[^"]*"?|'[^']*'?|[^\s,{}[\]]+)/.exec(rest);
  const length = token ? token[0].length : 0;
  if (length > 0) return { from, to: from + length };
  // Nothing to underline (end of line, or an empty document): mark the character before, if any.
  return from === lineEnd && from > 0 && source[from - 1] !== '\n' ? { from: from - 1, to: from } : { from, to: Math.min(from + 1, source.length) };
}
