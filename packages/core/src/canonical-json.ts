/**
 * Canonical JSON: object keys sorted, bigints written as decimal strings, no whitespace.
 * The same value always gives the same bytes, so hashes over it are stable (audit chain,
 * calc-run hashes, idempotency fingerprints). Keys compare by UTF-16 code units (the default
 * sort of strings); properties whose value is undefined are left out.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'bigint':
      return `"${value.toString()}"`;
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError('non-finite number in canonical JSON');
      return JSON.stringify(value);
    case 'string':
      return quoted(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      // A calc run writes one body per payee: plain loops and one string, without intermediate arrays of pairs.
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const v = record[key];
        if (v === undefined) continue;
        out += `${first ? '' : ','}${quoted(key)}:${canonicalJson(v)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`cannot serialise ${typeof value}`);
  }
}

/** Whether JSON.stringify would escape something in the text: a quote, a backslash, a control character or a surrogate. */
function needsEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}

/** A JSON string: most need no escaping, and skipping JSON.stringify for them is a good part of a statement body's cost. */
const quoted = (text: string): string => (needsEscape(text) ? JSON.stringify(text) : `"${text}"`);
