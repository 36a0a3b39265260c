/**
 * The recorder on every window kind beyond tumbling and hopping: sessions
 * (growing and merging), count windows, CUMULATE, processing time, and a
 * window fed by two sources whose slower one holds the watermark back. Each
 * is checked against the CLI's run of the same document.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../engine/run/runPipeline';
import type { Row } from '../../engine/operators/sinks';
import { validate, type PipelineDocument } from '../../model';
import { createPipelineWorker } from '../pipelineWorker';
import { createFakeClock } from '../testing/fakeClock';
import { FATE_CODES, type TimelineQuery } from '../timelineTypes';

const at = { x: 0, y: 0 };

function sensorsInto(window: { kind: string; params: Record<string, unknown> }, source: Record<string, unknown> = {}): PipelineDocument {
  const checked = validate({
    format: 'windowpane.pipeline', version: 1, name: 'kinds',
    nodes: [
      { id: 'src', kind: 'source.sample', position: at, params: { stream: 'sensors', rate: 5, keys: 3, seed: 11, limit: 2000, maxOutOfOrderness: '1s', lateFraction: 0.2, startTime: 1700000000000, ...source } },
      { id: 'key', kind: 'transform.keyBy', position: at, params: { fields: ['device'] } },
      { id: 'w', kind: window.kind, position: at, params: window.params },
      { id: 'agg', kind: 'aggregate', position: at, params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 'hot', fn: 'max', field: 'temperature' }] } },
      { id: 'out', kind: 'sink.collect', position: at },
    ],
    edges: [{ id: 'e1', from: 'src', to: 'key' }, { id: 'e2', from: 'key', to: 'w' }, { id: 'e3', from: 'w', to: 'agg' }, { id: 'e4', from: 'agg', to: 'out' }],
  });
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('; '));
  return checked.document;
}

function runToEnd(doc: PipelineDocument, clockStep = 0) {
  const clock = createFakeClock(clockStep);
  const api = createPipelineWorker({ ...clock, openFeed: () => ({ close: () => undefined }) });
  api.load(doc, false);
  api.followTimeline('w');
  api.setSpeed('max');
  api.start();
  for (let i = 0; i < 10_000 && api.drain().phase === 'running'; i++) clock.advance(50);
  expect(api.drain().phase).toBe('finished');
  return api;
}

const everything: TimelineQuery = { nodeId: 'w', key: null, fold: false, maxKeys: 100, maxMarks: 1_000_000, span: { from: -8.64e15, to: 8.64e15 } };

function cliResults(doc: PipelineDocument): { results: Row[]; late: Row[] } {
  const cli = runPipeline(doc, { collectLate: true });
  if (!cli.ok) throw new Error('compiles');
  return { results: cli.results.get('out') ?? [], late: cli.late.get('w') ?? [] };
}

/** Every CLI result is the revision of the recorded window with its key and bounds (a session: its bounds then), and counts its events. */
function expectWindowsOfCli(api: ReturnType<typeof runToEnd>, results: readonly Row[]): void {
  for (const r of results) {
    const detail = api.timelineFindWindow('w', String(r['device']), r['window_start'] as number, r['window_end'] as number);
    const revision = detail?.revisions[r['revision'] as number];
    expect(revision?.result).toEqual(r);
    expect(revision?.eventCount).toBe(r['n']);
    expect(revision?.eventSeqs).toHaveLength(r['n'] as number);
    if (r['revision'] === (detail?.revisions.length ?? 0) - 1) expect(detail?.window.events).toBe(r['n']);
  }
}

