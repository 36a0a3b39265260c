/**
 * File-source inputs: rows of CSV, NDJSON or a JSON array with good rows,
 * bad cells, missing and extra fields, odd event times (edge numbers, ISO
 * text, years far out), `__proto__` columns, quotes, blank lines, BOMs and
 * deep JSON rows.
 */
import fc from 'fast-check';
import type { FileRowsCase } from '../cases/fileRows';
import type { TextSpec } from '../cases/materialize';
import { heldBack } from '../knownOpen';
import { PROTO_NAMES, hostileString } from './hostile';

/** Event times: sane ones, and while issue 12 item 3 is open, only those within the sane range. */
const SANE_TIMES = [0, 1_700_000_000_000, 1_700_000_000_500, 1_700_000_060_000, -86_400_000, 1.5, 1_700_000_000, '2024-01-01T00:00:00Z', '2024-01-01', 'yesterday', '', 'null', '1e3'] as const;
const ABSURD_TIMES = [1e20, 1e308, -1e308, 8.64e15 + 1, 2 ** 53 + 2, '+275760-09-13T00:00:00.001Z', '9999-12-31T23:59:59Z', '-271821-04-20T00:00:00Z', 1e15, -1e15] as const;
const time = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1_699_999_000_000, max: 1_700_001_000_000 }) },
  { weight: 2, arbitrary: fc.constantFrom<number | string>(...SANE_TIMES, ...(heldBack('absurdTimes') ? [] : ABSURD_TIMES)) },
);

const columnName = fc.oneof(fc.constantFrom('v', 'k', 'ts', ...PROTO_NAMES, 'a.b', 'a b', ''), fc.string({ maxLength: 4 }));
const cell = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -100, max: 100 }) }, { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, '', 'x', '1e400', 'NaN', '-0', '"', ',', '\n', { a: 1 }, [1, 2]) }, { weight: 1, arbitrary: hostileString });

const deepRow = fc.tuple(fc.integer({ min: 1, max: heldBack('deepNesting') ? 200 : 100_000 }), fc.constantFrom<'array' | 'object'>('array', 'object'))
  .map(([depth, shape]): TextSpec => ({ $fuzz: 'deepText', depth, shape, before: '{"ts":1700000000000,"v":', after: '}' }));

function csvCell(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function jsonLine(names: readonly string[], row: readonly unknown[], ts: unknown): string {
  const parts = [`"ts":${JSON.stringify(ts)}`, ...names.map((name, i) => `${JSON.stringify(name)}:${JSON.stringify(row[i] ?? null)}`)];
  return `{${parts.join(',')}}`;
}

const table = fc.record({
  names: fc.array(columnName, { maxLength: 4 }),
  rows: fc.array(fc.tuple(time, fc.array(cell, { maxLength: 5 })), { minLength: 1, maxLength: 30 }),
  junk: fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '   ', '\uFEFF', 'garbage', '{', '[', ']', '{"ts":}', ',,,', '"unclosed', '\r')), { maxLength: 2 }),
  deep: fc.option(fc.tuple(fc.nat(), deepRow), { nil: undefined }),
});

export const fileRowsCase: fc.Arbitrary<FileRowsCase> = fc.record({
  table,
  written: fc.constantFrom<'csv' | 'ndjson' | 'json'>('csv', 'ndjson', 'json'),
  // Mostly what a person would pick (auto, the written format, the ts column), so most files get read and run.
  format: fc.oneof({ weight: 4, arbitrary: fc.constant<FileRowsCase['format'] | 'written'>('auto') }, { weight: 3, arbitrary: fc.constant('written' as const) }, { weight: 1, arbitrary: fc.constantFrom<FileRowsCase['format']>('csv', 'ndjson', 'json') }),
  timeFormat: fc.oneof({ weight: 4, arbitrary: fc.constant<FileRowsCase['timeFormat']>('auto') }, { weight: 1, arbitrary: fc.constantFrom<FileRowsCase['timeFormat']>('epochMillis', 'epochSeconds', 'iso') }),
  eventTime: fc.oneof({ weight: 6, arbitrary: fc.constant('ts') }, { weight: 1, arbitrary: fc.constantFrom('missing', '__proto__', 'a.b', 'constructor') }),
  delimiter: fc.option(fc.constantFrom(';', '\t', '|', '"', ''), { nil: undefined, freq: 6 }),
}).map(({ table: { names, rows, junk, deep }, written, format, timeFormat, eventTime, delimiter }): FileRowsCase => {
  const lines: TextSpec[] = written === 'csv'
    ? [['ts', ...names].map(csvCell).join(','), ...rows.map(([ts, row]) => [ts, ...row].map(csvCell).join(','))]
    : rows.map(([ts, row]) => jsonLine(names, row, ts));
  for (const [at, text] of junk) lines.splice(at % (lines.length + 1), 0, text);
  if (deep !== undefined && written !== 'csv') lines.splice(deep[0] % (lines.length + 1), 0, deep[1]);
  const text: TextSpec[] = written === 'json' ? ['[', ...lines.flatMap((line, i) => (i === 0 ? [line] : [',', line])), ']'] : lines;
  return { text, format: format === 'written' ? written : format, timeFormat, eventTime, ...(delimiter === undefined ? {} : { delimiter }) };
});
