/**
 * `npm run bench:checkpoint`: what durable CLI runs cost (cli/checkpoint/).
 *
 * 1. P2 (bench/pipelines.ts) with a checkpoint every second against P2
 *    without, events/s of each and the ratio, in alternating runs (median).
 *    The loop is the CLI's: a step, then the Checkpointer's tick, awaiting
 *    the event-loop turn it asks for while a checkpoint is written. Each
 *    checkpoint is the real one: Runtime.snapshot(), v8.serialize with its
 *    checksum, and the atomic write (temporary file, fdatasync, rename, fsync
 *    of the directory); P2 writes no results file, so no output is fsynced.
 * 2. The size of a checkpoint of P2 and of P4 (100,000 users' sessions)
 *    half way through their input: bytes, ms on the run's path (snapshot and
 *    serialize) and ms to write it durably.
 * 3. (unless --skip-cli) The CLI end to end on the issue-15 CSV (5 M rows,
 *    bench/fileData.ts) with keyed 1 s windows to NDJSON, without and with
 *    --checkpoint DIR --checkpoint-every 1s: seconds each and the ratio.
 *
 *   npm run bench:checkpoint -- --events 20000000 --runs 3
 *   npm run bench:checkpoint -- --events 5000000 --runs 1 --rows 1000000     (a quick look)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RowBlock } from '../src/engine/batch';
import { createRuntime, type Runtime } from '../src/engine/run/runtime';
import { createBlockSource } from '../src/engine/run/sources';
import { Checkpointer } from '../cli/checkpoint/checkpointer';
import { CHECKPOINT_FORMAT, type CliCheckpoint } from '../cli/checkpoint/format';
import { encodeCheckpoint, writeCheckpointBytes } from '../cli/checkpoint/store';
import { benchCsv, benchPipeline } from './fileData';
import { runMeasured } from './fileProcess';
import { benchInput, compileBench, P2, P4, type BenchPipeline, type CompiledBench } from './pipelines';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '20000000' },
    runs: { type: 'string', default: '3' },
    batch: { type: 'string', default: '4096' },
    every: { type: 'string', default: '1000' },
    rows: { type: 'string', default: '5000000' },
    'skip-cli': { type: 'boolean', default: false },
  },
});
const EVENTS = Number(args.events);
const RUNS = Math.max(1, Number(args.runs));
const BATCH = Number(args.batch);
const EVERY_MS = Number(args.every);

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmtRate = (r: number): string => `${(r / 1e6).toFixed(2)} M`;

function runtimeOf(bench: CompiledBench, block: RowBlock): Runtime {
  const source = createBlockSource('src', block, bench.sourceParams.maxOutOfOrdernessMs);
  return createRuntime(bench.plan, {
    now: () => 0, log: () => undefined, trace: null, onResults: () => undefined, onLate: null,
    keepsResultBatches: false, onResultBatch: () => undefined,
  }, { sources: { src: source } });
}

/** A checkpoint as the CLI writes it, of `runtime` now (no results file: P2 here writes none). */
function checkpointOf(runtime: Runtime, finished: boolean): CliCheckpoint {
  return {
    format: CHECKPOINT_FORMAT, pipelineVersion: 'bench', limit: null, takenAt: Date.now(), events: runtime.position, finished,
    snapshot: runtime.snapshot(), inputs: [], output: { path: '/dev/null', format: 'ndjson', bytes: 0, rows: 0 }, late: null, logged: [],
  };
}

interface Timed { readonly rate: number; readonly checkpoints: number; readonly pathMs: number; readonly bytes: number }

/** Runs P2 to the end as the CLI's loop does, with checkpoints to `dir` every EVERY_MS or none. */
async function runP2(bench: CompiledBench, block: RowBlock, dir: string | null): Promise<Timed> {
  const runtime = runtimeOf(bench, block);
  const checkpointer = dir === null ? null : new Checkpointer(dir, EVERY_MS, {
    capture: (finished) => ({ checkpoint: checkpointOf(runtime, finished), written: Promise.resolve() }),
    syncOutput: () => Promise.resolve(),
  }, () => Date.now());
  const started = performance.now();
  for (;;) {
    const more = runtime.step(BATCH);
    const turn = checkpointer?.tick();
    if (turn !== undefined) await turn;
    if (!more) break;
  }
  await checkpointer?.finish();
  const seconds = (performance.now() - started) / 1000;
  return { rate: block.length / seconds, checkpoints: checkpointer?.written ?? 0, pathMs: checkpointer === null ? 0 : checkpointer.spentMs / Math.max(1, checkpointer.written), bytes: checkpointer?.lastBytes ?? 0 };
}

