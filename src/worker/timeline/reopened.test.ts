/**
 * The timeline closed and opened again (the dock unmounts the Timeline tab
 * while another tab shows; the page then sends followTimeline(null)): the
 * run's recording goes on, so the reopened tab shows the whole run; a node
 * the timeline never followed says where its recording began (recordedFrom).
 */
import { describe, expect, it } from 'vitest';
import card from '../../../examples/card-spend.json';
import { validate, type PipelineDocument } from '../../model';
import { createPipelineWorker } from '../pipelineWorker';
import { createFakeClock } from '../testing/fakeClock';
import type { TimelineFrame, TimelineQuery } from '../timelineTypes';

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
});
