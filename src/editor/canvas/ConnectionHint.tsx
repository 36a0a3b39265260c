import { useConnection, useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect } from 'react';
import { checkConnection } from '../store/connections';
import { useEditorStore } from '../store/context';
import { attemptFor, nodeIdAt } from './connectionTarget';

const domNodeOf = (s: ReactFlowState) => s.domNode;

/** Room the label needs to the right of the cursor before it flips to the left. */
const LABEL_ROOM = 360;

/**
 * While a connection is dragged over a node the document would refuse, the
 * reason floats beside the cursor ("A window must be followed by an
 * aggregate") and the line turns red. Over a node body as well as over its
 * handle, so a source, which has no input handle, still says why.
 */
export function ConnectionHint() {
  const store = useEditorStore();
  const domNode = useStore(domNodeOf);
  const connection = useConnection();
  let reason: string | null = null;
  let at = { x: 0, y: 0 };
  let width = 0;
  if (connection.inProgress && domNode !== null) {
    const { fromHandle, toNode, toHandle, pointer } = connection;
    const bounds = domNode.getBoundingClientRect();
    const overId = toNode?.id ?? nodeIdAt(bounds.left + pointer.x, bounds.top + pointer.y);
    if (overId !== null && overId !== fromHandle.nodeId) {
      const attempt = attemptFor({ nodeId: fromHandle.nodeId, handleId: fromHandle.id ?? null, type: fromHandle.type }, overId, toHandle?.id ?? null);
      const checked = checkConnection(store.getState().doc, attempt);
      if (!checked.ok) reason = checked.reason;
    }
    at = pointer;
    width = bounds.width;
  }
  const refused = reason !== null;
  // React Flow draws the connection line; a class on its root colours it.
  useEffect(() => {
    domNode?.classList.toggle('wp-connection-refused', refused);
  }, [domNode, refused]);
  if (reason === null) return null;
  const flip = at.x + LABEL_ROOM > width;
  const style = flip ? { top: at.y + 18, right: width - at.x + 12 } : { top: at.y + 18, left: at.x + 16 };
  return (
    <div className="wp-connection-reason" role="status" data-testid="connection-reason" style={style}>
      <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" /><path d="M6 6l12 12" stroke="currentColor" strokeWidth="2" /></svg>
      {reason}
    </div>
  );
}
