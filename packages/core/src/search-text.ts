/**
 * The text a record is found by: its searchable fields, lower-cased, accents removed, words
 * separated by single spaces. Stored beside the record and matched with a substring search.
 */
export function searchText(parts: readonly (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.length > 0)
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalises a user's query the same way as {@link searchText}. */
export const normaliseQuery = (query: string): string => searchText([query]);
