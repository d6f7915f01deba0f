/** A value as it goes on the wire: every bigint (money in minor units) a decimal string, at any depth. */
export type Wire<T> = T extends bigint
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** Converts the bigints of a figures object into decimal strings (money on the wire is a string of minor units). */
export function figuresToWire<T>(value: T): Wire<T> {
  if (typeof value === 'bigint') return value.toString() as Wire<T>;
  if (Array.isArray(value)) return value.map((v: unknown) => figuresToWire(v)) as Wire<T>;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, figuresToWire(v)])) as Wire<T>;
  }
  return value as Wire<T>;
}
