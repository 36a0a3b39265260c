/** Random file texts for the parser's properties: CSV/TSV, NDJSON and JSON arrays with the awkward parts. */
import fc from 'fast-check';

const WORDS = ['a', 'b', 'é', '中文', '😀', 'x y', 'say "hi"', 'a,b', 'tab\there', 'two\nlines', 'cr\rline', 'crlf\r\nline', '', ' ', 'true', 'FALSE', '12', '-0', '1e5'];
const word = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) });
const decimal = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => String(d)),
  fc.constantFrom('0', '-0', '007', '1.50', '.5', '5.', '+3', '1e5', '2.5E-3', ' 5', '12345678901234567890', '0.1000000000000000055511151231257827', '9007199254740993', '1e400', 'abc', ''),
);
const bool = fc.constantFrom('true', 'false', 'TRUE', 'False', '');
export const MS = fc.integer({ min: 1_600_000_000_000, max: 1_700_000_000_000 });
const timeCell = fc.oneof({ weight: 12, arbitrary: MS.map(String) }, { weight: 1, arbitrary: fc.constantFrom('', 'x', '1e20', '2024-01-01T00:00:00Z') });

export type Newline = '\n' | '\r\n' | '\r';
const newline = fc.constantFrom<Newline>('\n', '\r\n', '\r');

function csvCell(text: string, delimiter: string): string {
  return text.includes('"') || text.includes(delimiter) || /[\r\n]/.test(text) || text === '' ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvCase {
  readonly text: string;
  readonly delimiter: string;
}

/**
 * CSV with a header (ts first or elsewhere), typed columns, quoted cells,
 * blank lines and rows of the wrong width. `mixed`: each line break drawn
 * alone (else one for the file, as papaparse needs), and an optional BOM.
 */
export function csvText(mixed: boolean): fc.Arbitrary<CsvCase> {
  return fc
    .record({
      delimiter: fc.constantFrom(',', ';', '\t', '|', '§'),
      kinds: fc.array(fc.constantFrom('s', 'n', 'b'), { minLength: 1, maxLength: 4 }),
      timeAt: fc.nat(),
      rows: fc.array(fc.tuple(timeCell, fc.array(fc.oneof(word, decimal, bool), { minLength: 4, maxLength: 4 }), fc.nat(20)), { maxLength: 25 }),
      newlines: fc.array(newline, { minLength: 30, maxLength: 30 }),
      bom: mixed ? fc.boolean() : fc.constant(false),
      finalBreak: fc.boolean(),
    })
    .map(({ delimiter, kinds, timeAt, rows, newlines, bom, finalBreak }) => {
      const at = timeAt % (kinds.length + 1);
      const names = kinds.map((k, i) => `${k}${i}`);
      names.splice(at, 0, 'ts');
      const lines = [names.join(delimiter)];
      rows.forEach(([ts, cells, odd]) => {
        const typed = kinds.map((k, i) => (k === 's' ? cells[i]! : k === 'n' ? (/^[\d .eE+-]*$/.test(cells[i]!) ? cells[i]! : String(i)) : ['true', 'false', ''].includes(cells[i]!.toLowerCase()) ? cells[i]! : 'true'));
        typed.splice(at, 0, ts);
        let row = typed.map((c) => csvCell(c, delimiter)).join(delimiter);
        if (odd === 0) row += `${delimiter}extra`;
        if (odd === 1) lines.push('');
        lines.push(row);
      });
      const nl = (i: number): string => (mixed ? newlines[i % newlines.length]! : newlines[0]!);
      let text = lines.map((line, i) => line + (i < lines.length - 1 || finalBreak ? nl(i) : '')).join('');
      if (bom) text = `\uFEFF${text}`;
      return { text, delimiter };
    });
}

const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -100, max: 100 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  word,
  fc.boolean(),
  fc.constant(null),
  fc.constant({ inner: 1, deep: { x: 'é' } }),
  fc.constant([1, 'two']),
);

const jsonRow = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(MS, fc.dictionary(fc.constantFrom('k', 'v', 'n', 'meta', 'é'), jsonValue, { maxKeys: 4 })).map(([ts, rest]) => JSON.stringify({ ts, ...rest })) },
  { weight: 1, arbitrary: fc.constantFrom('{broken', '[1]', '"x"', '{"ts":"bad"}', '{"ts":1e20}', '{"v":1}', '{"ts":1650000000000,"n":"abc"}') },
);

/** NDJSON with blank lines, bad lines and any line breaks, maybe a BOM. */
export const ndjsonText: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(jsonRow, newline, fc.boolean()), { minLength: 1, maxLength: 25 }), fc.boolean())
  .map(([rows, bom]) => (bom ? '\uFEFF' : '') + rows.map(([row, nl, blank]) => (blank ? `  ${nl}` : '') + row + nl).join(''));

/** A JSON array with elements over lines, bad elements, and sometimes text after it. */
export const jsonArrayText: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.tuple(jsonRow, fc.constantFrom(',', ',\n', ' ,\r\n  ', ',\n\n')), { minLength: 1, maxLength: 25 }),
    fc.constantFrom('[', ' [\n', '\n[ '),
    fc.constantFrom(']', '\n]\n', ']  x', ''),
  )
  .map(([rows, open, close]) => open + rows.map(([row, sep], i) => (i === 0 ? '' : sep) + row).join('') + close);
