/**
 * One step of a run with streamed file sources: every source reads until a
 * step's rows wait (or its file ended), then the runtime steps.
 * TEMPORARY: h2-source's stepWithFiles replaces it at merge.
 */
import type { Runtime } from '../src/engine/run/runtime';

export async function stepWithFiles(runtime: Runtime, batchSize: number): Promise<boolean> {
  const files = runtime.fileSources;
  if (files.size > 0) await Promise.all(Array.from(files.values(), (source) => source.fill(batchSize)));
  return runtime.step(batchSize);
}
