/** Compiles the alert sink (sink.alert) into its step. */
import type { NodeOfKind } from '../../model';
import { failed, type NodeCompilation } from '../plan/nodeCompilation';
import type { EdgeSchema } from '../plan/types';

export function compileAlertSink(node: NodeOfKind<'sink.alert'>, index: number, input: EdgeSchema): NodeCompilation {
  void input;
  return failed(node, index, '', `${node.kind} cannot run yet`);
}
