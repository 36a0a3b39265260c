/**
 * Random file texts for the streamed-file properties: the events of
 * snapshotPipelines as CSV or NDJSON, with LF or CRLF, strings that need
 * quotes or take several bytes, and bad rows of every kind (an unreadable,
 * missing or out-of-range event time, a CSV row of the wrong width, a line
 * that is not JSON) at random places, so their line numbers matter.
 */
import fc from 'fast-check';
import { eventRows, type SourcePart } from './snapshotPipelines';

type Event = { ts: number; k: string; v: number | null; b: boolean };

const BAD_CSV = ['soon,a,1,true', ',b,2,false', '99999999999999,c,3,true', '1700000000000,a', '1700000000000,a,1,true,extra'];
const BAD_NDJSON = ['{"ts":"soon","k":"a","v":1,"b":true}', '{"k":"b","v":2,"b":false}', '{"ts":99999999999999,"k":"c","v":3,"b":true}', 'not json', '{"ts":-1e400}'];

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(e: Event): string {
  return `${e.ts},${csvCell(e.k)},${e.v === null ? '' : String(e.v)},${e.b}`;
}

/** Keys beyond snapshotPipelines': a quote, a comma, a multi-byte and an astral character. */
const EXTRA_KEYS = ['say "hi"', 'a,b', '日本', '🙂x'];

export interface FileText {
  readonly format: 'csv' | 'ndjson';
  readonly text: string;
}

/** A file of events with bad rows among them. */
export const fileTexts: fc.Arbitrary<FileText> = fc.record({
  rows: eventRows,
  format: fc.constantFrom('csv' as const, 'ndjson' as const),
  crlf: fc.boolean(),
  extraKeys: fc.array(fc.nat(), { maxLength: 8 }),
  bad: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 })), { maxLength: 12 }),
  finalBreak: fc.boolean(),
}).map(({ rows, format, crlf, extraKeys, bad, finalBreak }) => {
  const events: Event[] = rows.map((r) => ({ ...r }));
  for (const x of extraKeys) events[x % events.length]!.k = EXTRA_KEYS[x % EXTRA_KEYS.length]!;
  const lines = events.map((e) => (format === 'csv' ? csvLine(e) : JSON.stringify(e)));
  // Bad rows go after the first row: the first row fixes v's type as a number.
  for (const [at, kind] of bad) lines.splice(1 + (at % lines.length), 0, (format === 'csv' ? BAD_CSV : BAD_NDJSON)[kind]!);
  if (format === 'csv') lines.unshift('ts,k,v,b');
  const eol = crlf ? '\r\n' : '\n';
  return { format, text: lines.join(eol) + (finalBreak ? eol : '') };
});

/** A file source of such a file (its text inline: the streamed run gives the same text as a file). */
export const fileSourceParts: fc.Arbitrary<SourcePart> = fc.tuple(fileTexts, fc.integer({ min: 0, max: 1500 })).map(([file, bound]) => ({
  nodes: [{ id: 'src0', kind: 'source.file', params: { format: file.format, eventTime: 'ts', timeFormat: 'epochMillis', maxOutOfOrderness: `${bound}ms`, data: file.text } }],
  out: 'src0', str: 'k', num: 'v',
}));
