/**
 * The timeline closed and opened again (the dock unmounts the Timeline tab
 * while another tab shows; the page then sends followTimeline(null)): the
 * run's recording goes on, so the reopened tab shows the whole run; a node
 * the timeline never followed says where its recording began (recordedFrom).
 */
import { describe, expect, it } from 'vitest';
import card from '../../../examples/card-spend.json';
import { compilePipeline } from '../../engine/plan/compile';
import { createRuntime, type Runtime } from '../../engine/run/runtime';
import { validate, type PipelineDocument } from '../../model';
import { createPipelineWorker } from '../pipelineWorker';
import { createFakeClock } from '../testing/fakeClock';
import type { TimelineFrame, TimelineQuery } from '../timelineTypes';
import { createRunTimeline } from './follow';

function cardSpend(): PipelineDocument {
  const checked = validate(card);
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('; '));
  return checked.document;
}

function worker() {
  const clock = createFakeClock();
  const api = createPipelineWorker({ ...clock, openFeed: () => ({ close: () => undefined }) });
  api.load(cardSpend(), false);
  api.setSpeed('max');
  const runToEnd = (): void => {
    api.start();
    for (let i = 0; i < 10_000 && api.drain().phase === 'running'; i++) clock.advance(50);
    expect(api.drain().phase).toBe('finished');
  };
  return { api, runToEnd };
}

const everything: TimelineQuery = { nodeId: 'minute', key: null, fold: false, maxKeys: 1000, maxMarks: 1_000_000, span: { from: -8.64e15, to: 8.64e15 } };
const summary = (f: TimelineFrame | null) => f === null ? null : { events: f.totalEvents, from: f.recordedFrom, windows: f.windows.length, watermark: f.watermark, fates: Array.from(f.marks.fate) };

describe('the timeline closed and opened again', () => {
  it('shows the whole run when reopened after it was closed mid-run, as if it had stayed open', () => {
    const open = worker();
    open.api.followTimeline('minute');
    open.runToEnd();
    const whole = summary(open.api.timeline(everything));
    expect(whole?.events).toBe(30_000);

    const { api, runToEnd } = worker();
    api.followTimeline('minute');
    api.step('batch');
    const seen = api.timeline(everything)!.totalEvents;
    expect(seen).toBeGreaterThan(0);
    // The tab is hidden: the page stops following, the run goes on to its end.
    api.followTimeline(null);
    runToEnd();
    // Shown again.
    api.followTimeline('minute');
    expect(summary(api.timeline(everything))).toEqual(whole);
  });

  it('says where the recording began when the timeline is first opened after the run ended', () => {
    const { api, runToEnd } = worker();
    runToEnd();
    api.followTimeline('minute');
    const frame = api.timeline(everything)!;
    expect(frame.totalEvents).toBe(0);
    expect(frame.recordedFrom).toBe(30_000);
  });

  it('records a new run from its start once followed', () => {
    const { api, runToEnd } = worker();
    runToEnd();
    api.followTimeline('minute');
    api.stop();
    runToEnd();
    const frame = api.timeline(everything)!;
    expect({ events: frame.totalEvents, from: frame.recordedFrom }).toEqual({ events: 30_000, from: 0 });
  });

  it('records a hidden timeline\'s node at Max too, when the run is no longer than a recording keeps', () => {
    const { api, runToEnd } = worker();
    api.followTimeline('minute', false);
    runToEnd();
    const frame = api.timeline(everything)!;
    expect({ events: frame.totalEvents, from: frame.recordedFrom, to: frame.recordedTo }).toEqual({ events: 30_000, from: 0, to: null });
  });
});

describe('a limited recording', () => {
  /** card-spend run by hand, 500 events a step, its timeline created as a session does. */
  function stepped() {
    const compiled = compilePipeline(cardSpend());
    if (!compiled.ok) throw new Error('compiles');
    let runtime: Runtime | null = null;
    const timeline = createRunTimeline(compiled.plan, () => runtime!, () => 5);
    const rt = createRuntime(compiled.plan, {
      now: () => 5, log: () => undefined, trace: null, onResults: () => undefined, onLate: null,
      onEmit: (id, port, b, rows) => timeline.onEmit(id, port, b, rows),
    });
    runtime = rt;
    /** Steps to run position `to` (the end: Infinity), letting queued microtasks run between steps as the worker's slices do. */
    const runTo = async (to: number): Promise<void> => {
      while (rt.position < to && rt.step(500)) await Promise.resolve();
    };
    return { timeline, rt, runTo };
  }

  it('stops at its limit (the engine stops tracing), says where, and keeps what it holds once the run has ended', async () => {
    const { timeline, rt, runTo } = stepped();
    timeline.setLimit(5_000, false);
    timeline.follow('minute');
    await runTo(Infinity);
    const frame = timeline.frame(everything)!;
    // The step that reached the limit is recorded whole; none after it.
    expect(frame.totalEvents).toBeGreaterThanOrEqual(5_000);
    expect(frame.totalEvents).toBeLessThan(5_500);
    expect(frame.recordedTo).toBeGreaterThanOrEqual(5_000);
    expect(frame.recordedTo).toBeLessThan(rt.position);
    timeline.setLimit(Infinity, true);
    expect(timeline.frame(everything)!.totalEvents).toBe(frame.totalEvents);
  });

  it('goes on for that many more events when limited mid-run, and starts afresh where the limit is lifted after it stopped', async () => {
    const { timeline, runTo } = stepped();
    timeline.follow('minute');
    await runTo(10_000);
    timeline.setLimit(2_000, false);
    await runTo(20_000);
    const stopped = timeline.frame(everything)!;
    expect(stopped.totalEvents).toBeGreaterThanOrEqual(12_000);
    expect(stopped.totalEvents).toBeLessThan(12_500);
    timeline.setLimit(Infinity, false);
    await runTo(Infinity);
    const fresh = timeline.frame(everything)!;
    expect({ from: fresh.recordedFrom, to: fresh.recordedTo, events: fresh.totalEvents }).toEqual({ from: 20_000, to: null, events: 10_000 });
  });
});
