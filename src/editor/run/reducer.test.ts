import { describe, expect, it } from 'vitest';
import type { Frame, MetricsSnapshot } from '../../worker/protocol';
import { initialRunState, runReducer } from './reducer';

function frame(over: Partial<Frame> = {}): Frame {
  return { phase: 'running', runId: 1, failure: null, outputs: [], metrics: null, preview: null, diagnostics: [], ...over };
}

const metrics: MetricsSnapshot = { at: 1, nodes: {}, edges: {}, connections: {} };

describe('the run reducer', () => {
  it('takes the phase, figures and failure of a frame', () => {
    const s = runReducer(initialRunState, { type: 'frame', frame: frame({ metrics }) });
    expect(s).toMatchObject({ phase: 'running', runId: 1, metrics });
    const failed = runReducer(s, { type: 'frame', frame: frame({ phase: 'failed', failure: { nodeId: 'w', message: 'boom' } }) });
    expect(failed).toMatchObject({ phase: 'failed', failure: { nodeId: 'w', message: 'boom' }, metrics });
  });

  it('returns the same state for a frame with nothing new, so nobody re-renders', () => {
    const s = runReducer(initialRunState, { type: 'frame', frame: frame({ metrics }) });
    expect(runReducer(s, { type: 'frame', frame: frame() })).toBe(s);
  });

  it('clears the figures, preview and notes of the previous run when the run id changes', () => {
    let s = runReducer(initialRunState, { type: 'watch', nodeId: 'n' });
    s = runReducer(s, { type: 'frame', frame: frame({ metrics, preview: { nodeId: 'n', fields: [], out: [], lateFields: [], late: [], keyFields: [] }, diagnostics: [{ nodeId: 'f', message: 'line 2' }] }) });
    expect(s.preview).not.toBeNull();
    s = runReducer(s, { type: 'loaded', runId: 2 });
    expect(s).toMatchObject({ runId: 2, metrics: null, preview: null, diagnostics: [], watchedNodeId: 'n' });
  });

  it('keeps the previous metrics when a frame carries none, and appends diagnostics', () => {
    let s = runReducer(initialRunState, { type: 'frame', frame: frame({ metrics, diagnostics: [{ nodeId: 'a', message: '1' }] }) });
    s = runReducer(s, { type: 'frame', frame: frame({ diagnostics: [{ nodeId: 'a', message: '2' }] }) });
    expect(s.metrics).toBe(metrics);
    expect(s.diagnostics.map((d) => d.message)).toEqual(['1', '2']);
  });

  it('shows load problems and goes idle when a document is refused, and clears them on the next load', () => {
    let s = runReducer(initialRunState, { type: 'frame', frame: frame({ metrics }) });
    s = runReducer(s, { type: 'loadRefused', problems: [{ nodeId: 'x', message: 'bad' }] });
    expect(s).toMatchObject({ phase: 'idle', metrics: null, loadProblems: [{ nodeId: 'x', message: 'bad' }] });
    s = runReducer(s, { type: 'loaded', runId: 5 });
    expect(s.loadProblems).toEqual([]);
  });

  it('reports a worker crash until a run moves again', () => {
    let s = runReducer(initialRunState, { type: 'frame', frame: frame() });
    s = runReducer(s, { type: 'workerCrashed', message: 'out of memory' });
    expect(s).toMatchObject({ phase: 'idle', workerError: 'Worker restarted: out of memory' });
    s = runReducer(s, { type: 'frame', frame: frame({ runId: 1, phase: 'idle' }) });
    expect(s.workerError).toBe('Worker restarted: out of memory');
    s = runReducer(s, { type: 'frame', frame: frame({ runId: 1 }) });
    expect(s.workerError).toBeNull();
  });

  it('drops a preview of a node no longer watched, and ignores repeated speed and watch actions', () => {
    let s = runReducer(initialRunState, { type: 'watch', nodeId: 'a' });
    s = runReducer(s, { type: 'frame', frame: frame({ preview: { nodeId: 'b', fields: [], out: [], lateFields: [], late: [], keyFields: [] } }) });
    expect(s.preview).toBeNull();
    expect(runReducer(s, { type: 'watch', nodeId: 'a' })).toBe(s);
    expect(runReducer(s, { type: 'speed', speed: 1 })).toBe(s);
    expect(runReducer(s, { type: 'speed', speed: 'max' }).speed).toBe('max');
  });

  it('opening another pipeline starts it idle, with nothing of the other pipeline\'s run', () => {
    let s = runReducer(initialRunState, { type: 'speed', speed: 'max' });
    s = runReducer(s, { type: 'watch', nodeId: 'tumbling1' });
    s = runReducer(s, { type: 'loaded', runId: 1 });
    s = runReducer(s, { type: 'frame', frame: frame({ phase: 'finished', metrics, diagnostics: [{ nodeId: 'f', message: 'line 2' }] }) });
    s = runReducer(s, { type: 'loadRefused', problems: [{ nodeId: 'taxi', message: 'has no data' }] });
    s = runReducer(s, { type: 'workerCrashed', message: 'gone' });
    const opened = runReducer(s, { type: 'pipelineOpened', pipelineId: 'b' });
    expect(opened).toMatchObject({ pipelineId: 'b', phase: 'idle', metrics: null, failure: null, preview: null, diagnostics: [], loadProblems: [], workerError: null });
    // The page's settings are not the pipeline's.
    expect(opened).toMatchObject({ speed: 'max', watchedNodeId: 'tumbling1' });
    expect(runReducer(opened, { type: 'pipelineOpened', pipelineId: 'b' })).toBe(opened);
  });

  it('drops every frame until the opened pipeline loads a run of its own, and frames of older runs after', () => {
    let s = runReducer(initialRunState, { type: 'loaded', runId: 3 });
    s = runReducer(s, { type: 'frame', frame: frame({ runId: 3, metrics }) });
    const opened = runReducer(s, { type: 'pipelineOpened', pipelineId: 'b' });
    // Run 3 still draining, and run 4, the idle run the worker's stop makes of the old graph.
    expect(runReducer(opened, { type: 'frame', frame: frame({ runId: 3, metrics }) })).toBe(opened);
    expect(runReducer(opened, { type: 'frame', frame: frame({ runId: 4, phase: 'finished', metrics }) })).toBe(opened);
    const loaded = runReducer(opened, { type: 'loaded', runId: 6 });
    expect(runReducer(loaded, { type: 'frame', frame: frame({ runId: 4, metrics }) })).toBe(loaded);
    const next = runReducer(loaded, { type: 'frame', frame: frame({ runId: 6, metrics }) });
    expect(next).toMatchObject({ phase: 'running', runId: 6, metrics, pipelineId: 'b' });
    // A stop of its own gives a newer run, which is the pipeline's too.
    expect(runReducer(next, { type: 'frame', frame: frame({ runId: 7, phase: 'idle' }) })).toMatchObject({ runId: 7, phase: 'idle' });
  });

  it('forgets why a run was refused once the document changes', () => {
    const s = runReducer(initialRunState, { type: 'loadRefused', problems: [{ nodeId: 'x', message: 'bad' }] });
    expect(runReducer(s, { type: 'refusalOutdated' }).loadProblems).toEqual([]);
    expect(runReducer(initialRunState, { type: 'refusalOutdated' })).toBe(initialRunState);
  });
});
