import { useCallback } from 'react';
import type { HeldBackBy, NodeStats } from '../../worker/protocol';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';

/** Whole seconds of silence, as the badge reads them. */
const seconds = (ms: number): string => `${Math.floor(ms / 1000)} s`;

/**
 * The badge lines that explain a watermark that does not move: a source that
 * is idle (past its idleTimeout, so a union no longer waits for it), and a
 * node whose watermark waits for a silent source, naming it.
 */
export function IdleBadge({ stats }: { stats: NodeStats }) {
  const held = stats.heldBackBy;
  if (stats.idle !== true && held === undefined) return null;
  return (
    <>
      {stats.idle === true && (
        <div className="wp-stat-line">
          <span className="wp-stat-idle" data-testid="idle-badge" title="Idle: no events for its idleTimeout, so the unions it feeds no longer wait for its watermark. Its next event makes it active again.">
            idle · not holding back
          </span>
        </div>
      )}
      {held !== undefined && <HeldBackLine held={held} />}
    </>
  );
}

function HeldBackLine({ held }: { held: HeldBackBy }) {
  const name = useEditor(useCallback((s: EditorState) => s.doc.nodes.find((n) => n.id === held.sourceId)?.name ?? held.sourceId, [held.sourceId]));
  return (
    <div className="wp-stat-line">
      <span className="wp-stat-held" data-testid="held-back-badge" title={`The watermark waits for ${name}, which has sent nothing for ${seconds(held.silentForMs)}. Windows after it cannot fire until it speaks again or, with an idleTimeout on it, until it counts as idle.`}>
        wm held back by {name} · {seconds(held.silentForMs)} silent
      </span>
    </div>
  );
}
