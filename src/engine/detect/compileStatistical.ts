/** Compiles the statistical detectors (detect.zscore, detect.ewma, detect.mad) into operator steps. */
import type { NodeOfKind } from '../../model';
import { failed, type NodeCompilation } from '../plan/nodeCompilation';
import type { EdgeSchema } from '../plan/types';

export function compileStatisticalDetector(node: NodeOfKind<'detect.zscore' | 'detect.ewma' | 'detect.mad'>, index: number, input: EdgeSchema): NodeCompilation {
  void input;
  return failed(node, index, '', `${node.kind} cannot run yet`);
}
