import { describe, expect, it } from 'vitest';
import { readCell } from '../batch';
import { parseFileSource } from './file';
import { findTooDeep, jsonTooDeepAt, MAX_JSON_NESTING } from './jsonDepth';
import { createMessageSource } from './websocket/messageSource';

const nested = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
/** The 1-based column of the bracket that opens level limit + 1: after `prefix` (whose own `{` is level 1) come `step`-character openers. */
const pastLimit = (prefix: string, step: number): number => prefix.length + step * (MAX_JSON_NESTING - 1) + 1;
const REASON = `objects and arrays nested deeper than ${MAX_JSON_NESTING} levels (the limit) at column`;

describe('jsonTooDeepAt', () => {
  it('lets text nest up to the limit and points at the bracket past it', () => {
    expect(jsonTooDeepAt(nested(MAX_JSON_NESTING))).toBe(-1);
    expect(jsonTooDeepAt(nested(MAX_JSON_NESTING + 1))).toBe(5 * MAX_JSON_NESTING);
    expect(jsonTooDeepAt(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBe(MAX_JSON_NESTING);
    // Side by side is not inside each other.
    expect(jsonTooDeepAt(`[${Array.from({ length: 100 }, () => nested(60)).join(',')}]`)).toBe(-1);
  });

  it('skips brackets inside strings, escaped quotes included', () => {
    expect(jsonTooDeepAt(JSON.stringify({ a: '{'.repeat(1000), b: '"[[[['.repeat(100) }))).toBe(-1);
    const prefix = '{"a": "\\"", "b": ';
    expect(jsonTooDeepAt(`${prefix}${nested(MAX_JSON_NESTING)}}`)).toBe(pastLimit(prefix, 5) - 1);
  });

  it('gives line and column in text of several lines, from the column the text starts at', () => {
    expect(findTooDeep(`{\n "x": 1,\n "deep": ${nested(100)}\n}`)).toEqual({ line: 2, column: 10 + 5 * (MAX_JSON_NESTING - 1) });
    expect(findTooDeep(nested(100), MAX_JSON_NESTING, 4)).toEqual({ line: 0, column: 5 + 5 * MAX_JSON_NESTING });
    expect(findTooDeep(nested(3), 2)).toEqual({ line: 0, column: 11 });
  });
});

describe('a file row nested too deep', () => {
  const good = (v: number): string => JSON.stringify({ ts: 1000 + v, v });

  it('is a bad row with its line among good rows in NDJSON', () => {
    const text = [good(1), good(2), `{"ts": 5, "deep": ${nested(100_000)}}`, good(3), `{"ts": 6, "list": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, good(4)].join('\n');
    const result = parseFileSource(text, { format: 'auto', eventTime: 'ts', timeFormat: 'epochMillis' });
    if (!result.ok) throw new Error(result.message);
    const v = result.block.columns['v']!;
    expect(Array.from({ length: result.block.length }, (_, r) => readCell(v, r))).toEqual([1, 2, 3, 4]);
    expect(result.rowErrors).toEqual([
      { line: 3, message: `${REASON} ${pastLimit('{"ts": 5, "deep": ', 5)}` },
      { line: 5, message: `${REASON} ${pastLimit('{"ts": 6, "list": ', 1)}` },
    ]);
    expect(result.badRowCount).toBe(2);
  });

  it('is read when it nests exactly to the limit', () => {
    const result = parseFileSource(`{"ts": 1, "deep": ${nested(MAX_JSON_NESTING - 1)}}`, { format: 'ndjson', eventTime: 'ts', timeFormat: 'epochMillis' });
    if (!result.ok) throw new Error(result.message);
    expect(result.fields.map((f) => f.name)).toEqual(['ts', `deep${'.a'.repeat(MAX_JSON_NESTING - 1)}`]);
  });

  it('is a bad row with the line and column where it passes the limit in a JSON array', () => {
    const text = `[\n  ${good(1)},\n  {"ts": 5,\n   "deep": ${nested(100_000)}},\n  ${good(2)}\n]`;
    const result = parseFileSource(text, { format: 'json', eventTime: 'ts', timeFormat: 'epochMillis' });
    if (!result.ok) throw new Error(result.message);
    expect(result.block.length).toBe(2);
    expect(result.rowErrors).toEqual([{ line: 4, message: `${REASON} ${pastLimit('{"ts": 5,\n   "deep": '.slice(10), 5)}` }]);
  });
});

describe('a WebSocket message nested too deep', () => {
  const spec = (format: 'auto' | 'ndjson' | 'array' | 'object') => ({
    url: 'ws://x', format, fields: [{ name: 'ts', type: 'time' as const }, { name: 'v', type: 'number' as const }],
    eventTime: 'ts', timeFormat: 'epochMillis' as const, boundMs: 0, queueLimit: 100,
  });

  it.each(['auto', 'object', 'array'] as const)('is a dead letter with its message number and reason, and the source goes on (%s)', (format) => {
    const source = createMessageSource('ws', spec(format));
    const wrap = (text: string): string => (format === 'array' ? `[${text}]` : text);
    source.offer(wrap('{"ts": 1, "v": 1}'));
    source.offer(wrap(`{"ts": 2, "v": ${nested(100_000)}}`));
    source.offer(wrap('{"ts": 3, "v": 3}'));
    const stats = source.stats();
    expect(stats.deadLetters).toBe(1);
    // In an array message the `[` is level 1 too, so one nested brace fewer passes the limit.
    const column = format === 'array' ? pastLimit('[{"ts": 2, "v": ', 5) - 5 : pastLimit('{"ts": 2, "v": ', 5);
    expect(stats.lastDeadLetters.map(({ reason, message }) => ({ reason, message }))).toEqual([{ reason: `${REASON} ${column}`, message: 2 }]);
    const batch = source.next(10)!;
    expect(batch.length).toBe(2);
  });

  it('refuses only the deep line of an NDJSON message', () => {
    const source = createMessageSource('ws', spec('ndjson'));
    source.offer(['{"ts": 1, "v": 1}', `{"ts": 2, "v": ${'['.repeat(100_000)}}`, '{"ts": 3, "v": 3}'].join('\n'));
    expect(source.stats().lastDeadLetters.map((d) => d.reason)).toEqual([`line 2: ${REASON} ${pastLimit('{"ts": 2, "v": ', 1)}`]);
    expect(source.next(10)!.length).toBe(2);
  });
});
