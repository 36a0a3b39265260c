import { parseArgs } from 'node:util';
import { parseDuration } from '../src/model/duration';
import { parseInputArgs, type InputArg } from './inputs/inputArgs';

/** The interval between checkpoints when --checkpoint-every is not given. */
export const DEFAULT_CHECKPOINT_EVERY_MS = 5000;

export type { InputArg } from './inputs/inputArgs';

/** One `--connector ID=CONNECTOR` of export: checked against the document's nodes later (cli/exportCommand.ts). */
export interface ConnectorArg {
  readonly nodeId: string;
  readonly connector: string;
}

/** `--checkpoint DIR [--checkpoint-every D] [--resume]` of run (cli/checkpoint/). */
export interface CheckpointArgs {
  readonly dir: string;
  /** Milliseconds between checkpoints. */
  readonly everyMs: number;
  readonly resume: boolean;
}

/** What `--format` may say the results are written as. */
export const OUT_FORMATS = ['ndjson', 'csv', 'parquet'] as const;

export type CliCommand =
  | { readonly command: 'run'; readonly pipeline: string; readonly inputs: readonly InputArg[]; readonly limit?: number; readonly out?: string; readonly format?: string; readonly late?: string; readonly checkpoint?: CheckpointArgs }
  | { readonly command: 'validate'; readonly pipeline: string; readonly inputs: readonly InputArg[] }
  | { readonly command: 'compare'; readonly pipeline: string; readonly set: { readonly nodeId: string; readonly param: string; readonly value: string }; readonly inputs: readonly InputArg[]; readonly limit?: number; readonly out?: string; readonly json: boolean }
  | { readonly command: 'export'; readonly pipeline: string; readonly inputs: readonly InputArg[]; readonly out?: string; readonly connectors: readonly ConnectorArg[] }
  | { readonly command: 'nab'; readonly pipeline: string; readonly out: string; readonly corpus?: string; readonly detector?: string }
  | { readonly command: 'help' };

