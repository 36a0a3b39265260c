import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { AsyncPipelineApi, WorkerClient } from '../../worker/client';
import { createPipelineWorker } from '../../worker/pipelineWorker';
import { createFakeClock } from '../../worker/testing/fakeClock';
import { createEditorStore, type EditorStore } from '../store/documentStore';
import type { EditorDocument } from '../store/types';
import { createRunController, RELOAD_DEBOUNCE_MS, STOP_ANSWER_MS } from './runController';
import type { RunController } from './types';

const doc: EditorDocument = {
  name: 'p',
  nodes: [
    { id: 'src', kind: 'source.sample', position: { x: 0, y: 0 }, params: { stream: 'sensors', rate: 1000 } },
    { id: 'out', kind: 'sink.collect', position: { x: 200, y: 0 }, params: {} },
  ],
  edges: [{ id: 'e1', from: 'src', to: 'out', fromPort: 'out', toPort: 'in' }],
};

/** Another pipeline whose nodes reuse the first one's ids, as two pipelines built from the palette do. */
const other: EditorDocument = {
  ...doc,
  name: 'q',
  nodes: doc.nodes.map((n) => (n.id === 'src' ? { ...n, params: { stream: 'sensors', rate: 50 } } : n)),
};

/** A call the worker never answers (its thread is stuck). */
const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

/**
 * The real worker logic in-process, behind async calls, counting loads; `crash` kills it,
 * `hang` makes it answer nothing more (as a worker stuck in a loop), `disposed` counts ended workers.
 * With `holdLoads`, each load answers only when the test calls the function left in `heldLoads`.
 */
function harness({ holdLoads = false } = {}) {
  const clock = createFakeClock();
  const loads: number[] = [];
  const heldLoads: (() => void)[] = [];
  const stops: number[] = [];
  let crash: (message: string) => void = () => undefined;
  let started = 0;
  let disposed = 0;
  /** Before the first worker starts, `hang` is for the worker that starts next. */
  let hangNext = false;
  let hang: () => void = () => {
    hangNext = true;
  };
  const startWorker = (onCrash: (message: string) => void): WorkerClient => {
    started++;
    crash = onCrash;
    const w = createPipelineWorker({ ...clock, openFeed: () => ({ close: () => undefined }) });
    let hung = hangNext;
    hangNext = false;
    hang = () => {
      hung = true;
    };
    const answering: AsyncPipelineApi = {
      load: async (d, keep) => {
        if (holdLoads) await new Promise<void>((resolve) => heldLoads.push(resolve));
        const r = await w.load(d, keep);
        if (r.ok) loads.push(r.runId);
        return r;
      },
      start: async () => w.start(),
      configureCheckpoints: async (settings) => w.configureCheckpoints(settings),
      resume: async (checkpoint) => w.resume(checkpoint),
      fileProgress: async () => w.fileProgress(),
      pause: async () => w.pause(),
      step: async (u) => w.step(u),
      stop: async () => {
        stops.push(loads.length);
        w.stop();
      },
      setSpeed: async (s) => w.setSpeed(s),
      watch: async (n) => w.watch(n),
      travel: async (p) => w.travel(p),
      stepBack: async (u) => w.stepBack(u),
      setBreakpoints: async (list) => w.setBreakpoints(list),
      breakpointHit: async () => w.breakpointHit(),
      lineage: async (q) => w.lineage(q),
      drain: async () => w.drain(),
      answerDrawing: async (ms) => w.answerDrawing(ms),
      answerDrawn: async () => w.answerDrawn(),
      followTimeline: async (n) => w.followTimeline(n),
      timeline: async (q) => w.timeline(q),
      timelineEvent: async (n, s) => w.timelineEvent(n, s),
      timelineWindow: async (n, id) => w.timelineWindow(n, id),
      timelineFindWindow: async (n, k, s, e) => w.timelineFindWindow(n, k, s, e),
      compareWhatIf: async (r) => w.compareWhatIf(r),
      whatIfProgress: async () => w.whatIfProgress(),
      cancelWhatIf: async () => w.cancelWhatIf(),
      checkLessonTasks: async (doc, tasks) => w.checkLessonTasks(doc, tasks),
      whatIfTimeline: async (run, query) => w.whatIfTimeline(run, query),
      whatIfTimelineEvent: async (run, nodeId, seq) => w.whatIfTimelineEvent(run, nodeId, seq),
      whatIfTimelineWindow: async (run, nodeId, windowId) => w.whatIfTimelineWindow(run, nodeId, windowId),
    };
    // Every call, from the moment it hangs, waits for ever (one already waiting stays waiting).
    const api = Object.fromEntries(
      Object.entries(answering).map(([name, call]) => [name, (...args: never[]) => (hung ? never() : (call as (...a: never[]) => Promise<unknown>)(...args))]),
    ) as unknown as AsyncPipelineApi;
    return { api, dispose: () => void disposed++ };
  };
  const frames: (() => void)[] = [];
  /** The open pipeline, as the documents session's store holds it. */
  const pipeline = createStore<{ openId: string }>()(() => ({ openId: 'a' }));
  return {
    clock, loads, frames, heldLoads, stops, pipeline,
    /** What the documents session does to open another pipeline: the editor's document, then the open id. */
    open(editor: EditorStore, id: string, next: EditorDocument) {
      editor.setState({ doc: next });
      pipeline.setState({ openId: id });
    },
    crash: (m: string) => crash(m),
    hang: () => hang(),
    started: () => started,
    disposed: () => disposed,
    options: (editor: EditorStore) => ({
      editor, startWorker, pipeline,
      requestFrame: (cb: () => void) => frames.push(cb),
      cancelFrame: () => undefined,
    }),
  };
}

