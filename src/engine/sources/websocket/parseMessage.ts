/**
 * Splitting one WebSocket message into JSON objects, per the source's format.
 * Anything that is not an object becomes a refusal with its text, so the
 * source can count it as a dead letter and go on.
 */
import type { MessageFormat } from '../../../model';
import { findTooDeep, tooDeepReason } from '../jsonDepth';

export type JsonRecord = Readonly<Record<string, unknown>>;

/** What one message held: the objects in order, and the parts that could not be read. */
export interface ParsedMessage {
  readonly records: JsonRecord[];
  readonly refused: { readonly text: string; readonly reason: string }[];
}

/** True for a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

function addObject(out: ParsedMessage, value: unknown, text: string, where: string): void {
  if (isRecord(value)) out.records.push(value);
  else out.refused.push({ text, reason: `${where}expected a JSON object, found ${describe(value)}` });
}

function addArray(out: ParsedMessage, value: unknown, text: string): void {
  if (!Array.isArray(value)) {
    out.refused.push({ text, reason: `expected a JSON array of objects, found ${describe(value)}` });
    return;
  }
  value.forEach((element: unknown, i) => {
    if (isRecord(element)) out.records.push(element);
    else out.refused.push({ text: JSON.stringify(element) ?? String(element), reason: `element ${i}: expected a JSON object, found ${describe(element)}` });
  });
}

function addLines(out: ParsedMessage, text: string): void {
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = lines.length > 1 ? `line ${i + 1}: ` : '';
    const deep = findTooDeep(line);
    if (deep !== null) {
      out.refused.push({ text: line, reason: where + tooDeepReason(deep.column) });
      return;
    }
    const parsed = parseJson(line);
    if (parsed.ok) addObject(out, parsed.value, line, where);
    else out.refused.push({ text: line, reason: where + parsed.reason });
  });
}

/**
 * Reads `text` as `format`. 'auto' takes one JSON value when the whole text
 * parses (an object, or an array of objects), and NDJSON lines otherwise.
 */
export function parseMessage(text: string, format: MessageFormat): ParsedMessage {
  const out: ParsedMessage = { records: [], refused: [] };
  if (format === 'ndjson') {
    addLines(out, text);
    return out;
  }
  if (text.trim() === '') {
    out.refused.push({ text, reason: 'empty message' });
    return out;
  }
  // Reading records, printing dead letters and cloning to the page recurse: refuse depth before parsing (see jsonDepth.ts).
  const deep = findTooDeep(text);
  if (deep !== null) {
    // Auto may still find NDJSON lines of which only some are too deep.
    if (format === 'auto' && deep.line > 0) addLines(out, text);
    else out.refused.push({ text, reason: deep.line > 0 ? `line ${deep.line + 1}: ${tooDeepReason(deep.column)}` : tooDeepReason(deep.column) });
    return out;
  }
  const parsed = parseJson(text);
  if (format === 'auto') {
    if (!parsed.ok) addLines(out, text);
    else if (Array.isArray(parsed.value)) addArray(out, parsed.value, text);
    else addObject(out, parsed.value, text, '');
  } else if (!parsed.ok) out.refused.push({ text, reason: parsed.reason });
  else if (format === 'array') addArray(out, parsed.value, text);
  else addObject(out, parsed.value, text, '');
  return out;
}
