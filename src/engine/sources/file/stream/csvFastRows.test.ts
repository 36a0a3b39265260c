/**
 * The fast CSV path (csvFastRows.ts) reads exactly what the general scanner
 * and CsvColumns read: the same rows, values, codes, dictionaries, bad rows
 * with their lines, and resume points, for any text and any chunk cuts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RowBlock } from '../../../batch';
import { CsvFastRows } from './csvFastRows';
import { csvText, MS } from './gen.testing';
import { RowColumns } from './rowColumns';
import { createTextRowParser } from './rowParser';
import { sniffHead } from './sniff';
import { recordsOf } from './testing';
import type { FileLayout, FilePosition } from './types';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

interface Run {
  readonly rows: Record<string, unknown>[];
  readonly dicts: Record<string, string[]>;
  readonly errors: unknown;
  readonly points: FilePosition[];
  readonly good: number[];
}

/** Parses `bytes` in the pieces `cuts` make, taking `take` rows after each, with or without the fast path. */
function run(layout: FileLayout, bytes: Uint8Array, cuts: readonly number[], take: number, fast: boolean): Run {
  const parser = createTextRowParser(layout, undefined, layout.dataStart, fast);
  const rows: Record<string, unknown>[] = [];
  const dicts: Record<string, string[]> = {};
  const points: FilePosition[] = [];
  const good: number[] = [];
  const collect = (block: RowBlock): void => {
    rows.push(...recordsOf(block, true));
    for (const [name, c] of Object.entries(block.columns)) if (c.type === 'string') dicts[name] = [...c.dict.values];
  };
  let at = layout.dataStart.offset;
  const ends = [...cuts.filter((c) => c > at && c < bytes.length)].sort((a, b) => a - b);
  for (const cut of [...ends, bytes.length]) {
    parser.push(bytes.subarray(at, cut));
    at = cut;
    points.push(parser.resumePoint());
    good.push(parser.progress.rows);
    collect(parser.take(take));
    points.push(parser.resumePoint());
  }
  parser.end();
  collect(parser.take(Infinity));
  points.push(parser.resumePoint());
  return { rows, dicts, errors: { first: [...parser.errors.first], count: parser.errors.count }, points, good };
}

/** Number cells of every kind the fast path reads or must leave alone. */
const numberCell = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{0,25}$/), fc.constantFrom('', '.'), fc.stringMatching(/^\d{0,25}$/), fc.constantFrom('', 'e', 'E', 'e-', 'E+', 'e+0'), fc.stringMatching(/^\d{0,4}$/))
    .map((parts) => parts.join('')),
  fc.constantFrom('0', '-0', '007', '000.000', '1.50', '.5', '5.', '+3', '1e5', '2.5E-3', '1e22', '1e23', '1e-22', '1e-23', '9007199254740991', '9007199254740992', '9007199254740993',
    '12345678901234567890', '0.1000000000000000055511151231257827', '1e400', '1e99999', '1e100001', '0.0000000000000000000000001e30', 'NaN', 'nan', 'Infinity', '-Infinity', 'inf', '0x1f', '1_000', ' 5', '5 ', '1e', 'e5', '.', '-', '+', '--1', '1.2.3', ''),
);
const stringCell = fc.oneof(fc.constantFrom('k1', 'k2', 'k714', 'NaN', 'null', '', ' ', 'é', '中文', 'a"b', 'x\ty'), fc.string({ maxLength: 5 }));
const boolCell = fc.constantFrom('true', 'false', 'TRUE', 'False', 'tRuE', '', 'yes', 'truex', 'fals', 't');
const timeCell = fc.oneof({ weight: 10, arbitrary: MS.map(String) }, { weight: 1, arbitrary: numberCell }, { weight: 1, arbitrary: fc.constantFrom('1e20', '-1', '1600000000000.5', '16e11', '') });

function quoted(cell: string, quote: boolean): string {
  return quote || /[",;\t|\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Files mostly of rows the fast path takes, with the odd row it must hand back. */
const fastText = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    kinds: fc.array(fc.constantFrom('s', 'n', 'b'), { minLength: 1, maxLength: 4 }),
    timeAt: fc.nat(),
    rows: fc.array(
      fc.record({
        time: timeCell,
        cells: fc.array(fc.tuple(numberCell, stringCell, boolCell, fc.nat(30)), { minLength: 4, maxLength: 4 }),
        newline: fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'),
        odd: fc.nat(30),
      }),
      { maxLength: 40 },
    ),
    finalBreak: fc.boolean(),
  })
  .map(({ delimiter, kinds, timeAt, rows, finalBreak }) => {
    const at = timeAt % (kinds.length + 1);
    const names = kinds.map((k, i) => `${k}${i}`);
    names.splice(at, 0, 'ts');
    let text = `${names.join(delimiter)}\n`;
    rows.forEach(({ time, cells, newline, odd }, r) => {
      const row = kinds.map((k, i) => {
        const [n, s, b, q] = cells[i]!;
        return quoted(k === 'n' ? n : k === 's' ? s : b, q === 0);
      });
      row.splice(at, 0, quoted(time, false));
      let line = row.join(delimiter);
      if (odd === 0) line += `${delimiter}extra`;
      if (odd === 1) line = line.slice(0, Math.max(0, line.lastIndexOf(delimiter)));
      if (odd === 2) text += newline;
      text += line + (r < rows.length - 1 || finalBreak ? newline : '');
    });
    return { text, delimiter };
  });

