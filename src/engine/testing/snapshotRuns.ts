/**
 * Test support for snapshots: a document run straight through, and the same
 * run cut at chosen steps: snapshot, structuredClone (as the worker would
 * keep it), restore into a fresh runtime (of a freshly compiled plan), go on.
 * Hosts are alike: a fake clock that moves by step, the same WebSocket
 * messages offered before the same steps.
 */
import type { PipelineDocument } from '../../model';
import type { Batch } from '../batch';
import type { Row } from '../operators/sinks';
import { compilePipeline } from '../plan/compile';
import type { ExecutionPlan } from '../plan/types';
import { createRuntime, type NodeMetrics, type Runtime } from '../run/runtime';

export interface RunScript {
  /** Rows per step (per source). */
  readonly batchSize: number;
  /** Host clock at step i (also ticked before it); default: processing time stands at 0. */
  readonly clockAt?: (step: number) => number;
  /** WebSocket messages offered before step i, by source node id; sources are closed once `messageSteps` steps have run. */
  readonly messages?: (step: number) => readonly (readonly [string, string])[];
  readonly messageSteps?: number;
  /** Stop after this many steps even if sources have not ended. */
  readonly maxSteps?: number;
  /**
   * Record what every node emits (its port, rows, times and watermarks) through
   * the host's tap: then operators write fresh arrays (see RuntimeHost.onEmit).
   */
  readonly observe?: boolean;
}

export interface RunOutcome {
  readonly results: Map<string, Row[]>;
  readonly late: Map<string, Row[]>;
  readonly metrics: Map<string, NodeMetrics>;
  /** The metrics after every step, as text. */
  readonly metricsByStep: string[];
  /** Lines log sinks printed. */
  readonly logs: string[];
  /** With `observe`: one line per batch emitted. */
  readonly emitted: string[];
  readonly steps: number;
}

/** The values (of the selected rows) as text, for the record of what nodes emitted. */
export function numbers(values: Float64Array, rows: Int32Array | null): string {
  const out: string[] = [];
  const n = rows === null ? values.length : rows.length;
  for (let j = 0; j < n; j++) out.push(String(values[rows === null ? j : rows[j]!]));
  return out.join(',');
}

/** Node metrics as one line of text, by node id. */
export function metricsText(metrics: Map<string, NodeMetrics>): string {
  return [...metrics].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([id, m]) => `${id}:${m.rowsIn}/${m.rowsOut}/${m.watermark}/${m.keys}/${m.openWindows}/${m.lateEvents}`).join(' ');
}

function compile(doc: PipelineDocument): ExecutionPlan {
  const compiled = compilePipeline(doc);
  if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('\n'));
  return compiled.plan;
}

/** The clock of step `at` of the script (0 when it has none). */
export function scriptClock(script: RunScript, at: number): number {
  return script.clockAt?.(at) ?? 0;
}

/** Step `at` of the script on `r`, its clock already set to `clock`: ticks, messages, then the step; false once every source ended. */
export function runScriptStep(r: Runtime, script: RunScript, at: number, clock: number): boolean {
  r.tick(clock);
  if (script.messages !== undefined) {
    for (const [id, text] of script.messages(at)) r.messageSources.get(id)?.offer(text);
    if (at + 1 === script.messageSteps) for (const source of r.messageSources.values()) source.close();
  }
  return r.step(script.batchSize);
}

/**
 * How a cut goes on: `fresh` restores into a new runtime of a newly compiled
 * plan; `rewind` runs the same runtime `ahead` steps further (their output
 * thrown away, as when a scrubber went forward) and restores into it.
 */
export type CutMode = { readonly mode: 'fresh' } | { readonly mode: 'rewind'; readonly ahead: number };

/** Runs `doc` by `script`, cutting before each step in `cuts`: snapshot, structuredClone, restore as `how` says. */
export function runWithCuts(doc: PipelineDocument, script: RunScript, cuts: readonly number[] = [], how: CutMode = { mode: 'fresh' }): RunOutcome {
  const results = new Map<string, Row[]>();
  const late = new Map<string, Row[]>();
  let clock = 0;
  /** While a rewound run goes ahead, what it produces is thrown away. */
  let discarding = false;
  const append = (map: Map<string, Row[]>, id: string, rows: Row[]): void => {
    if (discarding) return;
    const list = map.get(id) ?? [];
    for (const r of rows) list.push(r);
    map.set(id, list);
  };
  const emitted: string[] = [];
  const logs: string[] = [];
  const metricsByStep: string[] = [];
  const build = (): Runtime => createRuntime(compile(doc), {
    ...(script.observe === true ? {
      onEmit: (id: string, port: string, batch: Batch, rows: Int32Array | null) => {
        if (!discarding) emitted.push(`${id}:${port} t=${numbers(batch.time, rows)} w=${numbers(batch.watermark, rows)} end=${batch.endWatermark}`);
      },
    } : {}),
    now: () => clock,
    log: (line) => {
      if (!discarding) logs.push(line);
    },
    trace: null,
    onResults: (id, rows) => append(results, id, rows),
    onLate: (id, rows) => append(late, id, rows),
  });
  let runtime = build();
  const advance = (r: Runtime, at: number): boolean => {
    clock = scriptClock(script, at);
    return runScriptStep(r, script, at, clock);
  };
  const cutAt = new Set(cuts);
  const maxSteps = script.maxSteps ?? 100_000;
  let step = 0;
  for (; step < maxSteps; step++) {
    if (cutAt.has(step)) {
      const snapshot = structuredClone(runtime.snapshot());
      if (how.mode === 'fresh') runtime = build();
      else {
        discarding = true;
        for (let i = 0; i < how.ahead && advance(runtime, step + i); i++) { /* ahead, and back below */ }
        discarding = false;
      }
      runtime.restore(snapshot);
    }
    const more = advance(runtime, step);
    metricsByStep.push(metricsText(runtime.metrics()));
    if (!more) {
      step++;
      break;
    }
  }
  const metrics = new Map([...runtime.metrics()].map(([id, m]) => [id, { ...m }]));
  return { results, late, metrics, metricsByStep, logs, emitted, steps: step };
}
