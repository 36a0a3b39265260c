import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

/** The real worker logic in-process, behind async calls, counting loads; `crash` kills it. */
function harness() {
  const clock = createFakeClock();
  const loads: number[] = [];
  let crash: (message: string) => void = () => undefined;
  let started = 0;
  const startWorker = (onCrash: (message: string) => void): WorkerClient => {
    started++;
    crash = onCrash;
    const w = createPipelineWorker({ ...clock, openFeed: () => ({ close: () => undefined }) });
    const api: AsyncPipelineApi = {
      load: async (d, keep) => {
        const r = w.load(d, keep);
        if (r.ok) loads.push(r.runId);
        return r;
      },
      start: async () => w.start(),
      pause: async () => w.pause(),
      step: async (u) => w.step(u),
      stop: async () => w.stop(),
      setSpeed: async (s) => w.setSpeed(s),
      watch: async (n) => w.watch(n),
      drain: async () => w.drain(),
    };
    return { api, dispose: () => undefined };
  };
  const frames: (() => void)[] = [];
  return {
    clock, loads, frames,
    crash: (m: string) => crash(m),
    started: () => started,
    options: (editor: EditorStore) => ({
      editor, startWorker,
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
});
