/**
 * `npm run bench`: P1-P6 on the engine, P2's ceiling and its RxJS and naive
 * peers, in one process, over events generated before any clock starts.
 * Prints a table and the targets as PASS/MISS; it never fails.
 *
 * The script runs bundled by esbuild, as the app's worker runs the engine
 * bundled by Vite: under tsx (`npm run bench:tsx`, the CLI's loader) every
 * import is a module binding and the same runs are slower.
 *
 *   npm run bench -- --events 10000000 --peer-events 2000000 --warmup 3 --warmup-ms 2000 --runs 5 --batch 8192 --only P2,P3
 *   npm run bench -- P2 ceiling
 *   npm run bench -- --unpinned      (let the kernel place the measuring thread; see cores.ts)
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { RowBlock } from '../src/engine/batch';
import { sliceRowBlock } from '../src/engine/batchOps';
import { runCeiling } from './ceiling';
import { calibrationRate, describeCore, pinToFastestCore, type CoreChoice } from './cores';
import { EVENT_RATE, pregenerate, sensorEvents, type SensorEvent } from './inputs';
import { gcExposed, measure, nsPerEvent, rate, type Measurement, type PairedRatio, type Warmup } from './measure';
import { isPairWorker, measurePairInWorkers, servePairWorker } from './pairWorkers';
import { runNaive } from './naive';
import { benchInput, compileBench, P1, P2, P3, P4, P5, P5_SHUFFLED, P6, runEngine, type BenchPipeline, type SinkTally } from './pipelines';
import { runRxjs, type WindowShape } from './rxjs';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    events: { type: 'string', default: '10000000' },
    'peer-events': { type: 'string', default: '2000000' },
    warmup: { type: 'string', default: '3' },
    'warmup-ms': { type: 'string', default: '2000' },
    runs: { type: 'string', default: '5' },
    batch: { type: 'string', default: '8192' },
    only: { type: 'string', default: '' },
    unpinned: { type: 'boolean', default: false },
  },
});
const EVENTS = Number(args.events);
const PEER_EVENTS = Math.min(EVENTS, Number(args['peer-events']));
/** Each measurement warms up for at least this many runs and milliseconds (see measure). */
const WARMUP: Warmup = { runs: Number(args.warmup), ms: Number(args['warmup-ms']) };
const RUNS = Number(args.runs);
const BATCH = Number(args.batch);
/** Events of the cross-check that every implementation of P2 and P3 computes the same results. */
const CHECK_EVENTS = Math.min(EVENTS, 200_000);
// `npm run bench -- P2 ceiling` is `--only P2,ceiling`.
const picked = [...(args.only === '' ? [] : args.only.split(',')), ...positionals];
const only = picked.length === 0 ? null : picked;
const wanted = (label: string): boolean => only === null || only.some((o) => label.startsWith(o));

const results = new Map<string, Measurement>();
const problems: string[] = [];

function record(m: Measurement, core: CoreChoice | null, after: number | null): void {
  results.set(m.label, m);
  const spread = ((m.maxMs - m.minMs) / m.ms) * 100;
  console.log(
    `  ${m.label.padEnd(16)} ${fmtRate(rate(m)).padStart(8)} ev/s ${nsPerEvent(m).toFixed(1).padStart(7)} ns/ev   ` +
      `(${m.rows} rows, spread ${spread.toFixed(0)}%, after ${m.warmups} warm-up runs, ${describeCore(core, after, CALIBRATION_EVENTS)})`,
  );
}

/** The loop that picks a core before each measurement (see cores.ts): the ceiling over a million events. */
const CALIBRATION_EVENTS = 1_000_000;
let calibration: RowBlock | null = null;
function calibrate(): void {
  calibration ??= pregenerate(compileBench(P2, CALIBRATION_EVENTS).sourceParams);
  runCeiling(calibration, false);
}

function onFastestCore(): CoreChoice | null {
  return args.unpinned ? null : pinToFastestCore(calibrate);
}

/**
 * A measurement counts when its core ran the calibration loop after the timed
 * runs at least this fraction as fast as before them; otherwise the host
 * slowed the core during the runs (see cores.ts), and it is measured again.
 */
const KEPT_SPEED = 0.85;
const ATTEMPTS = 3;

