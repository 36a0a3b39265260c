/**
 * JSON text of single values, byte for byte as `JSON.stringify` writes them,
 * without going through it for the common cases (plain strings, finite numbers).
 */
import type { StringDict } from '../../src/engine/batch';

/**
 * True when `text` needs no escaping in JSON: no control character, quote,
 * backslash or UTF-16 surrogate. Surrogates take the slow path because
 * `JSON.stringify` escapes a lone one (`\udc00`) and checking pairs here is not worth it.
 */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/** `text` as a JSON string literal, exactly as `JSON.stringify(text)`. */
export function jsonString(text: string): string {
  return isPlain(text) ? `"${text}"` : JSON.stringify(text);
}

/** A number as `JSON.stringify` prints it: `null` for NaN and ±Infinity, `0` for -0. */
export function jsonNumber(value: number): string {
  // `'' + v` is what JSON.stringify uses for finite numbers (Number::toString), and prints -0 as 0.
  return value - value === 0 ? '' + value : 'null';
}

/**
 * The JSON literals of a dictionary's strings, made once per code: result
 * columns repeat the same keys, so each is escaped once, not once per row.
 * A dictionary only grows and never renumbers, so the cache only grows too.
 */
export class DictLiterals {
  private readonly caches = new WeakMap<StringDict, string[]>();

  /** The literals of `dict`, complete up to its current size. */
  of(dict: StringDict, escape: (text: string) => string): string[] {
    let cache = this.caches.get(dict);
    if (cache === undefined) {
      cache = [];
      this.caches.set(dict, cache);
    }
    for (let code = cache.length; code < dict.values.length; code++) cache.push(escape(dict.values[code]!));
    return cache;
  }
}
