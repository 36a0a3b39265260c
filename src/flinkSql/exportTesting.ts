/**
 * Helpers for the export's tests: the examples, and the grammar check of a
 * whole script (dt-sql-parser's FlinkSQL `validate`, a dev dependency never
 * imported by the app or the CLI).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FlinkSQL } from 'dt-sql-parser';

const parser = new FlinkSQL();

/** The grammar's errors for a whole script, as `line:column message` (empty when accepted). */
export function scriptErrors(script: string): string[] {
  return parser.validate(script).map((error) => `${error.startLine}:${error.startColumn} ${error.message}`);
}

export const EXAMPLES_DIR = join(import.meta.dirname, '..', '..', 'examples');

/** Every example document, by file name. */
export function examples(): { name: string; document: unknown }[] {
  return readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')).sort()
    .map((name) => ({ name, document: JSON.parse(readFileSync(join(EXAMPLES_DIR, name), 'utf8')) as unknown }));
}