function layoutOf(bytes: Uint8Array, delimiter: string): FileLayout | null {
  const sniffed = sniffHead(bytes, true, '', { format: 'csv', eventTime: 'ts', timeFormat: 'auto', delimiter });
  return sniffed.ok ? sniffed.layout : null;
}

function holdsEqual(text: string, delimiter: string, cutSeeds: readonly number[], take: number, timeFormat?: FileLayout['timeFormat']): void {
  const bytes = encode(text);
  const sniffed = layoutOf(bytes, delimiter);
  if (sniffed === null) return;
  const layout = timeFormat === undefined ? sniffed : { ...sniffed, timeFormat };
  const cuts = cutSeeds.map((c) => c % (bytes.length + 1));
  expect(run(layout, bytes, cuts, take, true)).toEqual(run(layout, bytes, cuts, take, false));
}

describe('CsvFastRows: the same as the general path', () => {
  it('for rows of numbers, strings and booleans in every spelling, quoted or not, cut anywhere', () => {
    fc.assert(
      fc.property(fastText, fc.array(fc.nat(), { maxLength: 10 }), fc.integer({ min: 1, max: 50 }), ({ text, delimiter }, cuts, take) => holdsEqual(text, delimiter, cuts, take)),
      { numRuns: 600 },
    );
  });

  it('with event times in epoch seconds too', () => {
    fc.assert(
      fc.property(fastText, fc.array(fc.nat(), { maxLength: 6 }), ({ text, delimiter }, cuts) => holdsEqual(text, delimiter, cuts, 7, 'epochSeconds')),
      { numRuns: 200 },
    );
  });

  it('for the parser tests\' CSV (quoted line breaks, blank lines, any delimiter, a BOM)', () => {
    fc.assert(
      fc.property(csvText(true), fc.array(fc.nat(), { maxLength: 10 }), fc.integer({ min: 1, max: 20 }), ({ text, delimiter }, cuts, take) => holdsEqual(text, delimiter, cuts, take)),
      { numRuns: 300 },
    );
  });

  it('takes the common rows itself and stops before the odd one, with nothing of it written', () => {
    const head = 'ts,key,value\n';
    const body = '1700000000000,k1,1.5\r\n1700000000001,k2,-2e2\n1700000000002,"k1",3\n1700000000003,k3,4\n';
    const layout = layoutOf(encode(head + body), ',')!;
    const columns = new RowColumns(layout, undefined);
    const fast = CsvFastRows.create(columns, ',')!;
    const bytes = encode(body);
    const stop = fast.read(bytes, 0, bytes.length, 100, 2);
    expect(fast.rowsRead).toBe(2);
    expect(stop).toBe(body.indexOf('1700000000002'));
    expect(columns.buffered).toBe(2);
    expect(columns.firstPosition()).toEqual({ offset: 100, line: 2 });
    expect(recordsOf(columns.take(Infinity))).toEqual([
      { ts: 1700000000000, key: 'k1', value: 1.5 },
      { ts: 1700000000001, key: 'k2', value: -200 },
    ]);
    // A row cut by the end of the bytes waits for the general scanner, which waits for more.
    expect(fast.read(bytes, stop + 23, bytes.length - 1, 100, 4)).toBe(stop + 23);
    expect(fast.rowsRead).toBe(0);
    expect(columns.buffered).toBe(0);
  });

  it('does not apply to ISO times or to a delimiter a cell could hold', () => {
    const layout = layoutOf(encode('ts,v\n1700000000000,1\n'), ',')!;
    expect(CsvFastRows.create(new RowColumns({ ...layout, timeFormat: 'iso' }, undefined), ',')).toBeNull();
    expect(CsvFastRows.create(new RowColumns(layout, undefined), '.')).toBeNull();
    expect(CsvFastRows.create(new RowColumns(layout, undefined), ',')).not.toBeNull();
  });
});
