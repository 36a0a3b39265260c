/** What compiling one node yields, and the problem shape its compiler reports; shared by compileNode and the kinds' own compilers. */
import type { PipelineNode } from '../../model';
import type { CompileProblem, EdgeSchema, PlanStep } from './types';

/** What compiling one node yields: its step (absent for a window, fused into its aggregate) and output schemas. */
export interface NodeCompilation {
  step: PlanStep | null;
  outputs: Partial<Record<'out' | 'late', EdgeSchema>>;
  problems: CompileProblem[];
}

/** A problem at `nodes[index].params.<param>` ('' for the node's params as a whole). */
export function problem(node: PipelineNode, index: number, param: string, message: string): CompileProblem {
  return { nodeId: node.id, path: `nodes[${index}].params${param === '' ? '' : `.${param}`}`, message: `node '${node.id}': ${message}` };
}

/** A compilation that failed with one problem. */
export function failed(node: PipelineNode, index: number, param: string, message: string): NodeCompilation {
  return { step: null, outputs: {}, problems: [problem(node, index, param, message)] };
}
