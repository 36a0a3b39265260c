/**
 * A stored file's reading on its source node while a run exists: a
 * progress bar (bytes read of the file) and the figures beside it (rows per
 * second, time left; the rows and malformed rows when done). It polls the
 * worker's fileProgress a few times a second while running, once on any
 * other change of the run (pause, travel, end), and shows nothing when idle.
 * While running, a report is drawn in the frame of the run's next answer, not
 * in a frame of its own (see answerAligned.ts).
 */
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import type { FileProgressReport } from '../../worker/files/api';
import { createAnswerAligned } from '../run/answerAligned';
import { useRun, useRunControllerOrNull } from '../run/RunProvider';
import type { RunState } from '../run/types';
import { percentRead, progressText } from './FileProgressText';
import './FileProgress.css';

/** How often a running run's progress is asked for. */
const POLL_MS = 250;

const phaseOf = (s: RunState) => s.phase;
const runIdOf = (s: RunState) => s.runId;
// Only where a run stands still: a running run is polled on its own clock.
const positionOf = (s: RunState) => (s.phase === 'running' ? -1 : (s.travel?.position ?? 0));
/** Whether the node reads a stored file (only those report progress). */
const readsStoredFile = (id: string) => (s: EditorState): boolean => s.doc.nodes.find((n) => n.id === id)?.params.stored !== undefined;

export function FileProgress({ id, title }: { readonly id: string; readonly title: string }) {
  const controller = useRunControllerOrNull();
  const phase = useRun(phaseOf);
  const runId = useRun(runIdOf);
  const position = useRun(positionOf);
  const aligned = useMemo(() => createAnswerAligned<FileProgressReport | null>({ initial: null, maxWaitMs: POLL_MS }), []);
  // The run store changes as the drain loop applies an answer, inside that frame's callback.
  useEffect(() => {
    const unsubscribe = controller?.store.subscribe(aligned.answered);
    return () => {
      unsubscribe?.();
      aligned.cancel();
    };
  }, [aligned, controller]);
  const report = useSyncExternalStore(aligned.subscribe, aligned.get);
  const stored = useEditor(useCallback(readsStoredFile(id), [id]));

  useEffect(() => {
    if (controller === null || phase === 'idle') {
      aligned.offer(null, true);
      return;
    }
    let live = true;
    const poll = (): void => {
      void controller.ask((api) => api.fileProgress()).then((all) => {
        if (!live) return;
        // Where the run stands still no answer may follow: shown at once.
        aligned.offer(all !== null && Object.hasOwn(all, id) ? all[id]! : null, phase !== 'running');
      });
    };
    poll();
    const timer = phase === 'running' ? setInterval(poll, POLL_MS) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [aligned, controller, phase, runId, position, id]);

  // A stored file's node takes its progress block's size as the run starts, before the first
  // report: grown in the first answer's frame, with the badges mounting, the canvas's re-measure
  // of the node made that frame the 1 GB run's one long task (54-56 ms, idle).
  if (report === null && !(stored && phase === 'running')) return null;
  const percent = report === null ? null : percentRead(report);
  const text = report === null ? 'Starting…' : progressText(report);
  return (
    <div className="wp-file-progress nodrag" data-testid="file-progress">
      <div
        className="wp-file-progress-bar"
        role="progressbar"
        aria-label={`Reading ${title}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={text}
        data-done={report?.done === true ? 'true' : undefined}
      >
        {/* Scaled, not sized: a width animated by CSS is a layout of the node on every frame of a run; a transform is the compositor's. */}
        <div className="wp-file-progress-fill" style={percent === null ? undefined : { transform: `scaleX(${percent / 100})` }} />
      </div>
      {/* Four lines tall while reading and when done, whatever the figures: a node that changes height is re-measured by the canvas (a ResizeObserver, its edges redrawn) in the run's frames. */}
      <span className="wp-file-progress-text">{text}</span>
    </div>
  );
}
