import { parseArgs } from 'node:util';

export type CliCommand =
  | { readonly command: 'run'; readonly pipeline: string; readonly input?: string; readonly limit?: number; readonly out?: string; readonly late?: string }
  | { readonly command: 'validate'; readonly pipeline: string; readonly input?: string }
  | { readonly command: 'help' };

export const USAGE = `Usage:
  windowpane run PIPELINE.json [--input FILE] [--limit N] [--out FILE] [--late FILE]
  windowpane validate PIPELINE.json [--input FILE]

  run        runs the pipeline to the end of its input and writes results as NDJSON
             (one line per window result: window_start, window_end, keys, aggregates, revision)
  validate   prints every problem of the document, or that it is valid

Options:
  --input FILE   the data for the document's file source (CSV, NDJSON or a JSON array)
  --limit N      stop every source after N events (required for unbounded sample sources)
                 (a WebSocket source also ends when its server closes, or on Ctrl+C)
  --out FILE     write results there instead of standard output
  --late FILE    write the events that reached 'late' ports there, as NDJSON

Exit codes: 0 fine, 1 invalid document or input, 2 usage, 3 a WebSocket source failed or its
server closed before the end of the stream (partial results), 4 unexpected error (the results
computed before it are still written).`;

/** Parses the command line; returns the command or a usage error sentence. */
export function parseCliArgs(argv: readonly string[]): { ok: true; value: CliCommand } | { ok: false; message: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        input: { type: 'string' }, limit: { type: 'string' }, out: { type: 'string' }, late: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help === true || positionals[0] === 'help') return { ok: true, value: { command: 'help' } };
  const [command, pipeline, ...extra] = positionals;
  if (command === undefined) return { ok: false, message: 'no command given' };
  if (command !== 'run' && command !== 'validate') return { ok: false, message: `unknown command '${command}'; use run or validate` };
  if (pipeline === undefined) return { ok: false, message: `${command} needs a pipeline file: windowpane ${command} PIPELINE.json` };
  if (extra.length > 0) return { ok: false, message: `unexpected argument '${extra[0]}'` };
  const input = values.input === undefined ? {} : { input: values.input };
  if (command === 'validate') {
    const stray = (['limit', 'out', 'late'] as const).find((k) => values[k] !== undefined);
    if (stray !== undefined) return { ok: false, message: `--${stray} only applies to run` };
    return { ok: true, value: { command, pipeline, ...input } };
  }
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!/^\d+$/.test(values.limit) || !Number.isSafeInteger(limit)) return { ok: false, message: `--limit must be a whole number of events, got '${values.limit}'` };
  }
  return {
    ok: true,
    value: {
      command, pipeline, ...input,
      ...(limit === undefined ? {} : { limit }),
      ...(values.out === undefined ? {} : { out: values.out }),
      ...(values.late === undefined ? {} : { late: values.late }),
    },
  };
}
