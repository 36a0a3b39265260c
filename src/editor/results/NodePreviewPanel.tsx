import { useEffect, useState } from 'react';
import { PREVIEW_SIZE } from '../../worker/protocol';
import type { RunState } from '../run/types';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import { PreviewTable } from './PreviewTable';
import { useThrottled } from './useThrottled';
import { useRunControllerOrNull, useRun } from '../run/RunProvider';
import { useBreakpoints, type BreakpointsState } from '../breakpoints/store';
import { lineageSource, queryFor } from '../lineage/target';
import { openLineage } from '../lineage/store';
import type { PreviewRecord } from '../../worker/protocol';

const previewOf = (s: RunState) => s.preview;
const phaseOf = (s: RunState) => s.phase;
const hitOf = (s: BreakpointsState) => s.hit;

type Port = 'out' | 'late';

/** A preview is read, not watched: four updates a second, as the live table (redrawing 50 rows every frame took most of the main thread). */
const REFRESH_MS = 250;
/** One empty list, so the memoised table sees the same props between updates. */
const NONE: readonly never[] = [];

/**
 * The last records that left the selected node (and, for a window, those on
 * its `late` port). Watching costs the worker a copy of every record of the
 * node, so it watches only while this panel is open.
 */
export function NodePreviewPanel({ nodeId }: { nodeId: string }) {
  const controller = useRunControllerOrNull();
  const preview = useThrottled(useRun(previewOf), REFRESH_MS);
  const phase = useRun(phaseOf);
  const node = useEditor((s: EditorState) => s.doc.nodes.find((n) => n.id === nodeId));
  const [port, setPort] = useState<Port>('out');
  const isWindow = node?.kind.startsWith('window.') ?? false;
  const shown: Port = isWindow ? port : 'out';
  const hit = useBreakpoints(hitOf);
  const hitHere = hit !== null && hit.nodeId === nodeId && hit.record !== null ? hit : null;
  const doc = useEditor((s: EditorState) => s.doc);
  const source = isWindow ? { kind: shown === 'late' ? 'late' as const : 'window' as const, windowId: nodeId } : lineageSource(doc, nodeId);
  const onWhy = source === null ? undefined : (record: PreviewRecord) => {
    const query = queryFor(source, record);
    if (query !== null) openLineage(query);
  };

  // A breakpoint that stopped on a late event shows the late port.
  useEffect(() => {
    if (hitHere !== null && isWindow) setPort(hitHere.port);
  }, [hitHere, isWindow]);

  useEffect(() => {
    controller?.watch(nodeId);
    return () => controller?.watch(null);
  }, [controller, nodeId]);

  const title = node?.name ?? nodeId;
  const mine = preview !== null && preview.nodeId === nodeId ? preview : null;
  const records = mine === null ? [] : shown === 'out' ? mine.out : mine.late;
  const waiting = phase === 'idle' && mine === null ? 'Run the pipeline to see the records leaving this node.' : 'No records have left this node yet.';
  return (
    <section className="wp-preview" aria-label={`Preview of ${title}`} data-testid="node-preview" data-node={nodeId}>
      <header className="wp-results-head">
        <h3>Last {PREVIEW_SIZE} records leaving <strong>{title}</strong></h3>
        {isWindow && (
          <div className="wp-segmented" role="group" aria-label="Port">
            {(['out', 'late'] as const).map((p) => (
              <button key={p} type="button" aria-pressed={shown === p} onClick={() => setPort(p)}>
                {p === 'out' ? 'Output' : 'Late'}
                <span className="wp-segmented-count">{mine === null ? 0 : (p === 'out' ? mine.out : mine.late).length}</span>
              </button>
            ))}
          </div>
        )}
      </header>
      <PreviewTable
        fields={mine === null ? NONE : shown === 'out' ? mine.fields : mine.lateFields}
        records={records}
        keyFields={shown === 'out' ? (mine?.keyFields ?? NONE) : NONE}
        label={shown === 'late' ? `Late events of ${title}` : `Records leaving ${title}`}
        highlight={hitHere !== null && hitHere.port === shown ? hitHere.record : null}
        onWhy={onWhy}
        empty={shown === 'late' && mine !== null ? 'No late events: every event so far arrived before its windows closed.' : waiting}
      />
    </section>
  );
}
