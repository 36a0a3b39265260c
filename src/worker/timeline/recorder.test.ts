/**
 * The timeline recorder through the worker's API (createPipelineWorker with a
 * fake clock): what the card-spend example's window node saw, checked against
 * the CLI's run of the same document (runPipeline), and a hopping window's
 * lanes, sampling, focus, folding, time travel (atPosition, rewind) and
 * switching the node followed.
 */
import { describe, expect, it } from 'vitest';
import card from '../../../examples/card-spend.json';
import { compilePipeline } from '../../engine/plan/compile';
import { createRuntime, type Runtime } from '../../engine/run/runtime';
import { runPipeline } from '../../engine/run/runPipeline';
import { validate, type PipelineDocument } from '../../model';
import { createPipelineWorker } from '../pipelineWorker';
import { createFakeClock } from '../testing/fakeClock';
import { FATE_CODES, type TimelineFrame, type TimelineQuery } from '../timelineTypes';
import { createRunTimeline, type RunTimeline } from './follow';

function documentOf(raw: unknown): PipelineDocument {
  const checked = validate(raw);
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('; '));
  return checked.document;
}

const cardSpend = (): PipelineDocument => documentOf(card);

/** Sensors into a hopping window (size 4 s, slide 2 s) of 1 s allowed lateness. */
function hopping(): PipelineDocument {
  return documentOf({
    format: 'windowpane.pipeline', version: 1, name: 'hop',
    nodes: [
      { id: 'src', kind: 'source.sample', position: { x: 0, y: 0 }, params: { stream: 'sensors', rate: 20, keys: 3, seed: 5, limit: 3000, maxOutOfOrderness: '2s', lateFraction: 0.3, startTime: 1700000000000 } },
      { id: 'key', kind: 'transform.keyBy', position: { x: 0, y: 0 }, params: { fields: ['device'] } },
      { id: 'hop', kind: 'window.hopping', position: { x: 0, y: 0 }, params: { size: '4s', slide: '2s', allowedLateness: '1s' } },
      { id: 'agg', kind: 'aggregate', position: { x: 0, y: 0 }, params: { aggregations: [{ name: 'n', fn: 'count' }] } },
      { id: 'out', kind: 'sink.collect', position: { x: 0, y: 0 } },
      { id: 'lateOut', kind: 'sink.collect', position: { x: 0, y: 0 } },
    ],
    edges: [
      { id: 'e1', from: 'src', to: 'key' }, { id: 'e2', from: 'key', to: 'hop' }, { id: 'e3', from: 'hop', to: 'agg' },
      { id: 'e4', from: 'agg', to: 'out' }, { id: 'e5', from: 'hop', to: 'lateOut', fromPort: 'late' },
    ],
  });
}

function worker() {
  const clock = createFakeClock();
  return { clock, api: createPipelineWorker({ ...clock, openFeed: () => ({ close: () => undefined }) }) };
}

/** Loads and follows `nodeId`, then runs to the end at max speed. */
function runToEnd(doc: PipelineDocument, nodeId: string) {
  const w = worker();
  w.api.load(doc, false);
  w.api.followTimeline(nodeId);
  w.api.setSpeed('max');
  w.api.start();
  for (let i = 0; i < 10_000 && w.api.drain().phase === 'running'; i++) w.clock.advance(50);
  expect(w.api.drain().phase).toBe('finished');
  return w;
}

const everything = (nodeId: string, extra: Partial<TimelineQuery> = {}): TimelineQuery => ({
  nodeId, key: null, fold: false, maxKeys: 1000, maxMarks: 1_000_000, span: { from: -8.64e15, to: 8.64e15 }, ...extra,
});

const fatesOf = (f: TimelineFrame): string[] => Array.from(f.marks.fate, (c) => FATE_CODES[c]!);

