/** Compiles the feature transforms (transform.clean, transform.rolling) into operator steps. */
import type { NodeOfKind } from '../../model';
import { failed, type NodeCompilation } from '../plan/nodeCompilation';
import type { EdgeSchema } from '../plan/types';

export function compileFeatureNode(node: NodeOfKind<'transform.clean' | 'transform.rolling'>, index: number, input: EdgeSchema): NodeCompilation {
  void input;
  return failed(node, index, '', `${node.kind} cannot run yet`);
}
