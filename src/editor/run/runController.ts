/**
 * The run controller: the page's side of a running pipeline. Commands go to
 * the worker in order; frames come back through the drain loop into the run
 * store (figures) and the results bus (rows). It follows the editor's
 * document: while running or paused, a change that matters to the run
 * reloads it from the beginning; an invalid document stops it.
 */
import { createStore } from 'zustand/vanilla';
import { startPipelineWorker, type WorkerClient } from '../../worker/client';
import type { RunPhase, RunSpeed, StepUnit } from '../../worker/protocol';
import type { EditorStore } from '../store/documentStore';
import type { EditorDocument } from '../store/types';
import { createDrainLoop } from './drainLoop';
import { initialRunState, runReducer } from './reducer';
import { createResultsBus } from './resultsBus';
import { runnableDocument, sameRunGraph } from './runGraph';
import type { RunAction, RunController, RunState } from './types';

/** How long the document must rest before a running pipeline restarts with it. */
export const RELOAD_DEBOUNCE_MS = 150;

export interface RunControllerOptions {
  readonly editor: EditorStore;
  /** Starts a worker (tests pass a fake); `onCrash` hears why it died. */
  readonly startWorker?: (onCrash: (message: string) => void) => WorkerClient;
  readonly requestFrame?: (callback: () => void) => number;
  readonly cancelFrame?: (handle: number) => void;
}

const moving = (phase: RunPhase): boolean => phase === 'running' || phase === 'paused';

/** Creates the controller; the worker starts with the first command. */
export function createRunController(options: RunControllerOptions): RunController {
  const { editor } = options;
  const startWorker = options.startWorker ?? startPipelineWorker;
  const store = createStore<RunState>()(() => initialRunState);
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

  const worker = (): WorkerClient => {
    if (client !== null) return client;
    const started = startWorker((message) => {
      // The canvas and the document are the editor's: only the worker is replaced.
      started.dispose();
      if (client === started) client = null;
      loaded = null;
      runIdBase = store.getState().runId;
      dispatch({ type: 'workerCrashed', message });
      if (disposed) return;
      worker();
      loop.restart();
    });
    client = started;
    const { speed, watchedNodeId } = store.getState();
    void started.api.setSpeed(speed);
    void started.api.watch(watchedNodeId);
    return started;
  };

  const loop = createDrainLoop({
    drain: () => worker().api.drain(),
    onFrame(answer) {
      const frame = runIdBase === 0 ? answer : { ...answer, runId: answer.runId + runIdBase };
      results.publish(frame.runId, frame.phase, frame.outputs);
      dispatch({ type: 'frame', frame });
    },
    onError: (error) => console.error('Draining the pipeline worker failed:', error),
    requestFrame: options.requestFrame ?? ((cb) => requestAnimationFrame(cb)),
    cancelFrame: options.cancelFrame ?? ((h) => cancelAnimationFrame(h)),
  });

  /** Commands run one after the other, each after the previous one's answer. */
  const serial = (task: () => Promise<void>): void => {
    chain = chain.then(task).catch((error: unknown) => console.error('A run command failed:', error)).finally(() => loop.wake());
  };

  /** Loads the editor's document unless the worker holds it already; false when it cannot run. */
  async function ensureLoaded(keepRunning: boolean, force: boolean): Promise<boolean> {
    const doc = editor.getState().doc;
    if (!force && loaded !== null && sameRunGraph(loaded, doc)) return true;
    const runnable = runnableDocument(doc);
    const api = worker().api;
    if (!runnable.ok) {
      if (loaded !== null) await api.stop();
      loaded = null;
      dispatch({ type: 'loadRefused', problems: runnable.problems });
      return false;
    }
    const result = await api.load(runnable.document, keepRunning);
    if (!result.ok) {
      loaded = null;
      dispatch({ type: 'loadRefused', problems: result.problems });
      return false;
    }
    loaded = doc;
    dispatch({ type: 'loaded', runId: result.runId + runIdBase });
    return true;
  }

  /** A finished or failed run starts again from the beginning. */
  async function rewindIfOver(): Promise<void> {
    const phase = store.getState().phase;
    if ((phase === 'finished' || phase === 'failed') && loaded !== null) await worker().api.stop();
  }

  const unfollow = editor.subscribe((state, previous) => {
    if (state.doc === previous.doc || loaded === null || sameRunGraph(loaded, state.doc)) return;
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      if (!moving(store.getState().phase) || loaded === null || sameRunGraph(loaded, editor.getState().doc)) return;
      serial(async () => {
        if (moving(store.getState().phase)) await ensureLoaded(true, false);
      });
    }, RELOAD_DEBOUNCE_MS);
  });

  return {
    store,
    results,
    run() {
      serial(async () => {
        await rewindIfOver();
        if (await ensureLoaded(false, false)) await worker().api.start();
      });
    },
    pause() {
      serial(async () => worker().api.pause());
    },
    step(unit: StepUnit) {
      serial(async () => {
        await rewindIfOver();
        if (await ensureLoaded(false, false)) await worker().api.step(unit);
      });
    },
    stop() {
      serial(async () => {
        if (client !== null) await client.api.stop();
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
    dispose() {
      if (disposed) return;
      disposed = true;
      clearTimeout(reloadTimer);
      unfollow();
      loop.dispose();
      client?.dispose();
      client = null;
    },
  };
}
