/**
 * `table[key]` when `key` is one of the table's own properties, else
 * undefined. For records whose keys are user data (node ids in run figures,
 * field names in result rows): a plain index would answer "__proto__" with
 * Object.prototype and "constructor" with Object, which React cannot render.
 * Tables of the editor's own are Maps instead.
 */
export function ownValue<T>(table: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return table !== null && table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
