/** Compiles the statistical detectors (detect.zscore, detect.ewma, detect.mad) into operator steps. */
import type { NodeOfKind } from '../../model';
import type { NodeCompilation } from '../plan/nodeCompilation';
import type { EdgeSchema } from '../plan/types';
import { compileDetector } from './detectorStep';
import { ewmaAlgorithm } from './ewma';
import { madAlgorithm } from './mad';
import { zscoreAlgorithm } from './zscore';

export function compileStatisticalDetector(node: NodeOfKind<'detect.zscore' | 'detect.ewma' | 'detect.mad'>, index: number, input: EdgeSchema): NodeCompilation {
  switch (node.kind) {
    case 'detect.zscore': {
      const p = node.params;
      return compileDetector(node, index, input, p, () => zscoreAlgorithm(p.window, p.sigmas));
    }
    case 'detect.ewma': {
      const p = node.params;
      return compileDetector(node, index, input, p, () => ewmaAlgorithm(p.alpha, p.sigmas));
    }
    case 'detect.mad': {
      const p = node.params;
      return compileDetector(node, index, input, p, () => madAlgorithm(p.window, p.method, p.limit));
    }
  }
}