async function p2Ratio(dir: string): Promise<void> {
  const bench = compileBench(P2, EVENTS);
  const block = benchInput(P2, bench);
  console.log(`P2 (${P2.title}), ${block.length.toLocaleString('en')} events, batch ${BATCH}, a checkpoint every ${EVERY_MS} ms; ${RUNS} alternating runs, medians`);
  await runP2(bench, block, null); // warm-up
  const plain: number[] = [];
  const with_: Timed[] = [];
  for (let r = 0; r < RUNS; r++) {
    plain.push((await runP2(bench, block, null)).rate);
    with_.push(await runP2(bench, block, dir));
  }
  const base = median(plain);
  const ck = median(with_.map((t) => t.rate));
  const last = with_[with_.length - 1]!;
  console.log(`  without checkpoints ${fmtRate(base)} ev/s; with ${fmtRate(ck)} ev/s; ratio ${(ck / base).toFixed(3)}`);
  console.log(`  ${last.checkpoints} checkpoints in the last run, ${last.pathMs.toFixed(1)} ms each on the run's path (snapshot + serialize), ${(last.bytes / 1e3).toFixed(1)} kB each`);
}

/** A checkpoint of `pipeline` half way through: bytes, ms to take it (snapshot + serialize), ms to write it. */
async function size(pipeline: BenchPipeline, events: number, dir: string): Promise<void> {
  const bench = compileBench(pipeline, events);
  const block = benchInput(pipeline, bench);
  const runtime = runtimeOf(bench, block);
  while (runtime.position < block.length / 2 && runtime.step(BATCH)) { /* to the middle */ }
  const take: number[] = [];
  const write: number[] = [];
  let bytes = 0;
  for (let r = 0; r < Math.max(3, RUNS); r++) {
    let t = performance.now();
    const encoded = encodeCheckpoint(checkpointOf(runtime, false));
    take.push(performance.now() - t);
    t = performance.now();
    await writeCheckpointBytes(dir, encoded);
    write.push(performance.now() - t);
    bytes = encoded.length;
  }
  console.log(`  ${pipeline.id} after ${runtime.position.toLocaleString('en')} of ${block.length.toLocaleString('en')} events: ${bytes.toLocaleString('en')} bytes; ${median(take).toFixed(1)} ms to take (snapshot + serialize), ${median(write).toFixed(1)} ms to write durably`);
}

async function cliEndToEnd(scratch: string): Promise<void> {
  const dir = join(scratch, 'cli');
  const rows = Number(args.rows);
  const { path: csv, bytes } = await benchCsv(rows, (line) => console.log(line));
  const pipeline = await benchPipeline('1s');
  const out = join(scratch, 'out-1s.ndjson');
  const cli = ['cli/bin.mjs', 'run', pipeline, '--input', csv, '--out', out];
  console.log(`CLI end to end: ${csv} (${rows.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(0)} MB), keyed 1 s windows to NDJSON; ${RUNS} alternating runs, medians`);
  await runMeasured(['cli/bin.mjs', 'validate', pipeline]); // a bundled CLI builds itself at its first start
  const plain: number[] = [];
  const ck: number[] = [];
  let count = '';
  for (let r = 0; r < RUNS; r++) {
    const a = await runMeasured(cli);
    if (a.code !== 0) throw new Error(`the CLI failed: ${a.stderr}`);
    plain.push(a.seconds);
    await rm(dir, { recursive: true, force: true });
    const b = await runMeasured([...cli, '--checkpoint', dir, '--checkpoint-every', `${EVERY_MS}ms`]);
    if (b.code !== 0) throw new Error(`the CLI failed with --checkpoint: ${b.stderr}`);
    ck.push(b.seconds);
    count = /(\d+) result rows/.exec(b.stderr)?.[1] ?? '?';
  }
  console.log(`  without --checkpoint ${median(plain).toFixed(2)} s; with --checkpoint-every ${EVERY_MS}ms ${median(ck).toFixed(2)} s; ratio ${(median(ck) / median(plain)).toFixed(3)} (${count} result rows)`);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'windowpane-bench-checkpoint-'));
  try {
    await p2Ratio(dir);
    console.log('Checkpoint size, half way through the input:');
    await size(P2, Math.min(EVENTS, 10_000_000), dir);
    await size(P4, Math.min(EVENTS, 10_000_000), dir);
    if (!args['skip-cli']) await cliEndToEnd(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
