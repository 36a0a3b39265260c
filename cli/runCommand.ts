import type { Batch } from '../src/engine/batch';
import { compilePipeline } from '../src/engine/plan/compile';
import type { OpenedFile } from '../src/engine/sources/file/stream/types';
import { batchToRows, type Row } from '../src/engine/operators/sinks';
import { createRuntime, type Runtime } from '../src/engine/run/runtime';
import type { CliCommand } from './args';
import type { CliIo } from './io';
import { EXIT_ERROR, EXIT_INVALID, EXIT_OK, EXIT_SOURCE_FAILED, EXIT_USAGE } from './exitCodes';
import { openStreamedInputs } from './inputs/openInputs';
import { prepareDocument, reportProblems } from './load';
import { openResultOutput, outFormatOf, ResultOutputError, type OutputPlacement, type ResultOutput } from './out';
import type { CheckpointedRun, HostState } from './checkpoint/index';
import { resultSinks } from './resultSinks';
import { createCliAlerts } from './alerts';
import { stepWithFiles } from '../src/engine/run/stepWithFiles';

function toNdjson(rows: readonly Row[]): string {
  let text = '';
  for (const row of rows) text += `${JSON.stringify(row)}\n`;
  return text;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Steps the runtime to the end of its input, awaiting the streamed files'
 * reads before each step; warnings print as they come, and the output drains
 * when it asks to. Returns the error that stopped the run early, if any.
 */
async function runToEnd(runtime: Runtime, output: ResultOutput, afterStep: () => void, between: () => Promise<void> | undefined): Promise<unknown> {
  try {
    for (;;) {
      const more = await stepWithFiles(runtime, 4096);
      afterStep();
      // A checkpoint being written needs the event loop to turn (a run of sample sources alone never waits for I/O).
      const turn = between();
      if (turn !== undefined) await turn;
      if (output.waiting) await output.drain();
      if (!more) return undefined;
    }
  } catch (error) {
    afterStep();
    return error ?? new Error('the run failed');
  }
}

/** `windowpane run`: runs the document to the end of its input and writes the results. */
export async function runCommand(io: CliIo, cmd: Extract<CliCommand, { command: 'run' }>): Promise<number> {
  const format = outFormatOf(cmd.out, cmd.format);
  if (typeof format !== 'string') {
    io.stderr(`windowpane: ${format.error}\n`);
    return EXIT_USAGE;
  }
  // Loaded only for a checkpointed run (cli/checkpoint/index.ts).
  const checkpoints = cmd.checkpoint === undefined ? null : await import('./checkpoint/index');
  const refused = checkpoints?.refuseCheckpoint(io, cmd, format) ?? null;
  if (refused !== null) return refused.exitCode;
  const prepared = await prepareDocument<OpenedFile>(io, cmd.pipeline, cmd.inputs, openStreamedInputs, { needsData: true });
  if (!prepared.ok) return prepared.exitCode;
  const { doc, fileInputs } = prepared;
  if (cmd.limit === undefined) {
    const unbounded = doc.nodes.find((n) => n.kind === 'source.sample' && n.params.limit === undefined);
    if (unbounded !== undefined) {
      io.stderr(`source '${unbounded.id}' is unbounded (no limit in its params): pass --limit N to run it from the command line\n`);
      return EXIT_USAGE;
    }
  }
  const compiled = compilePipeline(doc, { fileInputs, ...(cmd.limit === undefined ? {} : { limit: cmd.limit }), missingDataHint: 'give the file with --input FILE or put its text in params.data' });
  if (!compiled.ok) {
    reportProblems(io, cmd.pipeline, compiled.problems);
    return EXIT_INVALID;
  }
  const { sinks, plan, logLimits } = resultSinks(doc, compiled.plan);
  const alerts = createCliAlerts(plan.steps);
  if (cmd.alerts !== undefined && alerts.sinks.length === 0) {
    io.stderr('windowpane: --alerts needs an alert sink (sink.alert) in the pipeline, and it has none\n');
    return EXIT_USAGE;
  }
  // Checked before the output is touched: a refused resume leaves the results file as it was.
  let run: CheckpointedRun | null = null;
  let host: HostState = { late: new Map(), logged: new Map() };
  if (checkpoints !== null && cmd.checkpoint !== undefined) {
    const planned = await checkpoints.planCheckpointedRun(io, cmd, cmd.checkpoint, format, doc);
    if (!planned.ok) return planned.exitCode;
    ({ run, host } = planned);
  }
  let output!: ResultOutput;
  const log = (line: string): void => io.stderr(`${line}\n`);
  const { logged, late } = host;
  const runtime = createRuntime(plan, {
    now: io.now, log, trace: null,
    // Alert sinks hand their alert rows here; log sinks that are not results: their lines are all that shows.
    onResults: (sinkId, rows) => { alerts.onRows(sinkId, rows); },
    keepsResultBatches: false,
    onResultBatch(sinkId: string, batch: Batch) {
      const limit = logLimits.get(sinkId);
      if (limit !== undefined) logFirstRows(sinkId, batch, limit, logged, log);
      output.write(sinkId, batch);
    },
    onLate: cmd.late === undefined ? null : (id, rows) => {
      const list = late.get(id) ?? [];
      for (const r of rows) list.push(r);
      late.set(id, list);
    },
  });
  let placement: (OutputPlacement & { sync(): Promise<void> }) | undefined;
  if (checkpoints !== null && run !== null) {
    const begun = await checkpoints.beginCheckpointedRun(io, run, runtime);
    if (!begun.ok) return begun.exitCode;
    placement = begun.placement;
  }
  try {
    output = await openResultOutput(io, cmd.out ?? null, format, sinks, placement);
  } catch (error) {
    // The format cannot hold these results (CSV or Parquet of sinks with different fields, Parquet to standard output).
    if (!(error instanceof ResultOutputError)) throw error;
    placement?.stream.destroy();
    io.stderr(`windowpane: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const checkpointer = checkpoints !== null && run !== null && placement !== undefined
    ? checkpoints.startCheckpointing(run, runtime, output, placement, host, io.now) : null;
  const between = (): Promise<void> | undefined => checkpointer?.tick();
  let warned = 0;
  const warn = (): void => {
    const all = runtime.diagnostics;
    for (; warned < all.length; warned++) io.stderr(`warning: node '${all[warned]!.nodeId}': ${all[warned]!.message}\n`);
  };
  let error: unknown;
  let failures: readonly string[] = [];
  if (doc.nodes.some((n) => n.kind === 'source.websocket')) {
    const { runLive } = await import('./liveRun');
    ({ error, failures } = await runLive(plan, runtime, output, {
      report: log, afterStep: warn, between,
      ...(io.interruptSignal === undefined ? {} : { signal: io.interruptSignal() }),
    }));
  } else {
    error = await runToEnd(runtime, output, warn, between);
  }
  for (const input of runtime.fileSources.values()) input.close();
  if (checkpointer !== null) {
    // The last checkpoint marks the run finished; after an early end the last whole one stays for --resume.
    try {
      if (error === undefined && failures.length === 0) await checkpointer.finish();
      else await checkpointer.settle();
    } catch (thrown) {
      error ??= thrown;
    }
    io.stderr(`${checkpointer.summary()}\n`);
  }
  await output.close();
  if (cmd.alerts !== undefined) await io.writeText(cmd.alerts, alerts.ndjson());
  for (const line of await alerts.finish()) io.stderr(`${line}\n`);
  if (cmd.late !== undefined) {
    const rows = [...late.entries()].flatMap(([node, list]) => list.map((r) => ({ node, ...r })));
    await io.writeText(cmd.late, toNdjson(rows));
  }
  // A window fused with its aggregate shares one metrics object under both node ids: count it once.
  const lateCount = [...new Set(runtime.metrics().values())].reduce((n, m) => n + m.lateEvents, 0);
  io.stderr(`${output.rows} result rows${lateCount > 0 ? `, ${lateCount} late events` : ''}\n`);
  if (error !== undefined) {
    io.stderr(`windowpane: the run stopped on an unexpected error: ${describe(error)}; the results above are those computed before it\n`);
    return EXIT_ERROR;
  }
  if (failures.length > 0) {
    io.stderr(`windowpane: incomplete run, a live source ended early (${failures.join('; ')}); the results above are partial\n`);
    return EXIT_SOURCE_FAILED;
  }
  return EXIT_OK;
}

/** What a log sink would have printed: its first `limit` rows as JSON lines. */
function logFirstRows(sinkId: string, batch: Batch, limit: number, logged: Map<string, number>, log: (line: string) => void): void {
  const done = logged.get(sinkId) ?? 0;
  if (done >= limit) return;
  const rows = batchToRows(batch).slice(0, limit - done);
  for (const row of rows) log(`[${sinkId}] ${JSON.stringify(row)}`);
  logged.set(sinkId, done + rows.length);
}
