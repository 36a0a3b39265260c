/**
 * Test support for streamed files: a document run step by step as a host
 * runs it (the clock, then every streamed file filled, then the step), cut
 * at chosen steps (snapshot, structuredClone, restore into a fresh runtime
 * of a freshly compiled plan that reads its files again from the resume
 * point), with what snapshotRuns records and the diagnostics of every runtime.
 */
import type { PipelineDocument } from '../../model';
import type { Batch } from '../batch';
import type { Row } from '../operators/sinks';
import { compilePipeline, type FileInput } from '../plan/compile';
import { createRuntime, type Runtime } from '../run/runtime';
import { closeFiles, stepWithFiles } from '../run/stepWithFiles';
import { metricsText, numbers, type RunOutcome, type RunScript } from './snapshotRuns';

export interface StreamedOutcome extends RunOutcome {
  /** `node: message`, in the order they were met, across the runtimes of a cut run. */
  readonly diagnostics: string[];
}

/** Runs `doc` with `fileInputs` by `script`, cutting before each step in `cuts`. */
export async function runStreamedWithCuts(
  doc: PipelineDocument, script: RunScript, fileInputs: Readonly<Record<string, FileInput>> = {}, cuts: readonly number[] = [],
): Promise<StreamedOutcome> {
  const results = new Map<string, Row[]>();
  const late = new Map<string, Row[]>();
  let clock = 0;
  const append = (map: Map<string, Row[]>, id: string, rows: Row[]): void => {
    const list = map.get(id) ?? [];
    for (const r of rows) list.push(r);
    map.set(id, list);
  };
  const emitted: string[] = [];
  const logs: string[] = [];
  const metricsByStep: string[] = [];
  const diagnostics: string[] = [];
  const build = (): Runtime => {
    const compiled = compilePipeline(doc, { fileInputs });
    if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('\n'));
    return createRuntime(compiled.plan, {
      ...(script.observe === true ? {
        onEmit: (id: string, port: string, batch: Batch, rows: Int32Array | null) => {
          emitted.push(`${id}:${port} t=${numbers(batch.time, rows)} w=${numbers(batch.watermark, rows)} end=${batch.endWatermark}`);
        },
      } : {}),
      now: () => clock,
      log: (line) => logs.push(line),
      trace: null,
      onResults: (id, rows) => append(results, id, rows),
      onLate: (id, rows) => append(late, id, rows),
    });
  };
  const keepDiagnostics = (r: Runtime): void => {
    for (const d of r.diagnostics) diagnostics.push(`${d.nodeId}: ${d.message}`);
  };
  let runtime = build();
  const cutAt = new Set(cuts);
  const maxSteps = script.maxSteps ?? 100_000;
  let step = 0;
  try {
    for (; step < maxSteps; step++) {
      if (cutAt.has(step)) {
        const snapshot = structuredClone(runtime.snapshot());
        keepDiagnostics(runtime);
        closeFiles(runtime);
        runtime = build();
        runtime.restore(snapshot);
      }
      clock = script.clockAt?.(step) ?? 0;
      runtime.tick(clock);
      const more = await stepWithFiles(runtime, script.batchSize);
      metricsByStep.push(metricsText(runtime.metrics()));
      if (!more) {
        step++;
        break;
      }
    }
  } finally {
    closeFiles(runtime);
  }
  keepDiagnostics(runtime);
  const metrics = new Map([...runtime.metrics()].map(([id, m]) => [id, { ...m }]));
  return { results, late, metrics, metricsByStep, logs, emitted, steps: step, diagnostics };
}