describe('the timeline recorder', () => {
  it('records every event of the card-spend window with the engine\'s fate: its late ones are the CLI\'s --late rows, in order', () => {
    const doc = cardSpend();
    const cli = runPipeline(doc, { collectLate: true });
    if (!cli.ok) throw new Error('compiles');
    const { api } = runToEnd(doc, 'minute');
    const frame = api.timeline(everything('minute'));
    if (frame === null) throw new Error('followed');
    expect(frame.kind).toBe('tumbling');
    expect(frame.timeDomain).toBe('event');
    expect(frame.latenessMs).toBe(3000);
    expect(frame.outOfOrdernessMs).toBe(5000);
    expect(frame.totalEvents).toBe(30_000);
    expect(frame.marks.length).toBe(30_000);
    expect(frame.sampled).toBe(false);
    expect(frame.keys).toHaveLength(20);
    expect(frame.watermark).toBe(Infinity);

    const lateRows = cli.late.get('minute') ?? [];
    const fates = fatesOf(frame);
    const lateMarks = fates.flatMap((f, j) => (f === 'late' ? [j] : []));
    expect(lateMarks.map((j) => frame.marks.time[j])).toEqual(lateRows.map((r) => r['ts']));
    expect(lateMarks.map((j) => frame.keys[frame.marks.keyIndex[j]!]?.key)).toEqual(lateRows.map((r) => r['card']));

    // The first late event's detail: its fields are the CLI's first late row, and the verdict says why.
    const first = api.timelineEvent('minute', frame.marks.seq[lateMarks[0]!]!);
    expect(first?.fields).toEqual(lateRows[0]);
    expect(first?.fate).toBe('late');
    expect(first?.verdict).toMatch(/^late: the watermark \d\d:\d\d:\d\d\.\d{3} had passed the window \[\d\d:\d\d:00, \d\d:\d\d:00\) plus its 3 s of allowed lateness; sent to the late port$/);
    expect(first?.watermark).toBeGreaterThanOrEqual(first!.windows[0]!.end - 1 + 3000);

    // Results: each window's revisions are the CLI's result rows of that window and card, and count its events.
    const results = cli.results.get('results') ?? [];
    const revised = results.find((r) => (r['revision'] as number) > 0)!;
    const detail = api.timelineFindWindow('spend', String(revised['card']), revised['window_start'] as number, revised['window_end'] as number);
    if (detail === null) throw new Error('the window is recorded');
    const cliRows = results.filter((r) => r['card'] === revised['card'] && r['window_start'] === revised['window_start']);
    expect(detail.revisions.map((r) => r.result)).toEqual(cliRows);
    expect(detail.revisions.map((r) => r.eventCount)).toEqual(cliRows.map((r) => r['payments']));
    expect(detail.revisions.map((r) => r.eventSeqs.length)).toEqual(cliRows.map((r) => r['payments']));
    expect(detail.window.revisions).toBe(cliRows.length - 1);
    expect(detail.window.state).toBe('closed');
    expect(detail.window.label).toBe(String(cliRows.at(-1)!['payments']));
    expect(detail.events.map((e) => e.fate)).toContain('revision');
    expect(detail.events.every((e) => e.key === String(revised['card']))).toBe(true);
    // The revision events are exactly the events that fired the window again.
    expect(detail.events.filter((e) => e.fate === 'revision')).toHaveLength(cliRows.length - 1);
    expect(api.timelineWindow('minute', detail.window.id)).toEqual(detail);
  });

  it('stacks a hopping window\'s overlapping windows in lanes and puts each event in both of its windows', () => {
    const doc = hopping();
    const cli = runPipeline(doc, { collectLate: true });
    if (!cli.ok) throw new Error('compiles');
    const { api } = runToEnd(doc, 'hop');
    const frame = api.timeline(everything('hop'));
    if (frame === null) throw new Error('followed');
    expect(frame.kind).toBe('hopping');
    expect(cli.late.get('hop')?.length).toBeGreaterThan(0);
    expect(fatesOf(frame).filter((f) => f === 'late')).toHaveLength(cli.late.get('hop')?.length ?? 0);
    expect(fatesOf(frame)).toContain('revision');
    expect(new Set(frame.windows.map((w) => w.lane))).toEqual(new Set([0, 1]));
    for (const key of frame.keys) {
      const rows = frame.windows.filter((w) => w.key === key.key).sort((a, b) => a.start - b.start);
      for (let i = 1; i < rows.length; i++) if (rows[i]!.start < rows[i - 1]!.end) expect(rows[i]!.lane).not.toBe(rows[i - 1]!.lane);
    }
    // Every window's event count is the CLI's count in its last revision.
    const last = new Map<string, number>();
    for (const r of cli.results.get('out') ?? []) last.set(`${String(r['device'])}|${r['window_start'] as number}`, r['n'] as number);
    expect(frame.windows.filter((w) => w.state !== 'open').map((w) => [`${w.key}|${w.start}`, w.events])).toEqual(frame.windows.filter((w) => w.state !== 'open').map((w) => [`${w.key}|${w.start}`, last.get(`${w.key}|${w.start}`)]));
    const onTime = fatesOf(frame).indexOf('onTime');
    const event = api.timelineEvent('hop', frame.marks.seq[onTime]!);
    expect(event?.windows).toHaveLength(2);
    expect(event?.verdict).toMatch(/^on time: the watermark .* had not reached the end of the windows \[/);
  });

  it('samples on-time marks to maxMarks but keeps every late and revision mark', () => {
    const { api } = runToEnd(cardSpend(), 'minute');
    const all = api.timeline(everything('minute'))!;
    const special = fatesOf(all).filter((f) => f !== 'onTime').length;
    const frame = api.timeline(everything('minute', { maxMarks: special + 100 }))!;
    expect(frame.sampled).toBe(true);
    expect(frame.marks.length).toBeLessThanOrEqual(special + 100);
    expect(fatesOf(frame).filter((f) => f !== 'onTime')).toHaveLength(special);
    expect(fatesOf(frame).filter((f) => f === 'onTime').length).toBeGreaterThan(90);
    // Arrival order is kept.
    for (let j = 1; j < frame.marks.length; j++) expect(frame.marks.seq[j]).toBeGreaterThan(frame.marks.seq[j - 1]!);
  });

  it('focuses one key, folds all keys into one row, and limits rows to the top keys', () => {
    const { api } = runToEnd(cardSpend(), 'minute');
    const all = api.timeline(everything('minute'))!;
    const top = all.keys[0]!;
    expect(all.keys.map((k) => k.events)).toEqual([...all.keys.map((k) => k.events)].sort((a, b) => b - a));
    const focused = api.timeline(everything('minute', { key: top.key }))!;
    expect(focused.keys).toEqual([top]);
    expect(focused.marks.length).toBe(top.events);
    expect(new Set(focused.marks.keyIndex)).toEqual(new Set([0]));
    expect(focused.windows.every((w) => w.key === top.key)).toBe(true);
    const folded = api.timeline(everything('minute', { fold: true }))!;
    expect(folded.keys).toEqual([{ key: 'all keys', events: 30_000 }]);
    expect(new Set(folded.marks.keyIndex)).toEqual(new Set([0]));
    const three = api.timeline(everything('minute', { maxKeys: 3 }))!;
    expect(three.keys).toEqual(all.keys.slice(0, 3));
    expect(three.marks.length).toBe(30_000);
    expect(Array.from(three.marks.keyIndex).filter((k) => k === -1).length).toBe(30_000 - three.keys.reduce((n, k) => n + k.events, 0));
  });

  it('shows the most recent stretch of event time by default, up to the watermark and the newest event', () => {
    const { api } = runToEnd(cardSpend(), 'minute');
    const frame = api.timeline({ nodeId: 'minute', key: null, fold: false, maxKeys: 10, maxMarks: 5000 })!;
    expect(frame.span.to).toBeGreaterThanOrEqual(frame.maxEventTime);
    expect(frame.span.from).toBeLessThan(frame.maxEventTime);
    expect(frame.marks.length).toBeGreaterThan(0);
    expect(Array.from(frame.marks.time).every((t) => t >= frame.span.from && t <= frame.span.to)).toBe(true);
  });

  it('forgets what came after a rewind: restored and replayed from there, it records what an uninterrupted run does', () => {
    const compiled = compilePipeline(cardSpend());
    if (!compiled.ok) throw new Error('compiles');
    const plan = compiled.plan;
    let current: Runtime | null = null;
    const timeline: RunTimeline = createRunTimeline(plan, () => current!, () => 5);
    let tapped = true;
    const fresh = (): Runtime => createRuntime(plan, {
      now: () => 5, log: () => undefined, trace: null, onResults: () => undefined, onLate: null,
      onEmit: (id, port, b, rows) => { if (tapped) timeline.onEmit(id, port, b, rows); },
    });
    const query = everything('minute');
    const strip = (f: TimelineFrame | null) => ({ ...f, inputs: [] });

    // One uninterrupted run to the end.
    current = fresh();
    timeline.follow('minute');
    while (current.step(500)) { /* to the end */ }
    const whole = strip(timeline.frame(query));

    // Again, with a rewind to 12,000 from 20,000 and a replay from a runtime brought to 12,000 untraced.
    current = fresh();
    timeline.follow(null);
    timeline.follow('minute');
    while (current.position < 12_000) current.step(500);
    const atCut = strip(timeline.frame(query));
    while (current.position < 20_000) current.step(500);
    expect(strip(timeline.frame(everything('minute', { atPosition: 12_000 })))).toEqual({ ...atCut, watermarks: atCut.watermarks });
    timeline.recorder!.rewind(12_000);
    expect(strip(timeline.frame(query))).toEqual(atCut);
    // The restored runtime (brought there untraced, its output unseen, as a snapshot would be) replays from 12,000.
    const replay = fresh();
    tapped = false;
    while (replay.position < 12_000) replay.step(500);
    tapped = true;
    current = replay;
    replay.setTrace('minute', (e) => timeline.recorder!.onTrace(e));
    while (replay.step(500)) { /* to the end */ }
    const replayed = strip(timeline.frame(query));
    for (const name of ['seq', 'position', 'time', 'arrivedAt', 'watermark', 'keyIndex', 'fate'] as const) {
      const a = Array.from(replayed.marks![name] as ArrayLike<number>);
      const b = Array.from(whole.marks![name] as ArrayLike<number>);
      const first = a.findIndex((x, i) => !Object.is(x, b[i]));
      expect({ name, first, a: a.slice(first, first + 3), b: b.slice(first, first + 3) }).toEqual({ name, first: -1, a: [], b: [] });
    }
    expect(replayed.windows).toEqual(whole.windows);
    expect(replayed.keys).toEqual(whole.keys);
    expect(replayed.watermark).toBe(whole.watermark);
  });

  it('answers as of an earlier run position', () => {
    const { api } = runToEnd(cardSpend(), 'minute');
    const now = api.timeline(everything('minute'))!;
    const mid = now.marks.position[15_000]!;
    const then = api.timeline(everything('minute', { atPosition: mid }))!;
    expect(then.totalEvents).toBeLessThan(30_000);
    expect(then.marks.length).toBe(then.totalEvents);
    expect(Array.from(then.marks.position).every((p) => p <= mid)).toBe(true);
    expect(then.watermark).toBeLessThan(now.watermark);
    expect(then.watermarks.every((p) => p.position <= mid)).toBe(true);
    expect(then.windows.some((w) => w.state === 'open')).toBe(true);
    for (const w of then.windows) {
      const later = now.windows.find((x) => x.id === w.id)!;
      expect(w.events).toBeLessThanOrEqual(later.events);
      expect(w.revisions).toBeLessThanOrEqual(later.revisions);
    }
  });

  it('follows another node, or none, on request; names the window by its aggregate too', () => {
    const { api } = worker();
    api.load(cardSpend(), false);
    expect(api.timeline(everything('minute'))).toBeNull();
    api.followTimeline('spend');
    api.step('batch');
    expect(api.timeline(everything('minute'))?.totalEvents).toBeGreaterThan(0);
    expect(api.timeline(everything('spend'))?.nodeId).toBe('minute');
    // Closing the timeline leaves this run's recording on (see reopened.test.ts), but a new run records nothing.
    api.followTimeline(null);
    expect(api.timeline(everything('minute'))?.totalEvents).toBeGreaterThan(0);
    api.stop();
    expect(api.timeline(everything('minute'))).toBeNull();
    // A new run (stop) keeps following the node.
    api.followTimeline('minute');
    api.stop();
    expect(api.timeline(everything('minute'))?.totalEvents).toBe(0);
    api.step('event');
    expect(api.timeline(everything('minute'))?.totalEvents).toBe(1);
  });

  it('names its inputs with their watermarks', () => {
    const { api } = runToEnd(cardSpend(), 'minute');
    const frame = api.timeline(everything('minute'))!;
    expect(frame.inputs).toEqual([{ sourceId: 'payments', watermark: Infinity, idle: false }]);
    expect(frame.heldBackBy).toBeNull();
  });
});
