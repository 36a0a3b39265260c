import { preparePipeline, type RunOptions } from '../src/engine/run/runPipeline';
import type { CompileProblem } from '../src/engine/plan/types';
import type { PipelineDocument } from '../src/model';
import { runLivePipeline, type LiveRunResult } from './liveRun';
import type { Row } from '../src/engine/operators/sinks';
import type { CliCommand } from './args';
import type { CliIo } from './io';
import { EXIT_ERROR, EXIT_INVALID, EXIT_OK, EXIT_SOURCE_FAILED, EXIT_USAGE } from './exitCodes';
import { prepareDocument, reportProblems } from './load';


function toNdjson(rows: readonly Row[]): string {
  let text = '';
  for (const row of rows) text += `${JSON.stringify(row)}\n`;
  return text;
}

/** Runs a document without live sources to the end of its input; an error stops it but keeps what was computed. */
function runToEnd(doc: PipelineDocument, options: RunOptions): LiveRunResult | { ok: false; problems: CompileProblem[] } {
  const prepared = preparePipeline(doc, options);
  if (!prepared.ok) return prepared;
  const { runtime, results, late } = prepared.pipeline;
  let error: unknown;
  try {
    while (runtime.step(options.batchSize ?? 4096)) { /* run to the end of input */ }
  } catch (thrown) {
    error = thrown;
  }
  return { ok: true, results, late, diagnostics: runtime.diagnostics, metrics: runtime.metrics(), failures: [], ...(error === undefined ? {} : { error }) };
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** `windowpane run`: runs the document to the end of its input and writes NDJSON. */
export async function runCommand(io: CliIo, cmd: Extract<CliCommand, { command: 'run' }>): Promise<number> {
  const prepared = await prepareDocument(io, cmd.pipeline, cmd.input);
  if (!prepared.ok) return prepared.exitCode;
  const { doc, fileInputs } = prepared;
  if (cmd.limit === undefined) {
    const unbounded = doc.nodes.find((n) => n.kind === 'source.sample' && n.params.limit === undefined);
    if (unbounded !== undefined) {
      io.stderr(`source '${unbounded.id}' is unbounded (no limit in its params): pass --limit N to run it from the command line\n`);
      return EXIT_USAGE;
    }
  }
  const options = {
    fileInputs, ...(cmd.limit === undefined ? {} : { limit: cmd.limit }),
    missingDataHint: 'give the file with --input FILE or put its text in params.data',
    collectLate: cmd.late !== undefined, now: io.now, log: (line: string) => io.stderr(`${line}\n`),
  };
  const live = doc.nodes.some((n) => n.kind === 'source.websocket');
  const result = live ? await runLivePipeline(doc, { ...options, report: options.log, ...(io.interruptSignal === undefined ? {} : { signal: io.interruptSignal() }) }) : runToEnd(doc, options);
  if (!result.ok) {
    reportProblems(io, cmd.pipeline, result.problems);
    return EXIT_INVALID;
  }
  for (const d of result.diagnostics) io.stderr(`warning: node '${d.nodeId}': ${d.message}\n`);
  // Collect sinks are the results; log sinks already printed their lines to stderr, unless they are all there is.
  const collect = new Set(doc.nodes.filter((n) => n.kind === 'sink.collect').map((n) => n.id));
  const all = [...result.results.entries()];
  const sinks = collect.size > 0 ? all.filter(([id]) => collect.has(id)) : all;
  // With several sinks every line names its sink, so their results can be told apart.
  const rows = sinks.length === 1 ? sinks[0]![1] : sinks.flatMap(([sink, list]) => list.map((r) => ({ sink, ...r })));
  const text = toNdjson(rows);
  if (cmd.out === undefined) io.stdout(text);
  else await io.writeText(cmd.out, text);
  if (cmd.late !== undefined) {
    const late = [...result.late.entries()].flatMap(([node, list]) => list.map((r) => ({ node, ...r })));
    await io.writeText(cmd.late, toNdjson(late));
  }
  // A window fused with its aggregate shares one metrics object under both node ids: count it once.
  const lateCount = [...new Set(result.metrics.values())].reduce((n, m) => n + m.lateEvents, 0);
  io.stderr(`${rows.length} result rows${lateCount > 0 ? `, ${lateCount} late events` : ''}\n`);
  if (result.error !== undefined) {
    io.stderr(`windowpane: the run stopped on an unexpected error: ${describe(result.error)}; the results above are those computed before it\n`);
    return EXIT_ERROR;
  }
  if (result.failures.length > 0) {
    io.stderr(`windowpane: incomplete run, a live source ended early (${result.failures.join('; ')}); the results above are partial\n`);
    return EXIT_SOURCE_FAILED;
  }
  return EXIT_OK;
}
