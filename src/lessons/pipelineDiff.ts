/**
 * The solution as a difference from the start: nodes added and removed,
 * parameters changed, edges added and removed, each in words.
 */
import type { PipelineDocument } from '../model';

export interface PipelineChange {
  /** JSON path in the solution (or the start, for what was removed): `nodes[2].params.maxOutOfOrderness`. */
  readonly path: string;
  readonly nodeId?: string;
  readonly kind: 'added' | 'removed' | 'changed';
  /** "node 'src': maxOutOfOrderness 2s → 10s". */
  readonly text: string;
}

export function diffPipelines(from: PipelineDocument, to: PipelineDocument): PipelineChange[] {
  void from;
  void to;
  throw new Error('diffPipelines: not built yet');
}
