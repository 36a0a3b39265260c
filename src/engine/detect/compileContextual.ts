/** Compiles the contextual detector (detect.contextual) into the shared detector operator's step. */
import type { NodeOfKind } from '../../model';
import type { NodeCompilation } from '../plan/nodeCompilation';
import type { EdgeSchema } from '../plan/types';
import { contextualAlgorithm } from './contextual/contextualAlgorithm';
import { compileDetector } from './detectorStep';

export function compileContextualDetector(node: NodeOfKind<'detect.contextual'>, index: number, input: EdgeSchema): NodeCompilation {
  const p = node.params;
  return compileDetector(node, index, input, p, () => contextualAlgorithm({
    warmup: p.warmup, threshold: p.threshold, bits: p.bits, rangeMargin: p.rangeMargin,
    restPeriod: p.restPeriod, restThreshold: p.restThreshold, activeContexts: p.activeContexts, contextFacts: p.contextFacts,
  }));
}
