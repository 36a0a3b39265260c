/**
 * How deep a row of a file or a WebSocket message may nest. JSON.parse
 * survives any depth, but what follows recurses over the value (flattening
 * nested objects into dotted names, JSON.stringify of an array cell, the
 * structured clone to the page), so a row nested 100,000 deep would overflow
 * the stack and stop the run. The text is scanned with a loop first; a row
 * deeper than the limit is a bad row with this sentence, and the run goes on.
 */

/** How deep objects and arrays may nest inside one row or message. */
export const MAX_JSON_NESTING = 64;

/** The index of the `{` or `[` that opens level `limit + 1` (strings skipped), or -1 when `text` stays within `limit`. */
export function jsonTooDeepAt(text: string, limit = MAX_JSON_NESTING): number {
  // Fewer brackets than the limit cannot nest past it: most rows end here without a scan.
  if (text.length <= limit) return -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip the string: an escape takes the next character with it.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 92) i++;
        else if (s === 34) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

/** Where a text passes the limit: `line` counts the lines before it within the text (0 on its first line), `column` is 1-based within that line. */
export interface TooDeep {
  readonly line: number;
  readonly column: number;
}

/**
 * Where `text` nests past `limit`, or null. `firstColumn` is the 0-based
 * column the text starts at in its first line (an element inside a file's array).
 */
export function findTooDeep(text: string, limit = MAX_JSON_NESTING, firstColumn = 0): TooDeep | null {
  const at = jsonTooDeepAt(text, limit);
  if (at < 0) return null;
  let line = 0;
  let lineStart = -firstColumn;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}

/** The reason given for a row or message deeper than `limit`, at `column`. */
export function tooDeepReason(column: number, limit = MAX_JSON_NESTING): string {
  return `objects and arrays nested deeper than ${limit} levels (the limit) at column ${column}`;
}
