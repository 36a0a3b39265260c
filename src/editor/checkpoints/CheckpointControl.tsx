import './checkpoints.css';
import { useEffect, useId, useRef, useState } from 'react';
import type { PipelineDocument } from '../../model';
import { clockTime } from '../../worker/checkpoints/format';
import { idbCheckpointStore } from '../../worker/checkpoints/store';
import { formatBytes } from '../../worker/fileStore/store';
import { useRun, useRunController } from '../run/RunProvider';
import { runnableDocument, sameRunGraph } from '../run/runGraph';
import { selectCommandPending, selectPhase } from '../run/selectors';
import type { RunState } from '../run/types';
import { useEditor } from '../store/context';
import type { EditorState } from '../store/documentStore';
import type { EditorDocument } from '../store/types';
import { CHECKPOINT_CHOICES, formatEvents, loadCheckpointEvery, saveCheckpointEvery } from './checkpointEvery';
import { liveOnlySources, NO_OFFER, readOffer, type CheckpointOffer } from './checkpointOffer';

const store = idbCheckpointStore();
const documentOf = (s: EditorState) => s.doc;
const selectPipelineId = (s: RunState) => s.pipelineId || 'default';
const selectNote = (s: RunState) => s.checkpoint;
const storage = (): Storage | null => (typeof localStorage === 'undefined' ? null : localStorage);

/** The runnable document, recomputed only when what runs changes (not on every drag frame). */
function useRunnable(doc: EditorDocument): PipelineDocument | null {
  const last = useRef<{ doc: EditorDocument; runnable: PipelineDocument | null } | null>(null);
  if (last.current === null || !sameRunGraph(last.current.doc, doc)) {
    const r = runnableDocument(doc);
    last.current = { doc, runnable: r.ok ? r.document : null };
  }
  return last.current.runnable;
}

function resumeTitle(offer: Extract<CheckpointOffer, { kind: 'resume' }>, doc: PipelineDocument): string {
  const { checkpoint } = offer;
  const lines = [`Continue the run from its checkpoint of ${clockTime(checkpoint.takenAt)}: every operator's state, the sources' positions and the results as of then.`];
  const live = liveOnlySources(doc);
  if (live.length > 0) lines.push(`A plain WebSocket source cannot rewind: ${live.join(', ')} resumes live (messages sent while the run was down are not replayed). A WebSocket in log mode resumes from its offsets.`);
  return lines.join('\n');
}

/**
 * The toolbar's checkpoint controls: Resume from the open pipeline's newest
 * checkpoint (after a reload, a crashed tab or worker, a Stop), the message
 * and choice when it cannot be used, the last checkpoint of the run, and
 * how often to take them.
 */
export function CheckpointControl() {
  const controller = useRunController();
  const phase = useRun(selectPhase);
  const pending = useRun(selectCommandPending);
  const pipelineId = useRun(selectPipelineId);
  const note = useRun(selectNote);
  const runnable = useRunnable(useEditor(documentOf));
  const [every, setEvery] = useState(() => loadCheckpointEvery(storage()));
  const [offer, setOffer] = useState<CheckpointOffer>(NO_OFFER);
  const [dialog, setDialog] = useState(false);
  const titleId = useId();
  const idle = phase === 'idle' && !pending;

  useEffect(() => controller.setCheckpointEvery(every), [controller, every]);

  useEffect(() => {
    if (!idle) return undefined;
    let live = true;
    void readOffer(store, pipelineId, runnable).then((next) => {
      if (!live) return;
      setOffer(next);
      // A checkpoint that cannot be used is said at once; a fresh start waits for the user's word.
      if (next.kind === 'unusable') setDialog(true);
    });
    return () => {
      live = false;
    };
  }, [idle, pipelineId, runnable]);

  const resume = (checkpoint: Extract<CheckpointOffer, { kind: 'resume' }>['checkpoint']): void => {
    setOffer(NO_OFFER);
    void controller.resume(checkpoint).then((answer) => {
      if (answer === null || answer.ok) return;
      setOffer({ kind: 'unusable', problem: 'refused', message: answer.message, takenAt: checkpoint.takenAt });
      setDialog(true);
    });
  };

  const startAfresh = (): void => {
    setDialog(false);
    setOffer(NO_OFFER);
    void store.clear(pipelineId).catch(() => undefined).then(() => controller.run());
  };

  return (
    <span className="wp-ckpt">
      {idle && offer.kind === 'resume' && runnable !== null && (
        <button type="button" className="wp-ckpt-resume" title={resumeTitle(offer, runnable)} onClick={() => resume(offer.checkpoint)}>
          Resume from {clockTime(offer.checkpoint.takenAt)} ({formatEvents(offer.checkpoint.events)} events)
        </button>
      )}
      {offer.kind === 'unusable' && idle && (
        <button type="button" className="wp-ckpt-bad" title={offer.message} onClick={() => setDialog(true)}>
          Checkpoint unusable
        </button>
      )}
      {note !== null && (phase === 'running' || phase === 'paused') && (
        <span className="wp-ckpt-note" data-testid="checkpoint-note" title={note.error ?? `Checkpoint of ${formatEvents(note.events)} events, about ${formatBytes(note.bytes)}, taken in ${note.tookMs.toFixed(0)} ms`}>
          <svg width="13" height="13" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M6 21V4h11l-2.5 4.5L17 13H6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {/* The word gives way in a narrow window (checkpoints.css); the flag, the title and screen readers still say it. */}
          <span className="wp-ckpt-note-word">Checkpoint </span>
          {note.error === null ? clockTime(note.takenAt) : 'not saved'}
        </span>
      )}
      <label className="wp-ckpt-every" title="How often a running pipeline is checkpointed (always on Pause and Stop too)">
        <span className="visually-hidden">Checkpoint</span>
        <select aria-label="Checkpoint" value={String(every)} onChange={(e) => {
          const ms = Number(e.target.value);
          saveCheckpointEvery(storage(), ms);
          setEvery(ms);
        }}>
          {CHECKPOINT_CHOICES.map((c) => <option key={c.ms} value={String(c.ms)}>{c.label}</option>)}
        </select>
      </label>
      {dialog && offer.kind === 'unusable' && (
        <div className="wp-ckpt-backdrop">
          <div className="wp-ckpt-dialog" role="alertdialog" aria-modal="true" aria-labelledby={titleId}>
            <h2 id={titleId}>{offer.problem === 'pipeline' ? 'The pipeline changed since its checkpoint' : 'The checkpoint cannot be resumed'}</h2>
            <p>{offer.message}</p>
            <p>Start from the beginning deletes the checkpoint and runs the pipeline from its first event. Keep the checkpoint leaves it stored and changes nothing.</p>
            <div className="wp-ckpt-actions">
              <button type="button" onClick={startAfresh}>Start from the beginning</button>
              <button type="button" autoFocus onClick={() => setDialog(false)}>Keep the checkpoint</button>
            </div>
          </div>
        </div>
      )}
    </span>
  );
}
