import type { NodeTypes } from '@xyflow/react';
import { PipelineNode } from './PipelineNode';

/**
 * One node type per family, defined once at module level: React Flow
 * remounts every node when this object changes identity.
 */
export const NODE_TYPES: NodeTypes = {
  source: PipelineNode,
  transform: PipelineNode,
  window: PipelineNode,
  aggregate: PipelineNode,
  sink: PipelineNode,
  detect: PipelineNode,
};
