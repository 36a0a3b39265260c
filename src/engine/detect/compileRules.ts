/** Compiles the rule detectors (detect.threshold, detect.changepoint) into operator steps. */
import type { NodeOfKind } from '../../model';
import { failed, type NodeCompilation } from '../plan/nodeCompilation';
import type { EdgeSchema } from '../plan/types';

export function compileRuleDetector(node: NodeOfKind<'detect.threshold' | 'detect.changepoint'>, index: number, input: EdgeSchema): NodeCompilation {
  void input;
  return failed(node, index, '', `${node.kind} cannot run yet`);
}