/** Measures `work` on the fastest core and prints the line. */
function measured(label: string, title: string, events: number, work: () => SinkTally): void {
  for (let attempt = 1; ; attempt++) {
    const core = onFastestCore();
    const m = measure(label, title, events, WARMUP, RUNS, work);
    if (core === null) {
      record(m, null, null);
      return;
    }
    const before = core.rates.get(core.cpu)!;
    const after = calibrationRate(calibrate);
    if (after >= KEPT_SPEED * before || attempt === ATTEMPTS) {
      record(m, core, after);
      return;
    }
    const speed = (rate: number): string => `${((rate * CALIBRATION_EVENTS) / 1e6).toFixed(0)} M`;
    console.log(`  (${label}: ${fmtRate(rate(m))} ev/s, but cpu ${core.cpu} slowed from ${speed(before)} to ${speed(after)} during the runs: measuring again)`);
  }
}

function fmtRate(r: number): string {
  return r >= 1e6 ? `${(r / 1e6).toFixed(1)}M` : `${(r / 1e3).toFixed(0)}k`;
}

const blocks = new Map<string, RowBlock>();

/** The events of a source, generated once (untimed) and shared by every pipeline that reads it. */
function inputFor(pipeline: BenchPipeline): { block: RowBlock; bench: ReturnType<typeof compileBench> } {
  const bench = compileBench(pipeline, EVENTS);
  const key = JSON.stringify([bench.sourceParams, pipeline.delay]);
  let block = blocks.get(key);
  if (block === undefined) {
    blocks.clear(); // one input in memory at a time
    const t0 = performance.now();
    block = benchInput(pipeline, bench);
    const delayed = pipeline.delay === undefined ? '' : `, ${pipeline.delay.fraction * 100}% delayed up to ${pipeline.delay.maxMs} ms`;
    console.log(`  (generated ${EVENTS.toLocaleString('en')} ${pipeline.source.stream} events${delayed} in ${((performance.now() - t0) / 1000).toFixed(1)} s, untimed)`);
    blocks.set(key, block);
  }
  return { block, bench };
}

function engine(pipeline: BenchPipeline): void {
  if (!wanted(pipeline.id)) return;
  const { block, bench } = inputFor(pipeline);
  measured(pipeline.id, pipeline.title, block.length, () => runEngine(bench, block, BATCH, false));
}

/** P5 / P2 from runs of the two in alternation, each in a worker thread of its own (see pairWorkers.ts). */
let p5Paired: PairedRatio | null = null;
async function pairP5(): Promise<void> {
  const core = onFastestCore();
  p5Paired = await measurePairInWorkers('P2', 'P5', WARMUP, RUNS, EVENTS, BATCH, core?.cpu ?? null);
  const { ratio, min, max, baseRate, workRate } = p5Paired;
  console.log(
    `  P5 / P2 in alternating runs, one worker thread each: ${ratio.toFixed(2)} ` +
      `(rounds ${min.toFixed(2)}-${max.toFixed(2)}; P2 ${fmtRate(baseRate)}, P5 ${fmtRate(workRate)} ev/s; ${describeCore(core, null, CALIBRATION_EVENTS)})`,
  );
}

function agree(what: string, a: SinkTally, b: SinkTally): void {
  const close = Math.abs(a.checksum - b.checksum) <= 1e-9 * Math.max(1, Math.abs(a.checksum));
  if (a.rows !== b.rows || !close) problems.push(`${what}: ${a.rows} rows / checksum ${a.checksum} vs ${b.rows} rows / ${b.checksum}`);
}

const SHAPES: Record<string, WindowShape> = {
  'P3 1s sum': { size: 60_000, slide: 1000, outputs: 'sum' },
  'P3 1s max': { size: 60_000, slide: 1000, outputs: 'max' },
  'P3 500ms sum': { size: 60_000, slide: 500, outputs: 'sum' },
  'P3 500ms max': { size: 60_000, slide: 500, outputs: 'max' },
};
const P2_SHAPE: WindowShape = { size: 1000, slide: 1000, outputs: 'p2' };

/** Before timing anything: every implementation of P2 and P3 computes the same results on a prefix. */
function crossCheck(block: RowBlock): void {
  const prefix = sliceRowBlock(block, 0, CHECK_EVENTS);
  const events = sensorEvents(block, CHECK_EVENTS);
  const p2 = runEngine(compileBench(P2, EVENTS), prefix, BATCH, true);
  agree('P2 engine vs ceiling', p2, runCeiling(prefix, true));
  agree('P2 engine vs RxJS', p2, runRxjs(events, P2_SHAPE, true));
  agree('P2 engine vs naive', p2, runNaive(events, true));
  for (const p of P3) agree(`${p.id} engine vs RxJS`, runEngine(compileBench(p, EVENTS), prefix, BATCH, true), runRxjs(events, SHAPES[p.id]!, true));
  console.log(problems.length === 0 ? `  cross-check on ${CHECK_EVENTS.toLocaleString('en')} events: engine, ceiling, RxJS and naive agree on P2 and P3` : `  CROSS-CHECK FAILED:\n    ${problems.join('\n    ')}`);
}

