import type { ConnectionAttempt } from '../store/types';

/** The id of the canvas node under a point of the screen, if any. */
export function nodeIdAt(clientX: number, clientY: number): string | null {
  const element = document.elementFromPoint(clientX, clientY);
  const node = element?.closest<HTMLElement>('.react-flow__node');
  return node?.dataset.id ?? null;
}

/**
 * The edge a connection drag proposes: from its start handle to the node
 * under the pointer. Dragging backwards from an input handle proposes an
 * edge out of the node under the pointer instead.
 */
export function attemptFor(
  start: { nodeId: string; handleId: string | null; type: 'source' | 'target' },
  overNodeId: string,
  overHandleId: string | null,
): ConnectionAttempt {
  if (start.type === 'source') return { from: start.nodeId, fromPort: start.handleId ?? 'out', to: overNodeId };
  return { from: overNodeId, fromPort: overHandleId ?? 'out', to: start.nodeId };
}
