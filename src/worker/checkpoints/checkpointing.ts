/**
 * When the worker takes checkpoints and where they go: every `everyMs` of
 * wall clock while the run runs, on Pause and on Stop, between steps (a
 * task of its own on the worker's queue, never inside one). Each is the
 * session's state (./../session.ts `checkpoint`) with the versions that
 * decide whether it may be resumed, written to the checkpoint store from
 * the worker, so the structured clone never holds up the page. A run that
 * finishes leaves nothing to resume: its checkpoints are cleared.
 */
import { pipelineVersion, CURRENT_VERSION, type PipelineDocument } from '../../model';
import type { RunPhase } from '../protocol';
import type { SchedulerClock } from '../scheduler';
import type { Session } from '../session';
import { estimateBytes } from '../travel/snapshotRing';
import { CHECKPOINT_FORMAT, checkCheckpoint, type Checkpoint, type CheckpointReason } from './format';
import type { CheckpointStore } from './store';
import type { CheckpointNote, CheckpointSettings, ResumeResult } from './types';
import { MidStepError } from '../../engine/run/runtimeSnapshot';

export interface CheckpointingDeps extends SchedulerClock {
  readonly store: () => CheckpointStore;
  /** The loaded document and its session (null when none). */
  readonly current: () => { readonly doc: PipelineDocument; readonly session: Session; readonly runId: number } | null;
}

export interface Checkpointing {
  configure(settings: CheckpointSettings): void;
  /** Takes one now if the run can be checkpointed (`reason` says why); resolves once stored (null: none taken). */
  take(reason: CheckpointReason): Promise<void> | null;
  /** The scheduler's phase changed: a pause is checkpointed, a finished run's checkpoints go. */
  onPhase(phase: RunPhase): void;
  /** Restores `value` into the current session, which must not have moved. */
  resume(value: unknown): ResumeResult;
  /** The last checkpoint of run `runId`, for its frames. */
  note(runId: number): CheckpointNote | null;
}

export function createCheckpointing(deps: CheckpointingDeps): Checkpointing {
  let settings: CheckpointSettings | null = null;
  let last: { runId: number; note: CheckpointNote } | null = null;
  let timer: (() => void) | null = null;
  let timerRun = -1;

  function take(reason: CheckpointReason): Promise<void> | null {
    const loaded = deps.current();
    if (settings === null || loaded === null) return null;
    const started = deps.now();
    let state;
    try {
      state = loaded.session.checkpoint();
    } catch (error) {
      // Not between steps after all (a step waits for a stored file): the next one will do.
      if (error instanceof MidStepError) return null;
      // Any other failure is a fault the user must see, not a checkpoint silently skipped.
      const at = deps.now();
      last = { runId: loaded.runId, note: { takenAt: at, events: 0, bytes: 0, tookMs: at - started, error: `The checkpoint could not be taken: ${error instanceof Error ? error.message : String(error)}` } };
      return null;
    }
    // Nothing has run yet: nothing to resume.
    if (state === null || state.events === 0) return null;
    const checkpoint: Checkpoint = {
      format: CHECKPOINT_FORMAT,
      documentVersion: CURRENT_VERSION,
      pipelineVersion: pipelineVersion(loaded.doc),
      documentId: settings.documentId,
      takenAt: deps.now(),
      reason,
      ...state,
    };
    const bytes = estimateBytes(checkpoint);
    const runId = loaded.runId;
    const tookMs = deps.now() - started;
    return deps.store().write(checkpoint).then(
      () => {
        last = { runId, note: { takenAt: checkpoint.takenAt, events: checkpoint.events, bytes, tookMs, error: null } };
      },
      (error: unknown) => {
        last = { runId, note: { takenAt: checkpoint.takenAt, events: checkpoint.events, bytes, tookMs, error: `The checkpoint could not be stored: ${error instanceof Error ? error.message : String(error)}` } };
      },
    );
  }

  /** While running, one checkpoint every `everyMs`, for as long as the same run runs. */
  function arm(runId: number): void {
    timer?.();
    timer = null;
    const every = settings?.everyMs ?? 0;
    if (every <= 0) return;
    timerRun = runId;
    timer = deps.later(() => {
      timer = null;
      const loaded = deps.current();
      if (loaded === null || loaded.runId !== timerRun || loaded.session.scheduler.phase !== 'running') return;
      void take('interval');
      arm(runId);
    }, every);
  }

  return {
    configure(next) {
      settings = next;
      const loaded = deps.current();
      if (loaded !== null && loaded.session.scheduler.phase === 'running') arm(loaded.runId);
    },
    take,
    onPhase(phase) {
      const loaded = deps.current();
      if (loaded === null || settings === null) return;
      if (phase === 'running' && (timer === null || timerRun !== loaded.runId)) arm(loaded.runId);
      // A task of its own: the phase changes inside a scheduler slice, perhaps mid-step.
      else if (phase === 'paused') {
        deps.later(() => {
          void take('pause');
        }, 0);
      }
      else if (phase === 'finished') void deps.store().clear(settings.documentId).catch(() => undefined);
    },
    resume(value) {
      const loaded = deps.current();
      if (loaded === null) return { ok: false, message: 'Nothing is loaded to resume.' };
      const checked = checkCheckpoint(value, { pipelineVersion: pipelineVersion(loaded.doc) });
      if (!checked.ok) return { ok: false, message: checked.message };
      try {
        loaded.session.resumeFrom(checked.checkpoint);
        return { ok: true };
      } catch (error) {
        return { ok: false, message: `The checkpoint does not fit this pipeline's run: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    note: (runId) => (last !== null && last.runId === runId ? last.note : null),
  };
}