export const USAGE = `Usage:
  windowpane run PIPELINE.json [--input [SOURCE_ID=]FILE]... [--limit N] [--out FILE] [--format F] [--late FILE]
                 [--checkpoint DIR [--checkpoint-every 5s] [--resume]]
  windowpane validate PIPELINE.json [--input [SOURCE_ID=]FILE]...
  windowpane compare PIPELINE.json --set NODE.PARAM=VALUE [--input [SOURCE_ID=]FILE]... [--limit N] [--json] [--out FILE]
  windowpane export --flink-sql PIPELINE.json [--out FILE] [--connector ID=CONNECTOR]... [--input [SOURCE_ID=]FILE]...
  windowpane nab PIPELINE.json --out DIR [--corpus DIR] [--detector NAME]

  run        runs the pipeline to the end of its input and writes results as NDJSON, CSV or Parquet
             (one row per window result: window_start, window_end, keys, aggregates, revision)
  validate   prints every problem of the document, or that it is valid
  compare    what-if: runs the same input through the document as it is (A) and with one window
             or source parameter changed (B), and prints the windows whose values differ, those
             in one run only, late-port counts, revisions and when first results came
  export     --flink-sql: writes the pipeline as a Flink SQL script for Apache Flink 2.2's SQL client;
             what cannot map is printed to standard error as -- comments, with a summary
  nab        scores a detector pipeline on the Numenta Anomaly Benchmark: feeds its one file source
             each corpus file in turn, writes NAB's result files DIR/<detector>/<category>/
             <detector>_<file>.csv and prints the normalised scores of NAB's three profiles

Options:
  --input FILE   the data for the document's only file source, read as a stream: CSV, TSV, NDJSON,
                 a JSON array or Parquet (by the source's format, else the extension, else the
                 content), gzipped text too (.gz); '-' reads standard input
  --input ID=FILE  the data for file source ID; repeat it to feed several file sources
  --limit N      stop every source after N events (required for unbounded sample sources)
                 (a WebSocket source also ends when its server closes, or on Ctrl+C)
  --out FILE     write results there instead of standard output
  --format F     run: ndjson, csv or parquet (default: by the --out extension .ndjson .jsonl
                 .csv .parquet, else ndjson)
  --late FILE    write the events that reached 'late' ports there, as NDJSON
  --checkpoint DIR  run: save the run's state to DIR/checkpoint.bin every --checkpoint-every (default
                 5s) and at the end; needs --out FILE (.ndjson or .csv) and input files, not '-'
  --resume       run: go on from DIR's checkpoint (the output file is cut back to what it had
                 committed); without a checkpoint in DIR the run starts fresh
  --set N.P=V    compare: the change, e.g. minute.allowedLateness=30s (window: allowedLateness,
                 size, slide, step, maxSize, gap, offset; source: maxOutOfOrderness)
  --json         compare: print the whole comparison as JSON instead of a summary
  --connector ID=C  export: the connector of source or sink ID (sources: kafka, filesystem, datagen;
                 sinks: print, blackhole, filesystem, kafka); default by the node's kind
                 (--input gives a file source without inline data its fields from the file's head)
  --corpus DIR   nab: NAB's data (corpus/<category>/*.csv or data/, combined_windows.json, profiles.json,
                 or NAB's labels/ and config/); default ../shared/data/nab when it exists
  --detector N   nab: the detector's name in the result paths (default: the pipeline's name)

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
        input: { type: 'string', multiple: true }, limit: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' }, late: { type: 'string' },
        checkpoint: { type: 'string' }, 'checkpoint-every': { type: 'string' }, resume: { type: 'boolean' },
        set: { type: 'string' }, json: { type: 'boolean' },
        'flink-sql': { type: 'boolean' }, connector: { type: 'string', multiple: true },
        corpus: { type: 'string' }, detector: { type: 'string' },
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
  if (command !== 'run' && command !== 'validate' && command !== 'compare' && command !== 'export' && command !== 'nab') return { ok: false, message: `unknown command '${command}'; use run, validate, compare, export or nab` };
  if (pipeline === undefined) return { ok: false, message: `${command} needs a pipeline file: windowpane ${command} PIPELINE.json` };
  if (extra.length > 0) return { ok: false, message: `unexpected argument '${extra[0]}'` };
  if (command === 'nab') return nabArgs(pipeline, values);
  const nabOnly = (['corpus', 'detector'] as const).find((k) => values[k] !== undefined);
  if (nabOnly !== undefined) return { ok: false, message: `--${nabOnly} only applies to nab` };
  const parsedInputs = parseInputArgs(values.input ?? []);
  if (!parsedInputs.ok) return parsedInputs;
  const input = { inputs: parsedInputs.inputs };
  if (command !== 'run' && values.format !== undefined) return { ok: false, message: '--format only applies to run' };
  if (values.format !== undefined && !(OUT_FORMATS as readonly string[]).includes(values.format)) return { ok: false, message: `--format must be ${OUT_FORMATS.join(', ')}, got '${values.format}'` };
  if (command !== 'run') {
    const runOnly = (['checkpoint', 'checkpoint-every', 'resume'] as const).find((k) => values[k] !== undefined);
    if (runOnly !== undefined) return { ok: false, message: `--${runOnly} only applies to run` };
  }
  if (command === 'export') return exportArgs(pipeline, input.inputs, values);
  const exportOnly = (['flink-sql', 'connector'] as const).find((k) => values[k] !== undefined);
  if (exportOnly !== undefined) return { ok: false, message: `--${exportOnly} only applies to export` };
  if (command === 'validate') {
    const stray = (['limit', 'out', 'late'] as const).find((k) => values[k] !== undefined);
    if (stray !== undefined) return { ok: false, message: `--${stray} only applies to run` };
  }
  if (command !== 'compare') {
    const stray = (['set', 'json'] as const).find((k) => values[k] !== undefined);
    if (stray !== undefined) return { ok: false, message: `--${stray} only applies to compare` };
  }
  if (command === 'validate') return { ok: true, value: { command, pipeline, ...input } };
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!/^\d+$/.test(values.limit) || !Number.isSafeInteger(limit)) return { ok: false, message: `--limit must be a whole number of events, got '${values.limit}'` };
  }
  if (command === 'compare') {
    if (values.late !== undefined) return { ok: false, message: '--late only applies to run' };
    if (values.set === undefined) return { ok: false, message: 'compare needs the change to compare with: --set NODE.PARAM=VALUE, e.g. --set minute.allowedLateness=30s' };
    const set = /^([^.=]+)\.([^.=]+)=(.*)$/s.exec(values.set);
    if (set === null) return { ok: false, message: `--set must read NODE.PARAM=VALUE, got '${values.set}'` };
    return {
      ok: true,
      value: {
        command, pipeline, ...input, set: { nodeId: set[1]!, param: set[2]!, value: set[3]! }, json: values.json === true,
        ...(limit === undefined ? {} : { limit }),
        ...(values.out === undefined ? {} : { out: values.out }),
      },
    };
  }
  const checkpoint = checkpointArgs(values.checkpoint, values['checkpoint-every'], values.resume === true);
  if (!checkpoint.ok) return checkpoint;
  return {
    ok: true,
    value: {
      command, pipeline, ...input,
      ...(limit === undefined ? {} : { limit }),
      ...(values.out === undefined ? {} : { out: values.out }),
      ...(values.format === undefined ? {} : { format: values.format }),
      ...(values.late === undefined ? {} : { late: values.late }),
      ...(checkpoint.value === null ? {} : { checkpoint: checkpoint.value }),
    },
  };
}

/** run's checkpoint options: --checkpoint-every and --resume mean nothing without --checkpoint DIR. */
function checkpointArgs(dir: string | undefined, every: string | undefined, resume: boolean): { ok: true; value: CheckpointArgs | null } | { ok: false; message: string } {
  if (dir === undefined) {
    if (every !== undefined) return { ok: false, message: '--checkpoint-every needs --checkpoint DIR' };
    if (resume) return { ok: false, message: '--resume needs --checkpoint DIR: the directory of the checkpoint to resume from' };
    return { ok: true, value: null };
  }
  if (dir === '') return { ok: false, message: '--checkpoint needs a directory' };
  let everyMs = DEFAULT_CHECKPOINT_EVERY_MS;
  if (every !== undefined) {
    const ms = parseDuration(every);
    if (ms === null || ms <= 0) return { ok: false, message: `--checkpoint-every must be a positive duration such as 200ms, 5s or 1m, got '${every}'` };
    everyMs = ms;
  }
  return { ok: true, value: { dir, everyMs, resume } };
}

/** export's options: --flink-sql (the one format so far), --out, --connector ID=CONNECTOR (repeatable), --input. */
function exportArgs(
  pipeline: string, inputs: readonly InputArg[], values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>,
): { ok: true; value: CliCommand } | { ok: false; message: string } {
  if (values['flink-sql'] !== true) return { ok: false, message: 'export needs the format to write: --flink-sql (windowpane export --flink-sql PIPELINE.json)' };
  const stray = (['limit', 'late', 'format', 'set', 'json'] as const).find((k) => values[k] !== undefined);
  if (stray !== undefined) return { ok: false, message: `--${stray} does not apply to export` };
  const connectors: ConnectorArg[] = [];
  const given = values['connector'];
  for (const value of Array.isArray(given) ? given : []) {
    const m = /^([^=]+)=(.+)$/s.exec(String(value));
    if (m === null) return { ok: false, message: `--connector must read ID=CONNECTOR, e.g. --connector payments=kafka, got '${String(value)}'` };
    if (connectors.some((c) => c.nodeId === m[1])) return { ok: false, message: `--connector ${m[1]}=... is given twice` };
    connectors.push({ nodeId: m[1]!, connector: m[2]! });
  }
  const out = values['out'];
  return { ok: true, value: { command: 'export', pipeline, inputs, connectors, ...(typeof out === 'string' ? { out } : {}) } };
}

/** nab's options: --out DIR (required), --corpus DIR, --detector NAME; nothing of run's. */
function nabArgs(
  pipeline: string, values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>,
): { ok: true; value: CliCommand } | { ok: false; message: string } {
  const stray = (['input', 'limit', 'late', 'format', 'set', 'json', 'flink-sql', 'connector', 'checkpoint', 'checkpoint-every', 'resume'] as const).find((k) => values[k] !== undefined);
  if (stray !== undefined) return { ok: false, message: `--${stray} does not apply to nab (it feeds the pipeline's file source each corpus file itself)` };
  const { out, corpus, detector } = values;
  if (typeof out !== 'string' || out === '') return { ok: false, message: 'nab needs the directory to write NAB\'s result files to: --out DIR' };
  if (corpus === '') return { ok: false, message: '--corpus needs a directory' };
  return {
    ok: true,
    value: {
      command: 'nab', pipeline, out,
      ...(typeof corpus === 'string' ? { corpus } : {}),
      ...(typeof detector === 'string' ? { detector } : {}),
    },
  };
}
