/** Compiles the rule detectors (detect.threshold, detect.changepoint) into steps of the shared detector operator. */
import type { NodeOfKind } from '../../model';
import type { NodeCompilation } from '../plan/nodeCompilation';
import type { EdgeSchema } from '../plan/types';
import { changepointAlgorithm } from './changepointAlgorithm';
import { compileDetector } from './detectorStep';
import { thresholdAlgorithm } from './thresholdAlgorithm';

export function compileRuleDetector(node: NodeOfKind<'detect.threshold' | 'detect.changepoint'>, index: number, input: EdgeSchema): NodeCompilation {
  if (node.kind === 'detect.threshold') {
    const params = node.params;
    return compileDetector(node, index, input, params, () => thresholdAlgorithm(params));
  }
  const params = node.params;
  return compileDetector(node, index, input, params, () => changepointAlgorithm(params));
}
