/**
 * One pipeline's rate against another's, measured in alternation with each
 * pipeline in a worker thread of its own: the two take turns (never run at
 * once), so a slow spell of the machine slows both, and each has its own V8
 * isolate, so neither's compiled code has seen the other's batches.
 *
 * Both matter for P5 / P2. Measured minutes apart, as every other figure is,
 * P5 once met a slow spell that P2 had not, and P5 / P2 came out at 0.54
 * against 0.78 in the next run of the same code. Alternating in one isolate
 * (as the bench did in session 8) shares the window's code between the two
 * inputs, and that figure ran 0.05-0.08 below the other on a quiet machine.
 *
 * The bench runs this file's worker side from its own script: run.ts starts
 * a Worker on process.argv[1] (run.cjs, or run.ts under tsx) and calls
 * servePairWorker there.
 */
import { pathToFileURL } from 'node:url';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { pinThread } from './cores';
import { median, type PairedRatio, type Warmup } from './measure';
import { benchInput, compileBench, P2, P5, runEngine, type BenchPipeline } from './pipelines';

const PIPELINES: Record<string, BenchPipeline> = { P2, P5 };

/** What a pair worker is started with (its workerData). */
export interface PairWorkerData {
  readonly pairPipeline: string;
  readonly events: number;
  readonly batch: number;
  /** The core to pin the worker's thread to (see cores.ts), or null to leave it unpinned. */
  readonly cpu: number | null;
}

/** Whether this thread was started as a pair worker. */
export function isPairWorker(): boolean {
  return parentPort !== null && typeof (workerData as Partial<PairWorkerData> | null)?.pairPipeline === 'string';
}

/**
 * The worker side: generates its pipeline's input (untimed), says 'ready',
 * then answers each 'run' with the wall time of one run, in ms, until 'stop'.
 */
export function servePairWorker(): void {
  const port = parentPort;
  if (port === null) throw new Error('servePairWorker runs in a worker thread');
  const { pairPipeline, events, batch, cpu } = workerData as PairWorkerData;
  if (cpu !== null) pinThread(cpu);
  const pipeline = PIPELINES[pairPipeline];
  if (pipeline === undefined) throw new Error(`no pipeline ${pairPipeline} for a pair worker`);
  const bench = compileBench(pipeline, events);
  const block = benchInput(pipeline, bench);
  port.on('message', (message: string) => {
    if (message === 'stop') {
      port.close();
      return;
    }
    const t0 = performance.now();
    runEngine(bench, block, batch, false);
    port.postMessage(performance.now() - t0);
  });
  port.postMessage('ready');
}

/**
 * A worker running `script`: bundled, as `npm run bench` runs it, the file
 * itself; a TypeScript file (`npm run bench:tsx`) behind tsx's loader, which
 * a worker does not inherit from the command line's `--import tsx`.
 */
function startWorker(script: string, data: PairWorkerData): Worker {
  if (!script.endsWith('.ts')) return new Worker(script, { workerData: data });
  const load = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(script).href)}); })`;
  return new Worker(load, { eval: true, workerData: data });
}

/** A started pair worker: `run` times one run of its pipeline. */
interface PairWorker {
  run(): Promise<number>;
  stop(): Promise<void>;
}

function startPairWorker(data: PairWorkerData): Promise<PairWorker> {
  const worker = startWorker(process.argv[1]!, data);
  let pending: { resolve: (ms: number) => void; reject: (error: Error) => void } | null = null;
  return new Promise((resolveReady, rejectReady) => {
    worker.on('error', (error) => {
      if (pending !== null) pending.reject(error);
      else rejectReady(error);
    });
    worker.on('message', (message: number | 'ready') => {
      if (message === 'ready') {
        resolveReady({
          run: () =>
            new Promise<number>((resolve, reject) => {
              pending = { resolve, reject };
              worker.postMessage('run');
            }),
          stop: async () => {
            worker.postMessage('stop');
            await worker.terminate();
          },
        });
        return;
      }
      const waiting = pending;
      pending = null;
      waiting?.resolve(message);
    });
  });
}

/**
 * How fast pipeline `work` runs against `base` (both 'P2' or 'P5'): the
 * median over `runs` rounds of base's time over work's, each round one run of
 * each, after a warm-up of such rounds. Above 1 when work is the faster. Both
 * workers run on core `cpu` when it is given: taking turns, they never need
 * two, and on unequal cores each would otherwise run at its own core's speed
 * (in full bench runs before pinning, P2's worker ran at 53 M events/s and
 * P5's at 51 M, a ratio of 0.94 where the two measured apart gave 0.85).
 */
export async function measurePairInWorkers(
  base: string, work: string, warmup: Warmup, runs: number, events: number, batch: number, cpu: number | null,
): Promise<PairedRatio> {
  // Started one after the other: generating both inputs at once would have the two workers compete.
  const a = await startPairWorker({ pairPipeline: base, events, batch, cpu });
  const b = await startPairWorker({ pairPipeline: work, events, batch, cpu });
  try {
    // Each side warms up as a measurement alone does, for warmup.ms of its own runs: P2 ramps up
    // over its first 6-8 runs, and a warm-up counting both sides' time gave it only 5 or 6.
    let aMs = 0;
    let bMs = 0;
    for (let w = 0; w < warmup.runs || aMs < warmup.ms || bMs < warmup.ms; w++) {
      aMs += await a.run();
      bMs += await b.run();
    }
    const ratios: number[] = [];
    const baseMs: number[] = [];
    const workMs: number[] = [];
    for (let r = 0; r < runs; r++) {
      baseMs.push(await a.run());
      workMs.push(await b.run());
      ratios.push(baseMs[r]! / workMs[r]!);
    }
    const ratio = median(ratios);
    return { ratio, min: Math.min(...ratios), max: Math.max(...ratios), baseRate: (events / median(baseMs)) * 1000, workRate: (events / median(workMs)) * 1000 };
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}
