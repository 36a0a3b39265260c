/**
 * Runs a compiled pipeline the way the worker does, in small steps, with a cap
 * on events (every source stops after `limit`) and on time, so a fuzz case is
 * a bounded amount of work. A single step that never returns is caught by the
 * harness's per-case timer, not here.
 */
import type { PipelineDocument } from '../../model';
import { preparePipeline } from '../../engine/run/runPipeline';

export interface BoundedRun {
  readonly problems: readonly { readonly nodeId: string; readonly path: string; readonly message: string }[];
  readonly diagnostics: readonly { readonly nodeId: string; readonly message: string }[];
  /** Rows that reached the collect and log sinks. */
  readonly rows: number;
  readonly finished: boolean;
}

export interface BoundedOptions {
  readonly limit: number;
  readonly timeMs: number;
  readonly fileInputs?: Readonly<Record<string, string>>;
  /** Messages to offer every WebSocket source before it is closed. */
  readonly messages?: readonly string[];
}

export function runBounded(document: PipelineDocument, options: BoundedOptions): BoundedRun {
  const prepared = preparePipeline(document, {
    limit: options.limit,
    fileInputs: options.fileInputs ?? {},
    missingDataHint: 'fuzz',
    collectLate: true,
    now: () => 0,
  });
  if (!prepared.ok) return { problems: prepared.problems, diagnostics: [], rows: 0, finished: true };
  const { runtime, results } = prepared.pipeline;
  for (const source of runtime.messageSources.values()) {
    for (const message of options.messages ?? []) source.offer(message);
    source.close();
  }
  const start = performance.now();
  let finished = false;
  while (performance.now() - start < options.timeMs) {
    if (!runtime.step(64)) {
      finished = true;
      break;
    }
  }
  let rows = 0;
  for (const list of results.values()) rows += list.length;
  return { problems: [], diagnostics: runtime.diagnostics, rows, finished };
}
