/**
 * An exception raised while a node processed data, with the node it came
 * from. The runtime wraps what operators and sources throw in one, so a host
 * can mark the node that failed instead of reporting an anonymous stack.
 */
export class NodeError extends Error {
  readonly nodeId: string;
  /** The original message, without the node's name. */
  readonly detail: string;

  constructor(nodeId: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`node '${nodeId}': ${detail}`, { cause });
    this.name = 'NodeError';
    this.nodeId = nodeId;
    this.detail = detail;
  }
}

/**
 * `error` as thrown by `nodeId`: a NodeError already names the innermost node
 * (a push runs the whole pipeline downstream of it), so it passes unchanged.
 */
export function failedAt(nodeId: string, error: unknown): NodeError {
  return error instanceof NodeError ? error : new NodeError(nodeId, error);
}
