/**
 * The `--input` options as given: `FILE` for a pipeline's only file source,
 * or `SOURCE_ID=FILE` (repeatable) for several. Which node each one feeds is
 * decided against the document later (./assign.ts).
 */

/** One `--input`: the file source it names (null: the only one) and the path ('-' is standard input). */
export interface InputArg {
  readonly sourceId: string | null;
  readonly path: string;
}

/** A node id as the model allows it; `ID=` before a path names a source (write `./a=b.csv` for such a file). */
const SOURCE_PREFIX = /^([A-Za-z_][A-Za-z0-9_-]*)=(.*)$/s;

export const STDIN = '-';

/** Reads the `--input` values; returns them or a usage error sentence. */
export function parseInputArgs(values: readonly string[]): { ok: true; inputs: InputArg[] } | { ok: false; message: string } {
  const inputs = values.map((value): InputArg => {
    const m = SOURCE_PREFIX.exec(value);
    return m === null ? { sourceId: null, path: value } : { sourceId: m[1]!, path: m[2]! };
  });
  const empty = inputs.find((i) => i.path === '');
  if (empty !== undefined) return { ok: false, message: `--input ${empty.sourceId ?? ''}=: no file given` };
  if (inputs.filter((i) => i.path === STDIN).length > 1) return { ok: false, message: 'only one --input may be - (standard input)' };
  if (inputs.length > 1) {
    const bare = inputs.find((i) => i.sourceId === null);
    if (bare !== undefined) {
      return { ok: false, message: `--input ${bare.path}: with several inputs give each one's file source as --input SOURCE_ID=FILE` };
    }
  }
  const seen = new Set<string>();
  for (const { sourceId } of inputs) {
    if (sourceId === null) continue;
    if (seen.has(sourceId)) return { ok: false, message: `--input ${sourceId}=... is given twice: each file source takes one file` };
    seen.add(sourceId);
  }
  return { ok: true, inputs };
}
