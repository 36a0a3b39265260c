/** What the scheduler asks of every source; its own module, so the file sources' contract needs nothing else of run/. */
import type { Batch } from '../batch';
import type { Snapshottable } from '../snapshot/types';

/** A source the scheduler pulls from: the next batch, or null once it has ended. */
export interface SourceRuntime extends Partial<Snapshottable> {
  readonly nodeId: string;
  /**
   * `recycle`: nothing downstream keeps this source's batches past their push
   * (see batchesEscape), so the source may write this batch into the arrays
   * of the last one instead of allocating new ones. A source may ignore it.
   */
  next(maxRows: number, recycle?: boolean): Batch | null;
  /** A batch with no rows and the final watermark (+Infinity): end of input flushes every window. */
  finalBatch(): Batch;
  /**
   * Problems met while reading since the last call (a streamed file's bad
   * rows, `line N: ...`); the runtime adds them to its diagnostics after each step.
   */
  takeDiagnostics?(): string[];
}
