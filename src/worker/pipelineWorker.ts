/**
 * The pipeline worker's API (PipelineWorkerApi, ./protocol.ts) without the
 * Worker around it: one loaded document at a time, run by a Session. The
 * worker entry exposes it through comlink; tests call it directly with a
 * fake clock. A run that throws reports 'failed' with the node; the worker
 * stays usable, and the next load or stop starts afresh.
 */
import { NodeError } from '../engine/run/nodeError';
import type { PipelineDocument } from '../model';
import type { OpenFeed } from './feeds';
import type { Frame, LoadResult, PipelineWorkerApi, RunPhase, RunSpeed } from './protocol';
import { STEP_BATCH_ROWS, type SchedulerClock } from './scheduler';
import { createSession, type Session } from './session';
import { HIDDEN_TIMELINE_EVENTS } from './timeline/follow';
import type { Limits } from './travel/timeMachine';
import type { Breakpoint, BreakpointProblem } from './breakpoints/types';
import { replayLineage } from './lineage/replay';
import { createWhatIfRunner } from './whatif/whatIfRunner';
import { evaluateTasks } from '../lessons/evaluate';
import type { ReplayEntry } from '../engine/compare/types';
import type { FileInput } from '../engine/plan/compile';
import { hasStoredFiles, openStoredFiles, type StoreReader } from './files/openStored';
import { fileStore as appFileStore } from './fileStore/store';
import { createCheckpointing } from './checkpoints/checkpointing';
import { idbCheckpointStore, type CheckpointStore } from './checkpoints/store';

export interface PipelineWorkerDeps extends SchedulerClock {
  readonly openFeed: OpenFeed;
  /** How much time travel keeps (see travel/timeMachine.ts DEFAULT_LIMITS). */
  readonly travelLimits?: Limits;
  /** Where stored files are read from (default: this realm's IndexedDB file store). */
  readonly fileStore?: StoreReader;
  /** Where checkpoints are written (default: this realm's IndexedDB, see checkpoints/store.ts). */
  readonly checkpointStore?: CheckpointStore;
}

/** The API plus a drain that also names the buffers to transfer. */
export interface PipelineWorker extends PipelineWorkerApi {
  drainWithTransfer(): { frame: Frame; transfer: Transferable[] };
}

