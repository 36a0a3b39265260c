/**
 * The streamed text parsers: chunks cut anywhere and takes of any size give
 * the rows, dictionaries and bad rows of one whole-text parse; the result
 * equals the papaparse-based reader it replaced (testing/wholeText.ts); a
 * parser resumed at resumePoint() goes on with the same rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFileSource, type FileParseResult, type FileSourceOptions } from '../index';
import { parseWholeText } from '../testing/wholeText';
import { csvText, jsonArrayText, ndjsonText } from './gen.testing';
import { createRowParser } from './index';
import { sniffHead, type SniffOptions } from './sniff';
import { parseInPieces, recordsOf } from './testing';
import type { FileLayout } from './types';

const OPTIONS: SniffOptions = { format: 'auto', eventTime: 'ts', timeFormat: 'auto' };
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function layoutOf(bytes: Uint8Array, options: Partial<SniffOptions> = {}): FileLayout | null {
  const sniffed = sniffHead(bytes, true, '', { ...OPTIONS, ...options });
  return sniffed.ok ? sniffed.layout : null;
}

/** Any text of the three formats, with its options. */
const anyText = fc.oneof(
  csvText(true).map(({ text, delimiter }) => ({ text, options: { delimiter } })),
  ndjsonText.map((text) => ({ text, options: {} })),
  jsonArrayText.map((text) => ({ text, options: {} })),
);

/**
 * The result as plain values. Bad rows on one line (elements of a JSON array)
 * are compared as a set: the old reader listed those that did not parse
 * before those without an event time, the parser lists them in file order.
 */
function plain(result: FileParseResult): unknown {
  if (!result.ok) return result;
  const rowErrors = [...result.rowErrors].sort((a, b) => a.line - b.line || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  return { fields: result.fields, rows: recordsOf(result.block), rowErrors, badRowCount: result.badRowCount };
}

describe('createRowParser: chunk boundaries', () => {
  it('gives the rows, codes, dictionaries and bad rows of the whole text for any cuts and takes', () => {
    fc.assert(
      fc.property(anyText, fc.array(fc.nat(), { maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 5 }), ({ text, options }, cutSeeds, takes) => {
        const bytes = encode(text);
        const layout = layoutOf(bytes, options);
        if (layout === null) return;
        const whole = parseInPieces(layout, bytes, layout.dataStart, []);
        const cuts = cutSeeds.map((c) => c % (bytes.length + 1));
        expect(parseInPieces(layout, bytes, layout.dataStart, cuts, takes)).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });

  it('cuts every byte apart: a quoted field, a multi-byte character, \\r and \\n', () => {
    const text = 'ts,name,note\r\n1000,"Smith, J","said ""hi""\r\non two lines"\r1001,中😀é,x\n\n1002,"a\rb",\r\n';
    const bytes = encode(text);
    const layout = layoutOf(bytes)!;
    const everyByte = Array.from({ length: bytes.length }, (_, i) => i);
    const parsed = parseInPieces(layout, bytes, layout.dataStart, everyByte, [1]);
    expect(parsed.rows.map((r) => [r['ts'], (r['name'] as unknown[])[0], (r['note'] as unknown[])[0]])).toEqual([
      [1_000_000, 'Smith, J', 'said "hi"\r\non two lines'],
      [1_001_000, '中😀é', 'x'],
      [1_002_000, 'a\rb', null],
    ]);
  });
});

describe('createRowParser: resumePoint', () => {
  it('a parser started at resumePoint() after k rows reads the same rest, and the bad rows before it are resumeErrors()', () => {
    fc.assert(
      fc.property(anyText, fc.nat(30), fc.array(fc.nat(), { maxLength: 6 }), ({ text, options }, k, cutSeeds) => {
        const bytes = encode(text);
        const layout = layoutOf(bytes, options);
        if (layout === null) return;
        const whole = parseInPieces(layout, bytes, layout.dataStart, []);
        const parser = createRowParser(layout, {}, layout.dataStart);
        // Fed in pieces so that some rows wait unparsed or untaken at the point.
        let at = layout.dataStart.offset;
        const cuts = cutSeeds.map((c) => c % (bytes.length + 1)).filter((c) => c > at).sort((a, b) => a - b);
        let taken = 0;
        for (const cut of [...cuts, bytes.length]) {
          parser.push(bytes.subarray(at, cut));
          at = cut;
          taken += parser.take(Math.max(0, k - taken)).length;
          if (taken === k) break;
        }
        if (at === bytes.length) parser.end();
        taken += parser.take(Math.max(0, k - taken)).length;
        const point = parser.resumePoint();
        const before = parser.resumeErrors();
        const rest = parseInPieces(layout, bytes, point, []);
        expect(rest.rows.map((r) => JSON.stringify(Object.values(r).map((v) => (Array.isArray(v) ? v[0] : v))))).toEqual(
          whole.rows.slice(taken).map((r) => JSON.stringify(Object.values(r).map((v) => (Array.isArray(v) ? v[0] : v)))),
        );
        expect(before.count + rest.errors.count).toBe(whole.errors.count);
        expect([...before.first, ...rest.errors.first].slice(0, 100)).toEqual(whole.errors.first);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseFileSource against the papaparse reader it replaced', () => {
  const compare = (text: string, options: Partial<FileSourceOptions>): void => {
    const full: FileSourceOptions = { format: 'auto', eventTime: 'ts', timeFormat: 'auto', ...options };
    expect(plain(parseFileSource(text, full))).toEqual(plain(parseWholeText(text, full)));
  };

  it('reads random CSV and TSV (one line break per file) as papaparse did', () => {
    fc.assert(fc.property(csvText(false), ({ text, delimiter }) => compare(text, { delimiter })), { numRuns: 400 });
  });

  it('reads random NDJSON and JSON arrays as before', () => {
    fc.assert(fc.property(fc.oneof(ndjsonText, jsonArrayText), (text) => compare(text, {})), { numRuns: 300 });
  });

  it('agrees on malformed quotes and rows of the wrong width, with their lines', () => {
    for (const text of ['ts,v\n1,"ab"c\n2,x\n', 'ts,v\n1,"a"  \n2,"b" ,x\n3,"unclosed\n4,y\n', 'ts,v\n1\n2,a,b\n\n3,"x\ny",z\n4,ok']) compare(text, {});
  });
});
