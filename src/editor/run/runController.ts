/**
 * The run controller: the page's side of a running pipeline. Commands go to
 * the worker in order; frames come back through the drain loop into the run
 * store (figures) and the results bus (rows). It follows the editor's
 * document: while running or paused, a change that matters to the run
 * reloads it from the beginning; an invalid document stops it.
 *
 * A run belongs to the pipeline it was started in. When another pipeline is
 * opened (the documents session's open id changes) the run stops, and the
 * other pipeline starts idle: node ids repeat across pipelines (`tumbling1`),
 * so nothing of the first run may show on the second one's nodes.
 *
 * Stop always stops: a worker stuck in a loop (or in a load, a step) answers
 * nothing, so when Stop is not answered within STOP_ANSWER_MS the worker is
 * ended and a fresh one started, the canvas goes idle, the views keep their
 * rows, and the status says so. Commands waiting on a worker that is ended or
 * crashes are given up, so the next Run goes to the new worker.
 */
import { createStore } from 'zustand/vanilla';
import { startPipelineWorker, type AsyncPipelineApi, type WorkerClient } from '../../worker/client';
import type { RunPhase, RunSpeed, StepUnit } from '../../worker/protocol';
import type { EditorStore } from '../store/documentStore';
import type { EditorDocument } from '../store/types';
import { createDrainLoop } from './drainLoop';
import { POURING_GIVE_WAY_MS, pullEveryMs } from './pullPace';
import { initialRunState, isOwnRun, runReducer } from './reducer';
import { createResultsBus } from './resultsBus';
import { runnableDocument, sameRunGraph } from './runGraph';
import type { RunAction, RunController, RunState } from './types';
import type { ResumeResult } from '../../worker/checkpoints/types';

/** How long the document must rest before a running pipeline restarts with it. */
export const RELOAD_DEBOUNCE_MS = 150;

/** How long Stop waits for the worker's answer before ending the worker. */
export const STOP_ANSWER_MS = 2000;

/** Which pipeline is open (the documents session's store fits). */
interface OpenPipeline {
  getState(): { readonly openId: string };
  subscribe(listener: (state: { readonly openId: string }) => void): () => void;
}

export interface RunControllerOptions {
  readonly editor: EditorStore;
  /** The open pipeline; without one the editor's document is taken as one pipeline for ever. */
  readonly pipeline?: OpenPipeline;
  /** Starts a worker (tests pass a fake); `onCrash` hears why it died. */
  readonly startWorker?: (onCrash: (message: string) => void) => WorkerClient;
  readonly requestFrame?: (callback: () => void) => number;
  readonly cancelFrame?: (handle: number) => void;
  /** Overrides STOP_ANSWER_MS. */
  readonly stopAnswerMs?: number;
}

const moving = (phase: RunPhase): boolean => phase === 'running' || phase === 'paused';

/** A promise that settles when `give` is called: the commands of a worker that is gone stop waiting. */
function giveUpSignal(): { readonly given: Promise<void>; readonly give: () => void } {
  let give = (): void => undefined;
  const given = new Promise<void>((resolve) => {
    give = resolve;
  });
  return { given, give };
}