/** Creates the worker's state: nothing loaded, phase 'idle'. */
export function createPipelineWorker(deps: PipelineWorkerDeps): PipelineWorker {
  let doc: PipelineDocument | null = null;
  let session: Session | null = null;
  let runId = 0;
  let speed: RunSpeed = 1;
  let watched: string | null = null;
  let followed: string | null = null;
  let timelineShown = true;
  let breakpoints: readonly Breakpoint[] = [];
  let breakpointProblems: BreakpointProblem[] = [];

  const whatIf = createWhatIfRunner(deps);

  const phase = (): RunPhase => session?.scheduler.phase ?? 'idle';
  /** Events the timeline records from now on: all while it is shown or the run is paced, else a bounded few (recording slows a Max run). */
  const ended = (): boolean => phase() === 'finished' || phase() === 'failed';
  const timelineLimit = (): number => (timelineShown || speed !== 'max' ? Infinity : HIDDEN_TIMELINE_EVENTS);

  let fileStore: StoreReader | null = deps.fileStore ?? null;

  let checkpointStore: CheckpointStore | null = deps.checkpointStore ?? null;
  const checkpointing = createCheckpointing({
    ...deps,
    store: () => (checkpointStore ??= idbCheckpointStore()),
    current: () => (session === null || doc === null ? null : { doc, session, runId }),
  });

  /**
   * Replaces the session with a fresh one of `next` (a new run id either
   * way). A document with stored files answers once they are opened; a
   * newer load meanwhile wins (the older one then installs nothing).
   */
  function rebuild(next: PipelineDocument): LoadResult | Promise<LoadResult> {
    session?.dispose();
    session = null;
    runId++;
    if (!hasStoredFiles(next)) return install(next, undefined);
    const mine = runId;
    fileStore ??= appFileStore();
    return openStoredFiles(next, fileStore).then((opened): LoadResult => {
      if (runId !== mine) {
        return { ok: false, problems: [{ nodeId: '', message: 'a newer load replaced this one' }] };
      }
      if (opened.problems.length > 0) return { ok: false, problems: opened.problems };
      return install(next, opened.inputs);
    });
  }

  function install(next: PipelineDocument, fileInputs: Readonly<Record<string, FileInput>> | undefined): LoadResult {
    try {
      const built = createSession(next, speed, watched, { ...deps, log: () => undefined, onPhase: () => checkpointing.onPhase(phase()) }, fileInputs);
      if (!built.ok) return built;
      session = built.session;
      // A new run follows the node the old one did (if it still is a window node).
      session.timeline.setLimit(timelineLimit(), false);
      session.timeline.follow(followed);
      breakpointProblems = session.breakpoints.arm(breakpoints);
      return { ok: true, runId };
    } catch (error) {
      // Building the runtime threw (a source that cannot start): as refusing as a compile problem.
      const nodeId = error instanceof NodeError ? error.nodeId : '';
      return { ok: false, problems: [{ nodeId, message: error instanceof Error ? error.message : String(error) }] };
    }
  }

  /**
   * The WebSocket input this run has received, for a what-if of a document with
   * WebSocket sources: undefined when it has none; a sentence when it cannot be had.
   */
  function recordedLiveInput(of: PipelineDocument): readonly ReplayEntry[] | string | undefined {
    if (!of.nodes.some((n) => n.kind === 'source.websocket')) return undefined;
    if (session === null) return 'run the pipeline first: a comparison replays the WebSocket input the run has received';
    const entries = session.travel.recorded();
    if (entries === null) return 'the start of this run\'s WebSocket input is no longer kept (a long run lets the oldest go): press Stop and Run, then compare sooner';
    const replay: ReplayEntry[] = [];
    for (const e of entries) {
      if (e.kind === 'message' || e.kind === 'close') replay.push(e);
      else if (e.kind === 'step') replay.push({ kind: 'step', rows: e.rows });
    }
    return replay;
  }

  const moving = (): Session | null => {
    session?.connect();
    return session;
  };

  function drainWithTransfer(): { frame: Frame; transfer: Transferable[] } {
    const drained = session?.outputs.drain() ?? { chunks: [], transfer: [] };
    const travel = session?.travel.frame() ?? null;
    const frame: Frame = {
      phase: phase(),
      runId,
      failure: session?.scheduler.failure ?? null,
      outputs: travel === null ? drained.chunks : drained.chunks.map((c) => ({ ...c, cuts: travel.cuts })),
      metrics: session?.metrics.sample(deps.now(), phase() === 'running') ?? null,
      preview: session?.preview.take() ?? null,
      diagnostics: session?.takeDiagnostics() ?? [],
      travel,
      checkpoint: checkpointing.note(runId),
      ...(session?.webhooksPending() === true ? { webhooksPending: true } : {}),
    };
    return { frame, transfer: drained.transfer };
  }

  /** Pauses and shows the run as it was at `target(where it stands)`; a run that has not moved stays as it is. */
  function travelTo(target: (at: number) => number): number | Promise<number> {
    if (session === null) return 0;
    const { travel, scheduler } = session;
    if (travel.frame().head === 0) return travel.position;
    scheduler.hold();
    return travel.travel(target(travel.position));
  }

  return {
    load(next, keepRunning) {
      const was = phase();
      const settle = (loaded: LoadResult): LoadResult => {
        doc = loaded.ok ? next : null;
        if (loaded.ok && keepRunning && (was === 'running' || was === 'paused')) {
          moving()?.scheduler.start();
          // Paused stays paused, at the beginning of the new graph.
          if (was === 'paused') session?.scheduler.pause();
        }
        return loaded;
      };
      const loaded = rebuild(next);
      return loaded instanceof Promise ? loaded.then(settle) : settle(loaded);
    },
    start: () => moving()?.scheduler.start(),
    pause: () => session?.scheduler.pause(),
    step: (unit) => moving()?.scheduler.step(unit),
    stop() {
      const stopped = session;
      if (stopped !== null && doc !== null && (phase() === 'running' || phase() === 'paused')) {
        const at = doc;
        stopped.scheduler.dispose();
        // Answered once the checkpoint is stored, so the page that hears "stopped" finds it.
        const written = checkpointing.take('stop');
        if (written !== null) {
          return written.then(() => {
            if (session === stopped) void rebuild(at);
          });
        }
      }
      if (doc !== null) void rebuild(doc);
      return undefined;
    },
    configureCheckpoints: (settings) => checkpointing.configure(settings),
    resume(checkpoint) {
      if (session === null || doc === null) return { ok: false, message: 'Nothing is loaded to resume.' };
      if (phase() !== 'idle' || session.travel.position !== 0) return { ok: false, message: 'A run that has moved cannot resume a checkpoint: press Stop first.' };
      const result = checkpointing.resume(checkpoint);
      if (result.ok) return result;
      // A restore that failed half way leaves nothing usable: the run starts at its beginning.
      const rebuilt = rebuild(doc);
      return rebuilt instanceof Promise ? rebuilt.then(() => result) : result;
    },
    fileProgress: () => session?.fileProgress(deps.now()) ?? {},
    setSpeed(next) {
      speed = next;
      session?.scheduler.setSpeed(next);
      session?.timeline.setLimit(timelineLimit(), ended());
    },
    watch(nodeId) {
      watched = nodeId;
      session?.preview.watch(nodeId);
    },
    travel: (position) => travelTo(() => position),
    stepBack: (unit) => travelTo((at) => at - (unit === 'event' ? 1 : STEP_BATCH_ROWS)),
    setBreakpoints(list) {
      breakpoints = list;
      breakpointProblems = session?.breakpoints.arm(list) ?? [];
      return breakpointProblems;
    },
    breakpointHit() {
      const hit = session?.breakpoints.hit ?? null;
      return hit === null ? null : { ...hit, runId };
    },
    lineage(query) {
      if (doc === null || session === null) return { kind: 'unavailable', reason: 'nothing has run yet' };
      const finished = phase() === 'finished';
      return replayLineage(doc, { position: session.travel.position, toEnd: finished }, query);
    },
    drain: () => drainWithTransfer().frame,
    // Whatever the phase: the page may say it before the Run it follows reaches the worker.
    answerDrawing: (giveWayMs) => session?.scheduler.giveWay(giveWayMs),
    answerDrawn: () => session?.scheduler.resume(),
    drainWithTransfer,
    followTimeline(nodeId, shown = true) {
      followed = nodeId;
      timelineShown = shown;
      // Closing the timeline (null) leaves this run's recording on: reopened, it shows the whole run, not only what came after.
      if (nodeId !== null) session?.timeline.follow(nodeId);
      // After following: a limit lifted restarts a stopped recording of the node now followed, not of the one before.
      session?.timeline.setLimit(timelineLimit(), ended());
    },
    timeline: (query) => session?.timeline.frame(query) ?? null,
    timelineEvent: (nodeId, seq) => session?.timeline.event(nodeId, seq) ?? null,
    timelineWindow: (nodeId, windowId) => session?.timeline.window(nodeId, windowId) ?? null,
    timelineFindWindow: (nodeId, key, start, end) => session?.timeline.findWindow(nodeId, key, start, end) ?? null,
    // Lesson pipelines are small and capped (LESSON_EVENT_LIMIT): one synchronous run.
    checkLessonTasks: async (doc, tasks) => evaluateTasks(doc, tasks),
    compareWhatIf: (request) => whatIf.compareWhatIf(request, recordedLiveInput(request.doc)),
    whatIfProgress: () => whatIf.whatIfProgress(),
    cancelWhatIf: () => whatIf.cancelWhatIf(),
    whatIfTimeline: (run, query) => whatIf.whatIfTimeline(run, query),
    whatIfTimelineEvent: (run, nodeId, seq) => whatIf.whatIfTimelineEvent(run, nodeId, seq),
    whatIfTimelineWindow: (run, nodeId, windowId) => whatIf.whatIfTimelineWindow(run, nodeId, windowId),
  };
}