describe('the timeline recorder on every window kind', () => {
  it('records sessions as they grow and merge, each with the events of the CLI\'s result', () => {
    const doc = sensorsInto({ kind: 'window.session', params: { gap: '400ms', allowedLateness: '1s' } });
    const { results, late } = cliResults(doc);
    const api = runToEnd(doc);
    const frame = api.timeline(everything)!;
    expect(frame.kind).toBe('session');
    expect(Array.from(frame.marks.fate, (f) => FATE_CODES[f]).filter((f) => f === 'late')).toHaveLength(late.length);
    expectWindowsOfCli(api, results);
    // Out-of-order events bridged sessions: some window says which merged into it.
    const merged = frame.windows.filter((w) => w.mergedFrom.length > 0);
    expect(merged.length).toBeGreaterThan(0);
    // Merged-away sessions are not drawn: the sessions drawn of a key are disjoint unless one had closed before the other opened.
    expect(frame.windows.some((w) => merged.some((m) => m.mergedFrom.includes(w.id)))).toBe(false);
    const lateSeq = frame.marks.seq[Array.from(frame.marks.fate).indexOf(2)]!;
    expect(api.timelineEvent('w', lateSeq)?.verdict).toMatch(/^late: the watermark .* had passed the session it would open, \[.*\), plus its 1 s of allowed lateness; sent to the late port$/);
  });

  it('records count windows from their first to their last event, every event on time', () => {
    const doc = sensorsInto({ kind: 'window.count', params: { size: 7 } });
    const { results } = cliResults(doc);
    const api = runToEnd(doc);
    const frame = api.timeline(everything)!;
    expect(frame.kind).toBe('count');
    expect(new Set(frame.marks.fate)).toEqual(new Set([0]));
    expectWindowsOfCli(api, results);
    expect(frame.windows.filter((w) => w.state === 'fired')).toHaveLength(results.length);
    const detail = api.timelineFindWindow('w', String(results[0]!['device']), results[0]!['window_start'] as number, results[0]!['window_end'] as number)!;
    expect(detail.events).toHaveLength(7);
    expect(detail.events[2]?.verdict).toMatch(/^counted: the 3rd of the 7 events of the window \[.*\); a count window takes every event in arrival order and fires at its 7th; no event is late$/);
  });

  it('records CUMULATE windows growing from their period start, stacked in lanes', () => {
    const doc = sensorsInto({ kind: 'window.cumulate', params: { step: '1s', maxSize: '3s', allowedLateness: '500ms' } });
    const { results, late } = cliResults(doc);
    const api = runToEnd(doc);
    const frame = api.timeline(everything)!;
    expect(frame.kind).toBe('cumulate');
    expect(Array.from(frame.marks.fate).filter((f) => f === 2)).toHaveLength(late.length);
    expectWindowsOfCli(api, results);
    expect(new Set(frame.windows.map((w) => w.lane))).toEqual(new Set([0, 1, 2]));
  });

  it('leaves out events between the windows of a hopping window that slides further than it is long', () => {
    const doc = sensorsInto({ kind: 'window.hopping', params: { size: '1s', slide: '2s', allowedLateness: '500ms' } });
    const { results, late } = cliResults(doc);
    const api = runToEnd(doc);
    const frame = api.timeline(everything)!;
    expect(Array.from(frame.marks.fate).filter((f) => f === 2)).toHaveLength(late.length);
    // The marks are the events in some window or late: fewer than the 2,000 read.
    expect(frame.totalEvents).toBeLessThan(2000);
    expect(frame.totalEvents).toBe(frame.marks.length);
    expectWindowsOfCli(api, results);
  });

  it('puts processing-time windows on the arrival-time axis and says so', () => {
    const doc = sensorsInto({ kind: 'window.tumbling', params: { size: '1s', time: 'processing' } }, { limit: 300 });
    const api = runToEnd(doc);
    const frame = api.timeline(everything)!;
    expect(frame.timeDomain).toBe('processing');
    expect(frame.totalEvents).toBe(300);
    // Every mark's time is its arrival time.
    expect(Array.from(frame.marks.time)).toEqual(Array.from(frame.marks.arrivedAt));
    expect(new Set(frame.marks.fate)).toEqual(new Set([0]));
    expect(api.timelineEvent('w', 1)?.verdict).toMatch(/^on time: a processing-time window takes every event at its arrival/);
  });

  it('names the input that holds the watermark of a union back', () => {
    const checked = validate({
      format: 'windowpane.pipeline', version: 1, name: 'two',
      nodes: [
        { id: 'fast', kind: 'source.sample', position: at, params: { stream: 'sensors', rate: 50, keys: 2, seed: 1, startTime: 1700000000000 } },
        { id: 'slow', kind: 'source.sample', position: at, params: { stream: 'sensors', rate: 5, keys: 2, seed: 2, startTime: 1700000000000 } },
        { id: 'u', kind: 'transform.union', position: at, params: {} },
        { id: 'w', kind: 'window.tumbling', position: at, params: { size: '1s' } },
        { id: 'agg', kind: 'aggregate', position: at, params: { aggregations: [{ name: 'n', fn: 'count' }] } },
        { id: 'out', kind: 'sink.collect', position: at },
      ],
      edges: [
        { id: 'e1', from: 'fast', to: 'u' }, { id: 'e2', from: 'slow', to: 'u' }, { id: 'e3', from: 'u', to: 'w' },
        { id: 'e4', from: 'w', to: 'agg' }, { id: 'e5', from: 'agg', to: 'out' },
      ],
    });
    if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('; '));
    const clock = createFakeClock();
    const api = createPipelineWorker({ ...clock, openFeed: () => ({ close: () => undefined }) });
    api.load(checked.document, false);
    api.followTimeline('w');
    // Stepped a batch at a time, each source moves the same number of events: the 50/s one covers a tenth of the event time.
    for (let i = 0; i < 2; i++) api.step('batch');
    const frame = api.timeline(everything)!;
    expect(frame.inputs.map((x) => x.sourceId)).toEqual(['fast', 'slow']);
    const [fast, slow] = frame.inputs;
    expect(fast!.watermark).toBeLessThan(slow!.watermark);
    expect(frame.heldBackBy).toBe('fast');
    expect(frame.watermark).toBeLessThanOrEqual(fast!.watermark);
  });
});
