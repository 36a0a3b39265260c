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

/**
 * A finite number as `'' + value` prints it, faster for values with at most
 * six decimals below 1e9 (times, counts, sums of prices), which results are
 * full of. Why it is the same text: `scaled / 1e6` is the correctly rounded
 * quotient, so when it equals |value| the decimal scaled·10⁻⁶ rounds to
 * |value|; below 1e9 a double's rounding interval is narrower than 10⁻⁶, so
 * no decimal with fewer digits rounds to it too, and Number::toString prints
 * exactly that decimal, in plain notation (it switches to exponents only
 * below 1e-6 and from 1e21). Anything else takes the built-in shortest form.
 */
export function numberText(value: number): string {
  const magnitude = value < 0 ? -value : value;
  if (magnitude < 1e9) {
    const scaled = Math.round(magnitude * 1e6);
    if (scaled / 1e6 === magnitude) {
      const whole = Math.floor(magnitude);
      const sign = value < 0 ? '-' : '';
      const fraction = scaled - whole * 1e6;
      if (fraction === 0) return sign + whole;
      let digits = '' + (1e6 + fraction); // '1' and six digits, leading zeros kept
      let end = 7;
      while (digits.charCodeAt(end - 1) === 48) end--;
      digits = digits.slice(1, end);
      return `${sign}${whole}.${digits}`;
    }
  }
  return '' + value;
}

/** A number as `JSON.stringify` prints it: `null` for NaN and ±Infinity, `0` for -0. */
export function jsonNumber(value: number): string {
  return value - value === 0 ? numberText(value) : 'null';
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
