/** Each text format alone through createRowParser, fed one byte at a time: its rows and its bad rows with their lines. */
import { describe, expect, it } from 'vitest';
import { CsvScanner } from './csvScanner';
import { createRowParser } from './index';
import { sniffHead } from './sniff';
import { parseInPieces, recordsOf } from './testing';

function parseBytewise(text: string, timeFormat: 'auto' | 'epochMillis' = 'epochMillis', delimiter = ','): { rows: Record<string, unknown>[]; errors: [number, string][] } {
  const bytes = new TextEncoder().encode(text);
  const sniffed = sniffHead(bytes, true, '', { format: 'auto', eventTime: 'ts', timeFormat, delimiter });
  if (!sniffed.ok) throw new Error(sniffed.message);
  const parser = createRowParser(sniffed.layout, {}, sniffed.layout.dataStart);
  for (let i = sniffed.layout.dataStart.offset; i < bytes.length; i++) parser.push(bytes.subarray(i, i + 1));
  parser.end();
  return { rows: recordsOf(parser.take(Infinity)), errors: parser.errors.first.map((e) => [e.line, e.message]) };
}

describe('each format alone', () => {
  it('CSV: quoted fields, a multi-byte delimiter, bad rows with their lines', () => {
    const { rows, errors } = parseBytewise('ts§k§v\n1§"a§b"§1\n2§x\n3§"bad"q"§2\n\n4§é§2\n5§"open', 'epochMillis', '§');
    expect(rows).toEqual([
      { ts: 1, k: 'a§b', v: 1 },
      { ts: 4, k: 'é', v: 2 },
    ]);
    expect(errors).toEqual([
      [3, 'expected 3 fields, found 2'],
      [4, 'Trailing quote on quoted field is malformed'],
      [7, 'Quoted field unterminated'],
    ]);
  });

  it('TSV with CRLF, a value of the wrong type and a time out of range', () => {
    const { rows, errors } = parseBytewise('ts\tn\r\n1000\t1.5\r\n1e20\tx\r\n2000\t2\r\n', 'epochMillis', '\t');
    expect(rows).toEqual([{ ts: 1000, n: 1.5 }, { ts: 2000, n: 2 }]);
    expect(errors).toEqual([[3, 'event time "ts": "1e20" is outside the accepted years 1900 to 2300 (params earliestYear and latestYear)']]);
    expect(parseBytewise('ts,n\n1,1\n2,2\n', 'epochMillis').rows).toHaveLength(2);
  });

  it('NDJSON: nested objects flattened, blank and broken lines, lone CR', () => {
    const { rows, errors } = parseBytewise('{"ts":1,"m":{"a":1}}\r\r\n{"ts":2,"m":{"a":"x"}}\n{broken\r[1]\n{"ts":3}');
    expect(rows).toEqual([{ ts: 1, 'm.a': '1' }, { ts: 2, 'm.a': 'x' }, { ts: 3, 'm.a': null }]);
    expect(errors.map(([line, message]) => [line, message.split(':')[0]])).toEqual([
      [4, 'invalid JSON'],
      [5, 'expected a JSON object, found an array'],
    ]);
  });

  it('a JSON array streamed: elements over lines, an empty element, text after the array', () => {
    const { rows, errors } = parseBytewise('[\n{"ts":1,"s":"a,]}"},\n,\n{"ts":2,\n "s":"中"}\n] tail');
    expect(rows).toEqual([{ ts: 1, s: 'a,]}' }, { ts: 2, s: '中' }]);
    expect(errors).toEqual([[3, 'empty array element'], [6, 'unexpected text after the JSON array']]);
  });
});

describe('a row of many chunks', () => {
  it('is scanned again only when the bytes waiting for it have doubled, not once per chunk', () => {
    const field = 'x'.repeat(8 << 20);
    const bytes = new TextEncoder().encode(`1,"${field}"\n2,y\n`);
    const rows: [number, number][] = [];
    const scanner = new CsvScanner(',', { offset: 0, line: 1 }, {
      row: (s, _buf, count, line) => {
        rows.push([line, count === 2 ? s.ends[1]! - s.starts[1]! : -1]);
      },
    });
    const chunks = Math.ceil(bytes.length / 65_536);
    for (let at = 0; at < bytes.length; at += 65_536) scanner.push(bytes.subarray(at, at + 65_536));
    scanner.end();
    expect(rows).toEqual([[1, field.length], [2, 1]]);
    expect(scanner.scans).toBeLessThan(chunks / 4);
  });
});

describe('the buffer of rows', () => {
  it('grows and moves its rows down as takes of any size go on, keeping them in order', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `${i},k${i % 37},${i / 4},${i % 3 === 0}`);
    const bytes = new TextEncoder().encode(`ts,k,v,b\n${lines.join('\n')}\n`);
    const sniffed = sniffHead(bytes, true, '', { format: 'csv', eventTime: 'ts', timeFormat: 'epochMillis' });
    if (!sniffed.ok) throw new Error(sniffed.message);
    const whole = parseInPieces(sniffed.layout, bytes, sniffed.layout.dataStart, []);
    expect(whole.rows).toHaveLength(10_000);
    for (const [step, takes] of [[997, [30, 700, 0, 1500]], [19_997, [700, 750]]] as const) {
      const cuts = Array.from({ length: Math.floor(bytes.length / step) }, (_, i) => (i + 1) * step);
      expect(parseInPieces(sniffed.layout, bytes, sniffed.layout.dataStart, cuts, takes)).toEqual(whole);
    }
  });
});
