import { isNode, LineCounter, parseDocument } from 'yaml';

/**
 * Where a field's value is written in a plan source (1-based line and column), e.g.
 * `['plan', 'version']`; line 1, column 1 when the path is not there. Only called on a
 * source the plan reader has already accepted, so the document is well formed and small.
 */
export function positionOf(source: string, path: readonly string[]): { line: number; column: number } {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, keepSourceTokens: false });
  const node = doc.getIn(path, true);
  const offset = isNode(node) && node.range ? node.range[0] : undefined;
  if (offset === undefined) return { line: 1, column: 1 };
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}


/**
 * The source with the value of `plan.version` replaced by `version`, every other character
 * (comments, layout) kept. Only called on a source the plan reader accepted, where
 * `plan.version` is a whole number.
 */
export function withPlanVersion(source: string, version: number): string {
  const doc = parseDocument(source, { keepSourceTokens: false });
  const node = doc.getIn(['plan', 'version'], true);
  if (!isNode(node) || !node.range) return source;
  const [start, end] = node.range;
  const written = source.slice(start, end);
  // Keep the quoting the author used ("2" stays quoted).
  return `${source.slice(0, start)}${written.replace(/\d+/, String(version))}${source.slice(end)}`;
}