/** Creates the controller; the worker starts with the first command. */
export function createRunController(options: RunControllerOptions): RunController {
  const { editor } = options;
  const stopAnswerMs = options.stopAnswerMs ?? STOP_ANSWER_MS;
  const startWorker = options.startWorker ?? startPipelineWorker;
  const store = createStore<RunState>()(() => ({ ...initialRunState, pipelineId: options.pipeline?.getState().openId ?? '' }));
  const dispatch = (action: RunAction): void => store.setState((s) => runReducer(s, action), true);
  const results = createResultsBus();
  let client: WorkerClient | null = null;
  /** The editor document the worker holds, or null when it holds none (or an older one failed). */
  let loaded: EditorDocument | null = null;
  let chain: Promise<void> = Promise.resolve();
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  /**
   * A new worker counts runs from 0 again; its run ids are shifted past the
   * old worker's, so the views see a new run (and clear) after a crash.
   */
  let runIdBase = 0;
  /** The highest run id the worker has given (shifted), seen in a frame or a load. */
  let lastRunId = 0;
  const seen = (runId: number): number => {
    lastRunId = Math.max(lastRunId, runId);
    return runId;
  };
  /** Bumped when another pipeline opens: commands of the one before are dropped. */
  let generation = 0;
  /** The document a run was refused for, so its reasons go once the document changes. */
  let refused: EditorDocument | null = null;
  /** Settled when the current worker is replaced: a command waiting on it gives up. */
  let giveUp = giveUpSignal();
  /** Run and Step commands not answered yet. */
  let pending = 0;
  /** Wall-clock ms between checkpoints, null until the page sets it (then every worker is told). */
  let checkpointEvery: number | null = null;
  const checkpointSettings = (everyMs: number) => ({ documentId: store.getState().pipelineId || 'default', everyMs });

  /** Ends `old` (crashed, or not answering) and starts a fresh worker; the canvas and the document are the editor's. */
  const replace = (old: WorkerClient, why: RunAction): void => {
    // A worker already replaced (a crash reported after its Stop timed out) has nothing left to end.
    if (client !== old) return;
    old.dispose();
    client = null;
    loaded = null;
    runIdBase = lastRunId;
    giveUp.give();
    giveUp = giveUpSignal();
    dispatch(why);
    if (disposed) return;
    worker();
    loop.restart();
  };

  const worker = (): WorkerClient => {
    if (client !== null) return client;
    const started = startWorker((message) => replace(started, { type: 'workerCrashed', message }));
    client = started;
    const { speed, watchedNodeId } = store.getState();
    void started.api.setSpeed(speed);
    void started.api.watch(watchedNodeId);
    if (checkpointEvery !== null) void started.api.configureCheckpoints(checkpointSettings(checkpointEvery));
    return started;
  };

  const loop = createDrainLoop({
    drain: () => worker().api.drain(),
    // At Max (the worker gives way only while it runs, so a run's first answers count too, whatever phase the page shows yet).
    givesWay: () => store.getState().speed === 'max',
    drawing: () => void client?.api.answerDrawing(POURING_GIVE_WAY_MS),
    drawn: () => void client?.api.answerDrawn(),
    onFrame(answer) {
      const frame = runIdBase === 0 ? answer : { ...answer, runId: answer.runId + runIdBase };
      seen(frame.runId);
      // The rows of the pipeline open before go nowhere either (the reducer drops its figures).
      if (!isOwnRun(store.getState(), frame.runId)) return;
      results.publish(frame.runId, frame.phase, frame.outputs);
      dispatch({ type: 'frame', frame });
    },
    onError: (error) => console.error('Draining the pipeline worker failed:', error),
    pullEveryMs: () => pullEveryMs(store.getState().phase, store.getState().speed),
    requestFrame: options.requestFrame ?? ((cb) => requestAnimationFrame(cb)),
    cancelFrame: options.cancelFrame ?? ((h) => cancelAnimationFrame(h)),
  });

  /**
   * Commands run one after the other, each after the previous one's answer;
   * one given for a pipeline no longer open is dropped when its turn comes.
   */
  const serial = (task: (given: number) => Promise<void>): Promise<void> => {
    const given = generation;
    chain = chain
      // Raced with the worker's end: a command its worker will never answer must not hold up the next ones.
      .then(() => (given === generation ? Promise.race([task(given), giveUp.given]) : undefined))
      .catch((error: unknown) => console.error('A run command failed:', error))
      .finally(() => loop.wake());
    return chain;
  };

  /** A Run or Step: counted while unanswered, so Stop can end a worker that hangs in it. */
  const command = (task: (given: number) => Promise<void>): void => {
    if (pending++ === 0) dispatch({ type: 'commandPending', pending: true });
    void serial(task).finally(() => {
      if (--pending === 0) dispatch({ type: 'commandPending', pending: false });
    });
  };

  const refuse = (doc: EditorDocument, problems: RunState['loadProblems']): false => {
    loaded = null;
    refused = doc;
    dispatch({ type: 'loadRefused', problems });
    return false;
  };

  /** Loads the editor's document unless the worker holds it already; false when it cannot run. */
  async function ensureLoaded(keepRunning: boolean, force: boolean, given: number): Promise<boolean> {
    // The pipeline changed during an earlier await of this command: the document on screen is not the one it was given for.
    if (given !== generation) return false;
    const doc = editor.getState().doc;
    if (!force && loaded !== null && sameRunGraph(loaded, doc)) return true;
    const runnable = runnableDocument(doc);
    const api = worker().api;
    if (!runnable.ok) {
      if (loaded !== null) await api.stop();
      return given === generation ? refuse(doc, runnable.problems) : false;
    }
    const result = await api.load(runnable.document, keepRunning);
    if (given !== generation) {
      // Another pipeline opened while this one loaded: the load is of no use, and must not run.
      if (result.ok) {
        seen(result.runId + runIdBase);
        await api.stop();
      }
      return false;
    }
    if (!result.ok) return refuse(doc, result.problems);
    loaded = doc;
    refused = null;
    dispatch({ type: 'loaded', runId: seen(result.runId + runIdBase) });
    return true;
  }

  /** A finished or failed run starts again from the beginning. */
  async function rewindIfOver(): Promise<void> {
    const phase = store.getState().phase;
    if ((phase === 'finished' || phase === 'failed') && loaded !== null) await worker().api.stop();
  }

  /** Another pipeline is on screen: the run stops, and the new one starts idle. */
  function openPipeline(pipelineId: string): void {
    if (pipelineId === store.getState().pipelineId) return;
    generation++;
    clearTimeout(reloadTimer);
    refused = null;
    const held = loaded !== null;
    loaded = null;
    dispatch({ type: 'pipelineOpened', pipelineId });
    results.clear();
    // The next pipeline's checkpoints are stored beside it.
    if (checkpointEvery !== null && client !== null) void client.api.configureCheckpoints(checkpointSettings(checkpointEvery));
    // Stopping gives the worker a new (idle) run, so the old run's rows stop at once.
    if (held) void serial(async () => worker().api.stop());
  }

  const unfollowPipeline = options.pipeline?.subscribe((state) => openPipeline(state.openId)) ?? (() => undefined);

  const unfollow = editor.subscribe((state, previous) => {
    if (state.doc === previous.doc) return;
    if (refused !== null && !sameRunGraph(refused, state.doc)) {
      refused = null;
      dispatch({ type: 'refusalOutdated' });
    }
    if (loaded === null || sameRunGraph(loaded, state.doc)) return;
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      if (!moving(store.getState().phase) || loaded === null || sameRunGraph(loaded, editor.getState().doc)) return;
      void serial(async (given) => {
        if (moving(store.getState().phase)) await ensureLoaded(true, false, given);
      });
    }, RELOAD_DEBOUNCE_MS);
  });

  return {
    store,
    results,
    run() {
      command(async (given) => {
        await rewindIfOver();
        if ((await ensureLoaded(false, false, given)) && given === generation) await worker().api.start();
      });
    },
    pause() {
      void serial(async () => worker().api.pause());
    },
    step(unit: StepUnit) {
      command(async (given) => {
        await rewindIfOver();
        if ((await ensureLoaded(false, false, given)) && given === generation) await worker().api.step(unit);
      });
    },
    stop() {
      const asked = client;
      if (asked === null) return;
      let answered = false;
      // Counted from the press, so a Run or Step still hanging ahead of Stop is ended too.
      const watchdog = setTimeout(() => {
        if (!answered) replace(asked, { type: 'stopUnanswered', waitedMs: stopAnswerMs });
      }, stopAnswerMs);
      void serial(async () => {
        if (client !== null) await client.api.stop();
      }).finally(() => {
        answered = true;
        clearTimeout(watchdog);
      });
    },
    setCheckpointEvery(everyMs: number) {
      checkpointEvery = everyMs;
      if (client !== null) void client.api.configureCheckpoints(checkpointSettings(everyMs));
    },
    resume(checkpoint) {
      return new Promise((resolve) => {
        command(async (given) => {
          let answer: ResumeResult | null = null;
          try {
            // A fresh load: the run starts at the checkpoint, not where a stopped one stood.
            if ((await ensureLoaded(false, true, given)) && given === generation) {
              answer = await worker().api.resume(checkpoint);
              if (answer.ok && given === generation) await worker().api.start();
            }
          } finally {
            resolve(answer);
          }
        });
      });
    },
    setSpeed(speed: RunSpeed) {
      dispatch({ type: 'speed', speed });
      if (client !== null) void client.api.setSpeed(speed);
    },
    watch(nodeId: string | null) {
      dispatch({ type: 'watch', nodeId });
      if (client !== null) {
        void client.api.watch(nodeId);
        loop.wake();
      }
    },
    async ask<T>(question: (api: AsyncPipelineApi) => Promise<T>): Promise<T | null> {
      const asked = client;
      if (asked === null) return null;
      return Promise.race([question(asked.api), giveUp.given.then(() => null)]);
    },
    send(task: (api: AsyncPipelineApi) => Promise<void>): Promise<void> {
      return serial(async () => task(worker().api));
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      clearTimeout(reloadTimer);
      unfollow();
      unfollowPipeline();
      loop.dispose();
      client?.dispose();
      client = null;
    },
  };
}
