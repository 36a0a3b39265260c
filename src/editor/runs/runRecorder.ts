/**
 * Records every run in the history as it happens: a record when it starts,
 * again every RECORD_EVERY_MS (so a crash of the page leaves a record, found
 * running on the next load and marked Crashed), and when it ends, with the
 * sinks' newest rows. A run is one run id of the worker that moved: Stop,
 * an edit that restarts it, opening another pipeline or a worker crash end
 * it; Run after Finished starts the next.
 */
import { pipelineVersion } from '../../model/pipelineVersion';
import { runnableDocument } from '../run/runGraph';
import type { RunController, RunState } from '../run/types';
import type { EditorStore } from '../store/documentStore';
import { summaryOf, type RunIdentity } from './recordOf';
import type { RunHistory } from './runHistory';
import { SinkCapture } from './sinkCapture';
import { RECORD_EVERY_MS, RESULT_ROWS_PER_SINK, type RunResults } from './types';

export interface RecorderClock {
  now(): number;
  every(ms: number, callback: () => void): () => void;
  later(ms: number, callback: () => void): () => void;
}

export interface RunRecorderOptions {
  readonly run: Pick<RunController, 'store' | 'results'>;
  readonly editor: EditorStore;
  /** The open pipeline's id (the documents session's store). */
  readonly pipeline?: { getState(): { readonly openId: string } };
  readonly history: RunHistory;
  readonly clock?: RecorderClock;
  readonly newId?: () => string;
  readonly rowsPerSink?: number;
}

/** After a run ends its last figures may come a frame or two later: the record is written once more then. */
export const SETTLE_MS = 1000;

/** The text the reducer gives a worker that crashed (as opposed to one ended because Stop went unanswered). */
const CRASHED = 'Worker restarted';

const browserClock: RecorderClock = {
  now: () => Date.now(),
  every(ms, callback) {
    const handle = setInterval(callback, ms);
    return () => clearInterval(handle);
  },
  later(ms, callback) {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
};

interface Recording {
  readonly identity: RunIdentity;
  readonly runId: number;
  readonly captures: Map<string, SinkCapture>;
  last: RunState;
  readonly stopTimer: () => void;
  readonly release: () => void;
}

/** Starts recording; returns the function that stops it (a run under way is left as it was last written). */
export function startRunRecorder(options: RunRecorderOptions): () => void {
  const { run, editor, history } = options;
  const clock = options.clock ?? browserClock;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const cap = options.rowsPerSink ?? RESULT_ROWS_PER_SINK;
  let open: Recording | null = null;
  /** The run id last recorded: a finished run's later frames do not start another record. */
  let recordedRunId = -1;
  let captureRunId = -1;
  let captures = new Map<string, SinkCapture>();
  let cancelSettle = (): void => undefined;

  const resultsOf = (recording: { identity: RunIdentity; captures: Map<string, SinkCapture> }): RunResults => ({
    id: recording.identity.id,
    sinks: [...recording.captures.values()].map((c) => c.snapshot()),
  });

  const write = (recording: Recording, ended: Parameters<typeof summaryOf>[3]): Promise<void> =>
    history.save(summaryOf(recording.identity, recording.last, clock.now(), ended), resultsOf(recording));

  function start(state: RunState): void {
    const doc = editor.getState().doc;
    const runnable = runnableDocument(doc);
    const id = newId();
    const identity: RunIdentity = {
      id,
      documentId: options.pipeline?.getState().openId ?? '',
      documentName: doc.name,
      pipelineVersion: runnable.ok ? pipelineVersion(runnable.document) : '',
      startedAt: clock.now(),
      doc,
    };
    if (captureRunId !== state.runId) {
      captureRunId = state.runId;
      captures = new Map();
    }
    const release = history.liveness.hold(id);
    const recording: Recording = {
      identity, runId: state.runId, captures, last: state, release,
      stopTimer: clock.every(RECORD_EVERY_MS, () => void write(recording, null)),
    };
    open = recording;
    recordedRunId = state.runId;
    void write(recording, null);
  }

  function finish(how: 'finished' | 'failed' | 'stopped' | 'crashed', reason: string): void {
    const recording = open;
    if (recording === null) return;
    open = null;
    recording.stopTimer();
    const ended = { how, reason, at: clock.now() };
    void write(recording, ended).finally(recording.release);
    cancelSettle();
    // Figures and rows that arrive in the frames right after the end are the run's last.
    cancelSettle = clock.later(SETTLE_MS, () => {
      const state = run.store.getState();
      if (state.runId === recording.runId && state.phase !== 'idle') recording.last = state;
      void write(recording, ended);
    });
  }

  function follow(state: RunState): void {
    if (open !== null && state.runId !== open.runId) finish('stopped', state.phase === 'idle' ? 'stopped' : 'the pipeline changed, so the run started again');
    if (open === null && state.runId !== recordedRunId && state.phase !== 'idle') start(state);
    const recording = open;
    if (recording === null) return;
    if (state.phase === 'idle') {
      const crashed = state.workerError?.startsWith(CRASHED) === true;
      finish(crashed ? 'crashed' : 'stopped', state.workerError ?? (state.pipelineId !== recording.last.pipelineId ? 'another pipeline was opened' : 'stopped'));
      return;
    }
    recording.last = state;
    if (state.phase === 'finished') finish('finished', '');
    else if (state.phase === 'failed') finish('failed', '');
  }

  // The rows: every sink of the document on screen, kept per run id (the bus resets before a new run's first chunk).
  const subscriptions = new Map<string, () => void>();
  const syncSinks = (): void => {
    const sinks = new Map(editor.getState().doc.nodes.filter((n) => n.kind.startsWith('sink.')).map((n) => [n.id, n.name ?? n.id]));
    for (const [id, unsubscribe] of subscriptions) {
      if (!sinks.has(id)) {
        unsubscribe();
        subscriptions.delete(id);
      }
    }
    for (const [id, name] of sinks) {
      if (subscriptions.has(id)) continue;
      subscriptions.set(id, run.results.subscribe(id, (chunk) => {
        let capture = captures.get(chunk.sinkId);
        if (capture === undefined) captures.set(chunk.sinkId, (capture = new SinkCapture(chunk.sinkId, name, cap)));
        capture.add(chunk);
      }));
    }
  };
  syncSinks();
  const unfollowDoc = editor.subscribe((s, before) => {
    if (s.doc !== before.doc) syncSinks();
  });
  const unfollowReset = run.results.onReset((runId) => {
    // The captures of a run still being recorded (or settling) stay with it; the new run gets new ones.
    captureRunId = runId;
    captures = new Map();
  });
  const unfollowRun = run.store.subscribe(follow);
  follow(run.store.getState());

  return () => {
    unfollowRun();
    unfollowReset();
    unfollowDoc();
    for (const unsubscribe of subscriptions.values()) unsubscribe();
    cancelSettle();
    open?.stopTimer();
  };
}