/** Lets queued commands and drains run: promises, then animation frames. */
async function settle(h: ReturnType<typeof harness>, rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await vi.advanceTimersByTimeAsync(0);
    for (const cb of h.frames.splice(0)) cb();
    await vi.advanceTimersByTimeAsync(0);
  }
}

describe('the run controller', () => {
  let controller: RunController;
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    controller.dispose();
    vi.useRealTimers();
  });

  it('runs the editor document and shows the worker\'s phase', async () => {
    const h = harness();
    const editor = createEditorStore({ doc });
    controller = createRunController(h.options(editor));
    controller.run();
    await settle(h);
    expect(controller.store.getState().phase).toBe('running');
    expect(h.loads).toEqual([1]);
    controller.pause();
    await settle(h);
    expect(controller.store.getState().phase).toBe('paused');
  });

  it('restarts with the new graph when a parameter changes, but not when a node moves', async () => {
    const h = harness();
    const editor = createEditorStore({ doc });
    controller = createRunController(h.options(editor));
    controller.run();
    await settle(h);
    editor.getState().moveNodes(new Map([['src', { x: 64, y: 64 }]]), true);
    await vi.advanceTimersByTimeAsync(RELOAD_DEBOUNCE_MS * 2);
    await settle(h);
    expect(h.loads).toEqual([1]);
    editor.getState().setParams('src', { stream: 'sensors', rate: 10 });
    editor.getState().setParams('src', { stream: 'sensors', rate: 20 });
    await vi.advanceTimersByTimeAsync(RELOAD_DEBOUNCE_MS * 2);
    await settle(h);
    // Two quick edits, one restart, and it keeps running.
    expect(h.loads).toEqual([1, 2]);
    expect(controller.store.getState()).toMatchObject({ phase: 'running', runId: 2 });
  });

  it('stops with the problems when the document becomes invalid', async () => {
    const h = harness();
    const editor = createEditorStore({ doc });
    controller = createRunController(h.options(editor));
    controller.run();
    await settle(h);
    editor.getState().setParams('src', { stream: 'sensors', rate: -5 });
    await vi.advanceTimersByTimeAsync(RELOAD_DEBOUNCE_MS * 2);
    await settle(h);
    const state = controller.store.getState();
    expect(state.phase).toBe('idle');
    expect(state.loadProblems[0]?.nodeId).toBe('src');
  });

  it('starts a new worker after a crash and reports it, and the next run works', async () => {
    const h = harness();
    const editor = createEditorStore({ doc });
    controller = createRunController(h.options(editor));
    controller.run();
    await settle(h);
    const before = controller.store.getState().runId;
    h.crash('the worker ran out of memory');
    expect(controller.store.getState()).toMatchObject({ phase: 'idle', workerError: 'Worker restarted: the worker ran out of memory' });
    expect(h.started()).toBe(2);
    expect(editor.getState().doc).toBe(doc);
    controller.run();
    await settle(h);
    expect(controller.store.getState()).toMatchObject({ phase: 'running', workerError: null });
    // The new worker counts from 1 again; the views must still see a new run.
    expect(controller.store.getState().runId).toBeGreaterThan(before);
  });

  it('opens another pipeline idle: none of the first pipeline\'s figures, rows or phase show on it', async () => {
    const h = harness();
    const editor = createEditorStore({ doc });
    controller = createRunController(h.options(editor));
    const rows: string[] = [];
    let resets = 0;
    controller.results.subscribe('out', () => rows.push(h.pipeline.getState().openId));
    controller.results.onReset(() => resets++);
    controller.run();
    await settle(h);
    h.clock.advance(2000);
    await settle(h);
    expect(controller.store.getState()).toMatchObject({ pipelineId: 'a', phase: 'running' });
    expect(controller.store.getState().metrics?.nodes.src?.rowsOut).toBeGreaterThan(0);
    expect(rows.length).toBeGreaterThan(0);
    const resetsBefore = resets;

    h.open(editor, 'b', other);
    // At once, before any frame: the views of pipeline b show nothing of a's run.
    expect(controller.store.getState()).toMatchObject({ pipelineId: 'b', phase: 'idle', metrics: null, loadProblems: [] });
    expect(resets).toBeGreaterThan(resetsBefore);
    rows.length = 0;
    await vi.advanceTimersByTimeAsync(RELOAD_DEBOUNCE_MS * 2);
    await settle(h);
    h.clock.advance(2000);
    await settle(h);
    // Pipeline a was stopped, not reloaded with b's graph and kept running.
    expect(h.loads).toEqual([1]);
    expect(h.stops.length).toBeGreaterThan(0);
    expect(controller.store.getState()).toMatchObject({ pipelineId: 'b', phase: 'idle' });
    expect(rows).toEqual([]);

    // b runs as itself.
    controller.run();
    await settle(h);
    expect(controller.store.getState()).toMatchObject({ pipelineId: 'b', phase: 'running' });
  });

  it('a finished run does not make a pipeline that never ran say Finished', async () => {
    const h = harness();
    const editor = createEditorStore({ doc });
    controller = createRunController(h.options(editor));
    controller.setSpeed('max');
    controller.step('batch');
    await settle(h);
    expect(controller.store.getState().phase).toBe('paused');
    h.open(editor, 'c', { name: 'Untitled pipeline', nodes: [], edges: [] });
    await settle(h);
    expect(controller.store.getState()).toMatchObject({ pipelineId: 'c', phase: 'idle', metrics: null });
  });

  it('keeps a refused run\'s reasons with its pipeline, and drops them once the document changes', async () => {
    const h = harness();
    const broken: EditorDocument = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'src' ? { ...n, params: { stream: 'sensors', rate: -5 } } : n)) };
    const editor = createEditorStore({ doc: broken });
    controller = createRunController(h.options(editor));
    controller.run();
    await settle(h);
    expect(controller.store.getState().loadProblems[0]?.nodeId).toBe('src');
    // Moving a node leaves the reason as it was; fixing the parameter does not.
    editor.getState().moveNodes(new Map([['src', { x: 64, y: 64 }]]), true);
    expect(controller.store.getState().loadProblems).toHaveLength(1);
    editor.getState().setParams('src', { stream: 'sensors', rate: 5 });
    expect(controller.store.getState().loadProblems).toEqual([]);

    editor.getState().setParams('src', { stream: 'sensors', rate: -5 });
    controller.run();
    await settle(h);
    expect(controller.store.getState().loadProblems).toHaveLength(1);
    h.open(editor, 'b', other);
    expect(controller.store.getState()).toMatchObject({ pipelineId: 'b', loadProblems: [] });
  });

  it('does not run the newly opened pipeline for a Run given to the one before', async () => {
    const h = harness();
    const editor = createEditorStore({ doc });
    controller = createRunController(h.options(editor));
    controller.run();
    h.open(editor, 'b', other);
    await settle(h);
    expect(h.loads).toEqual([]);
    expect(controller.store.getState()).toMatchObject({ pipelineId: 'b', phase: 'idle' });
  });

  it('does not let a load still under way when another pipeline opens run, nor show its figures', async () => {
    const h = harness({ holdLoads: true });
    const editor = createEditorStore({ doc });
    controller = createRunController(h.options(editor));
    controller.run();
    await settle(h);
    expect(h.heldLoads).toHaveLength(1);
    h.open(editor, 'b', other);
    h.heldLoads.shift()!();
    await settle(h);
    h.clock.advance(2000);
    await settle(h);
    const state = controller.store.getState();
    expect(state).toMatchObject({ pipelineId: 'b', phase: 'idle', metrics: null });
    expect(state.firstRunId).toBeNull();
  });
});

