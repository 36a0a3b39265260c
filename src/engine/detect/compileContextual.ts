/** Compiles the contextual detector (detect.contextual) into an operator step. */
import type { NodeOfKind } from '../../model';
import { failed, type NodeCompilation } from '../plan/nodeCompilation';
import type { EdgeSchema } from '../plan/types';

export function compileContextualDetector(node: NodeOfKind<'detect.contextual'>, index: number, input: EdgeSchema): NodeCompilation {
  void input;
  return failed(node, index, '', `${node.kind} cannot run yet`);
}
