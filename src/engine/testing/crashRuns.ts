/**
 * Test support for durable runs: a document run with checkpoints before
 * chosen steps and crashes before others. A checkpoint is the runtime's
 * snapshot (structuredClone'd, as IndexedDB would keep it) and the keyed
 * sinks' output positions. A crash throws the runtime away with everything
 * it did since the last checkpoint, except what it delivered to the keyed
 * sinks (they are durable, like the page's tables); the run resumes from
 * the last checkpoint in a fresh runtime of a freshly compiled plan, the
 * sinks rewound to its output positions, and replays the script's steps
 * from there (the same clock and WebSocket messages: a seeded or logged input).
 */
import type { PipelineDocument } from '../../model';
import type { Row } from '../operators/sinks';
import { compilePipeline } from '../plan/compile';
import { createRuntime, type Runtime } from '../run/runtime';
import type { RuntimeSnapshot } from '../run/runtimeSnapshot';
import { createKeyedSinks, heldRows, type KeyedSinks } from '../checkpoint/keyedSinks';
import { runScriptStep, scriptClock, type RunScript } from './snapshotRuns';

export interface CrashPlan {
  /** Steps before which a checkpoint is taken. */
  readonly checkpoints: readonly number[];
  /** Steps before which the run crashes (each once). */
  readonly crashes: readonly number[];
}

export interface CrashOutcome {
  /** Results of every sink as the keyed sinks hold them at the end, oldest first; late rows under `late:<node id>`. */
  readonly results: Map<string, Row[]>;
  /** Steps taken in all, replays included. */
  readonly stepsTaken: number;
  readonly resumes: number;
}

const LATE = 'late:';

/** Runs `doc` by `script` with the checkpoints and crashes of `plan`; results go through keyed sinks. */
export function runWithCrashes(doc: PipelineDocument, script: RunScript, plan: CrashPlan): CrashOutcome {
  const compiled = compilePipeline(doc);
  if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('\n'));
  const sinks: KeyedSinks<readonly Row[]> = createKeyedSinks();
  let clock = 0;
  const build = (): Runtime => {
    const fresh = compilePipeline(doc);
    if (!fresh.ok) throw new Error('the document compiled once and not again');
    return createRuntime(fresh.plan, {
      now: () => clock,
      log: () => undefined,
      trace: null,
      // Copies: a sink may hand the same array again.
      onResults: (id, rows) => sinks.deliver(id, rows.slice(), rows.length),
      onLate: (id, rows) => sinks.deliver(`${LATE}${id}`, rows.slice(), rows.length),
    });
  };
  const advance = (r: Runtime, at: number): boolean => {
    clock = scriptClock(script, at);
    return runScriptStep(r, script, at, clock);
  };
  let runtime = build();
  let last: { step: number; runtime: RuntimeSnapshot | null; positions: [string, number][] } = { step: 0, runtime: null, positions: [] };
  const checkpoints = new Set(plan.checkpoints);
  const crashes = new Set(plan.crashes);
  const maxSteps = script.maxSteps ?? 100_000;
  let stepsTaken = 0;
  let resumes = 0;
  for (let step = 0; step < maxSteps;) {
    if (crashes.delete(step)) {
      // Everything since the last checkpoint is gone but what the sinks were given.
      runtime = build();
      if (last.runtime !== null) runtime.restore(structuredClone(last.runtime));
      sinks.rewind(last.positions);
      step = last.step;
      resumes++;
      continue;
    }
    if (checkpoints.has(step)) last = { step, runtime: structuredClone(runtime.snapshot()), positions: sinks.positions() };
    stepsTaken++;
    if (!advance(runtime, step++)) break;
  }
  const results = new Map<string, Row[]>();
  for (const id of sinks.sinks()) if (sinks.size(id) > 0) results.set(id, heldRows(sinks, id));
  return { results, stepsTaken, resumes };
}

/** An uninterrupted run's results in the same shape: every result appended as delivered (late rows under `late:<id>`). */
export function appendedResults(results: ReadonlyMap<string, Row[]>, late: ReadonlyMap<string, Row[]>): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const [id, rows] of results) if (rows.length > 0) out.set(id, rows);
  for (const [id, rows] of late) if (rows.length > 0) out.set(`${LATE}${id}`, rows);
  return out;
}
