/**
 * Helpers for the export's tests: the examples, and the grammar check of a
 * whole script: dt-sql-parser's FlinkSQL `validate` (a dev dependency never
 * imported by the app or the CLI) through testing/flinkGrammar.ts, whose
 * stand-ins cover built-ins the grammar does not know (SQRT, CHAR_LENGTH).
 * One more known gap, handled in the open: the grammar rejects an
 * interval's leading precision (`DAY(3)`), which Flink needs for 100 days or
 * more (intervals.ts); the check removes it, and intervals.test.ts shows the
 * grammar still rejects it raw, so the stand-in goes once it need not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FlinkSQL } from 'dt-sql-parser';
import { closingQuote, forGrammar, mapUnquoted } from './testing/flinkGrammar';

const parser = new FlinkSQL();

/** `script` with interval leading precisions removed outside quotes: `DAY(3) TO SECOND` is checked as `DAY TO SECOND`. */
export function withoutIntervalPrecision(script: string): string {
  return mapUnquoted(script, (text) => text.replace(/\bDAY\(\d+\) TO SECOND\b/g, 'DAY TO SECOND'));
}

/**
 * Applies `map` to the SQL of `script` and leaves its `--` comments as they
 * are: a comment may hold a lone quote ("Flink's"), which the quote-aware
 * stand-ins of flinkGrammar.ts would take for the start of a literal.
 */
export function mapOutsideComments(script: string, map: (sql: string) => string): string {
  let out = '';
  let code = '';
  let i = 0;
  while (i < script.length) {
    const c = script.charAt(i);
    if (c === "'" || c === '`') {
      const end = closingQuote(script, i);
      code += script.slice(i, end);
      i = end;
    } else if (c === '-' && script.charAt(i + 1) === '-') {
      const end = script.indexOf('\n', i);
      const stop = end < 0 ? script.length : end;
      out += map(code) + script.slice(i, stop);
      code = '';
      i = stop;
    } else {
      code += c;
      i++;
    }
  }
  return out + map(code);
}

/** The grammar's errors for a whole script, as `line:column message` (empty when accepted). */
export function scriptErrors(script: string): string[] {
  const checked = mapOutsideComments(script, (sql) => withoutIntervalPrecision(forGrammar(sql)));
  return parser.validate(checked).map((error) => `${error.startLine}:${error.startColumn} ${error.message}`);
}

export const EXAMPLES_DIR = join(import.meta.dirname, '..', '..', 'examples');

/** Every example document, by file name. */
export function examples(): { name: string; document: unknown }[] {
  return readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')).sort()
    .map((name) => ({ name, document: JSON.parse(readFileSync(join(EXAMPLES_DIR, name), 'utf8')) as unknown }));
}
