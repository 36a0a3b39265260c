/**
 * Finds where JSON text stops being JSON. Used when the engine's SyntaxError
 * gives no position (V8's "Unexpected token ']', "[1,]" is not valid JSON",
 * Safari's "JSON Parse error: ..."), so every browser gets a line and column.
 * A state machine with an explicit stack: deep nesting cannot overflow.
 */

type State = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'after';

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]{4}$/;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** The offset of the first character that breaks the JSON grammar, or null for valid JSON. */
export function findJsonSyntaxError(text: string): number | null {
  const closers: string[] = [];
  let state: State = 'value';
  let i = 0;
  for (;;) {
    while (i < text.length && WHITESPACE.has(text.charAt(i))) i++;
    const ch = text.charAt(i);
    if (state === 'after') {
      const closer = closers.at(-1);
      if (closer === undefined) return i < text.length ? i : null;
      if (ch === ',') state = closer === '}' ? 'key' : 'value';
      else if (ch === closer) closers.pop();
      else return i;
      i++;
    } else if (state === 'key' || state === 'keyOrClose') {
      if (state === 'keyOrClose' && ch === '}') {
        closers.pop();
        state = 'after';
        i++;
        continue;
      }
      if (ch !== '"') return i;
      i = endOfString(text, i);
      if (i < 0) return -i - 1;
      while (i < text.length && WHITESPACE.has(text.charAt(i))) i++;
      if (text.charAt(i) !== ':') return i;
      i++;
      state = 'value';
    } else {
      if (i >= text.length) return i;
      if (state === 'valueOrClose' && ch === ']') {
        closers.pop();
        state = 'after';
        i++;
        continue;
      }
      state = 'after';
      if (ch === '{' || ch === '[') {
        closers.push(ch === '{' ? '}' : ']');
        state = ch === '{' ? 'keyOrClose' : 'valueOrClose';
        i++;
      } else if (ch === '"') {
        i = endOfString(text, i);
        if (i < 0) return -i - 1;
      } else {
        const end = endOfScalar(text, i);
        if (end === i) return i;
        i = end;
      }
    }
  }
}

/** The offset after a string's closing quote, or -(error offset) - 1. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '"') return i + 1;
    if (ch < ' ') return -i - 1;
    if (ch === '\\') {
      const next = text.charAt(i + 1);
      if (next === 'u') {
        if (!HEX.test(text.slice(i + 2, i + 6))) return -(i + 1) - 1;
        i += 6;
        continue;
      }
      if (!ESCAPES.has(next)) return -(i + 1) - 1;
      i += 2;
      continue;
    }
    i++;
  }
  return -text.length - 1;
}

/** The offset after a number or literal starting at `start`, or `start` when there is none. */
function endOfScalar(text: string, start: number): number {
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, start)) return start + literal.length;
  }
  NUMBER.lastIndex = start;
  const match = NUMBER.exec(text);
  return match === null ? start : start + match[0].length;
}