describe('Stop, when the worker does not answer', () => {
  let controller: RunController;
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    controller.dispose();
    vi.useRealTimers();
  });

  it('ends a running worker that answers nothing within 2 s, goes idle, keeps the rows shown and says so', async () => {
    const h = harness();
    const editor = createEditorStore({ doc });
    controller = createRunController(h.options(editor));
    const rows: unknown[] = [];
    let resets = 0;
    controller.results.subscribe('out', (chunk) => rows.push(chunk));
    controller.results.onReset(() => resets++);
    controller.run();
    await settle(h);
    h.clock.advance(2000);
    await settle(h);
    expect(controller.store.getState().phase).toBe('running');
    expect(rows.length).toBeGreaterThan(0);
    const resetsBefore = resets;

    h.hang();
    controller.stop();
    await vi.advanceTimersByTimeAsync(STOP_ANSWER_MS - 100);
    await settle(h);
    // Not answered yet, and not given up yet.
    expect(controller.store.getState().phase).toBe('running');
    expect(h.disposed()).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    await settle(h);
    expect(h.disposed()).toBe(1);
    expect(h.started()).toBe(2);
    expect(controller.store.getState()).toMatchObject({
      phase: 'idle',
      metrics: null,
      commandPending: false,
      workerError: 'The run did not answer Stop within 2 s, so it was ended.',
    });
    // The views were not told to clear: Stop keeps results until the next Run.
    expect(resets).toBe(resetsBefore);
    expect(editor.getState().doc).toBe(doc);

    // The fresh worker runs the next Run, which clears the views and the message.
    controller.run();
    await settle(h);
    h.clock.advance(1000);
    await settle(h);
    expect(controller.store.getState()).toMatchObject({ phase: 'running', workerError: null });
    expect(resets).toBeGreaterThan(resetsBefore);
  });

  it('a worker that answers Stop in time is kept', async () => {
    const h = harness();
    const editor = createEditorStore({ doc });
    controller = createRunController(h.options(editor));
    controller.run();
    await settle(h);
    controller.stop();
    await settle(h);
    await vi.advanceTimersByTimeAsync(STOP_ANSWER_MS * 2);
    await settle(h);
    expect(h.disposed()).toBe(0);
    expect(controller.store.getState()).toMatchObject({ phase: 'idle', workerError: null });
  });

  it('ends a worker stuck in a Run that never answers: Stop is offered while idle, and the next Run works', async () => {
    const h = harness();
    const editor = createEditorStore({ doc });
    controller = createRunController(h.options(editor));
    h.hang();
    controller.run();
    await settle(h);
    // The load hangs: the phase is still idle, but Stop must be available.
    expect(controller.store.getState()).toMatchObject({ phase: 'idle', commandPending: true });
    controller.stop();
    await vi.advanceTimersByTimeAsync(STOP_ANSWER_MS);
    await settle(h);
    expect(h.disposed()).toBe(1);
    expect(controller.store.getState()).toMatchObject({ phase: 'idle', commandPending: false });
    expect(controller.store.getState().workerError).toMatch(/did not answer Stop within 2 s/);
    controller.run();
    await settle(h);
    expect(controller.store.getState()).toMatchObject({ phase: 'running', commandPending: false });
  });

  it('a crash while a Step waits for its answer does not hold up the next Run', async () => {
    const h = harness();
    const editor = createEditorStore({ doc });
    controller = createRunController(h.options(editor));
    h.hang();
    controller.step('batch');
    await settle(h);
    h.crash('the pipeline worker stopped');
    controller.run();
    await settle(h);
    expect(controller.store.getState()).toMatchObject({ phase: 'running', commandPending: false });
  });

  it('asks the current worker at once, and answers null without one', async () => {
    const h = harness();
    const editor = createEditorStore({ doc });
    controller = createRunController(h.options(editor));
    // No command yet, so no worker: nothing is started just to answer.
    expect(await controller.ask(async (api) => (await api.drain()).phase)).toBeNull();
    expect(h.started()).toBe(0);
    controller.run();
    await settle(h);
    expect(await controller.ask(async (api) => (await api.drain()).phase)).toBe('running');
  });

  it('answers null when the worker asked is replaced before it answers', async () => {
    const h = harness();
    const editor = createEditorStore({ doc });
    controller = createRunController(h.options(editor));
    controller.run();
    await settle(h);
    h.hang();
    let answer: string | null | undefined;
    void controller.ask(async (api) => (await api.drain()).phase).then((a) => {
      answer = a;
    });
    controller.stop();
    await vi.advanceTimersByTimeAsync(STOP_ANSWER_MS + 10);
    await settle(h);
    expect(h.started()).toBe(2);
    expect(answer).toBeNull();
  });

  it('sends a task in turn, after the commands given before it', async () => {
    const h = harness({ holdLoads: true });
    const editor = createEditorStore({ doc });
    controller = createRunController(h.options(editor));
    controller.run();
    const seen: string[] = [];
    const sent = controller.send(async (api) => {
      seen.push((await api.drain()).phase);
    });
    await settle(h);
    // The Run's load has not answered, so the task waits behind it.
    expect(seen).toEqual([]);
    h.heldLoads.splice(0).forEach((release) => release());
    await settle(h);
    await sent;
    expect(seen).toEqual(['running']);
  });
});