async function main(): Promise<void> {
  const loader = process.execArgv.some((a) => a.includes('tsx')) ? 'tsx' : 'bundled';
  console.log(`Windowpane engine benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), one thread, ${loader}`);
  console.log(`${EVENTS.toLocaleString('en')} events at ${EVENT_RATE.toLocaleString('en')} events/s of event time, batches of ${BATCH}, a warm-up of at least ${WARMUP.runs} runs and ${WARMUP.ms / 1000} s, then the median of ${RUNS} runs; peers on ${PEER_EVENTS.toLocaleString('en')} events`);
  if (!gcExposed) console.log('  (no --expose-gc: garbage from before a measurement is not collected before its warm-up)');

  const sensors = inputFor(P1).block;
  if (only === null) crossCheck(sensors);
  engine(P1);
  engine(P2);
  if (wanted('ceiling')) measured('ceiling', 'P2 hand-fused typed-array loop', sensors.length, () => runCeiling(sensors, false));
  for (const p of P3) engine(p);
  if (wanted('rxjs') || wanted('naive')) {
    let events: SensorEvent[] | null = sensorEvents(sensors, PEER_EVENTS);
    const peerEvents = events.length;
    if (wanted('rxjs P2')) measured('rxjs P2', 'P2 in RxJS 7', peerEvents, () => runRxjs(events!, P2_SHAPE, false));
    for (const [id, shape] of Object.entries(SHAPES)) {
      if (wanted(`rxjs ${id}`)) measured(`rxjs ${id}`, `${id} in RxJS 7`, peerEvents, () => runRxjs(events!, shape, false));
    }
    if (wanted('naive')) measured('naive P2', 'P2 with objects and Maps', peerEvents, () => runNaive(events!, false));
    events = null;
  }
  engine(P5);
  if (wanted('P5') && wanted('P2')) await pairP5();
  engine(P5_SHUFFLED);
  engine(P4);
  engine(P6);
  blocks.clear();
  report();
}

function report(): void {
  console.log('\n| run | what | events | M events/s | ns/event |\n|---|---|---:|---:|---:|');
  for (const m of results.values()) {
    console.log(`| ${m.label} | ${m.title} | ${m.events.toLocaleString('en')} | ${(rate(m) / 1e6).toFixed(1)} | ${nsPerEvent(m).toFixed(1)} |`);
  }
  const r = (label: string): number | undefined => {
    const m = results.get(label);
    return m === undefined ? undefined : rate(m);
  };
  const targets: [string, number | undefined, number, string][] = [];
  const ratio = (a: string, b: string): number | undefined => {
    const x = r(a);
    const y = r(b);
    return x === undefined || y === undefined ? undefined : x / y;
  };
  const p2 = r('P2');
  targets.push(['P2 events/s', p2, 50e6, 'M']);
  targets.push(['P2 / ceiling', ratio('P2', 'ceiling'), 0.25, 'x']);
  for (const p of P3) targets.push([`${p.id} / P2`, ratio(p.id, 'P2'), 0.6, 'x']);
  targets.push(['P4 events/s', r('P4'), 5e6, 'M']);
  targets.push(['P5 / P2', ratio('P5', 'P2'), 0.7, 'x']);
  if (p5Paired !== null) targets.push(['P5 / P2, alternating', p5Paired.ratio, 0.7, 'x']);
  targets.push(['P6 events/s', r('P6'), 15e6, 'M']);
  targets.push(['P2 / RxJS P2', ratio('P2', 'rxjs P2'), 10, 'x']);
  for (const p of P3) targets.push([`${p.id} / RxJS`, ratio(p.id, `rxjs ${p.id}`), 10, 'x']);
  console.log('\n| target | measured | needed | |\n|---|---:|---:|---|');
  for (const [name, value, needed, unit] of targets) {
    if (value === undefined) continue;
    const show = (v: number): string => (unit === 'M' ? `${(v / 1e6).toFixed(1)}M` : v.toFixed(2));
    console.log(`| ${name} | ${show(value)} | ${show(needed)} | ${value >= needed ? 'PASS' : 'MISS'} |`);
  }
  const naive = ratio('P2', 'naive P2');
  if (naive !== undefined) console.log(`\nP2 is ${naive.toFixed(1)}x the naive object-and-Map floor; P1 (source to sink) ${fmtRate(r('P1') ?? NaN)} ev/s.`);
  if (problems.length > 0) console.log(`\nCROSS-CHECK FAILED: ${problems.join('; ')}`);
}

// The same script serves the worker threads of the paired measurement.
if (isPairWorker()) servePairWorker();
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
