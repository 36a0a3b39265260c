/**
 * Reading an unvalidated input safely: own properties only, so a key like
 * `__proto__` or `constructor` is never looked up on a prototype.
 */

/** True for objects that are not arrays (any prototype, including none). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value[key]` when `key` is an own property, else undefined. */
export function ownValue(value: unknown, key: PropertyKey): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) return typeof key === 'number' ? value[key] : undefined;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
}

/** The length of `value[key]` when it is an own array property, else null (validation words what else it is). */
export function ownArrayLength(value: unknown, key: string): number | null {
  const held = ownValue(value, key);
  return Array.isArray(held) ? held.length : null;
}

/** The value at a path, or undefined when any step is missing. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    value = ownValue(value, key);
    if (value === undefined) return undefined;
  }
  return value;
}

/** The value at a path when it is a string. */
export function stringAt(root: unknown, path: readonly PropertyKey[]): string | undefined {
  const value = valueAt(root, path);
  return typeof value === 'string' ? value : undefined;
}
