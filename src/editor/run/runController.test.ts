import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { AsyncPipelineApi, WorkerClient } from '../../worker/client';
import { createPipelineWorker } from '../../worker/pipelineWorker';
import { createFakeClock } from '../../worker/testing/fakeClock';
import { createEditorStore, type EditorStore } from '../store/documentStore';
import type { EditorDocument } from '../store/types';
import { createRunController, RELOAD_DEBOUNCE_MS } from './runController';
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

/**
 * The real worker logic in-process, behind async calls, counting loads; `crash` kills it.
 * With `holdLoads`, each load answers only when the test calls the function left in `heldLoads`.
 */
function harness({ holdLoads = false } = {}) {
  const clock = createFakeClock();
  const loads: number[] = [];
  const heldLoads: (() => void)[] = [];
  const stops: number[] = [];
  let crash: (message: string) => void = () => undefined;
  let started = 0;
  const startWorker = (onCrash: (message: string) => void): WorkerClient => {
    started++;
    crash = onCrash;
    const w = createPipelineWorker({ ...clock, openFeed: () => ({ close: () => undefined }) });
    const api: AsyncPipelineApi = {
      load: async (d, keep) => {
        if (holdLoads) await new Promise<void>((resolve) => heldLoads.push(resolve));
        const r = w.load(d, keep);
        if (r.ok) loads.push(r.runId);
        return r;
      },
      start: async () => w.start(),
      pause: async () => w.pause(),
      step: async (u) => w.step(u),
      stop: async () => {
        stops.push(loads.length);
        w.stop();
      },
      setSpeed: async (s) => w.setSpeed(s),
      watch: async (n) => w.watch(n),
      drain: async () => w.drain(),
    };
    return { api, dispose: () => undefined };
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
    started: () => started,
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
    expect(controller.store.getState()).toMatchObject({ phase: 'idle', workerError: 'the worker ran out of memory' });
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
