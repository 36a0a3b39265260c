import { describe, expect, it } from 'vitest';
import { drawArrival, watermarkPath } from './drawArrival';
import { drawEventTime } from './drawEventTime';
import { barsOf } from './timelineBars';
import { arrivalLayout, arrivalPoints, eventTimeLayout, eventTimePoints, scaleTo } from './timelineGeometry';
import { DEFAULT_PALETTE as P } from './timelinePalette';
import { describeTimeline } from './timelineSummary';
import { frameOf } from './testing/frameOf';
import { recordingContext } from './testing/recordingContext';

const T0 = 1_700_000_040_000;
const frame = frameOf(
  [
    { time: T0 + 1_000, key: 'c1', watermark: T0 },
    { time: T0 + 7_000, key: 'c2', watermark: T0 + 2_000 },
    { time: T0 + 4_000, key: 'c1', fate: 'revision', watermark: T0 + 6_000 },
    { time: T0 + 2_000, key: 'c2', fate: 'late', watermark: T0 + 9_000 },
  ],
  [
    { key: 'c1', start: T0, end: T0 + 5_000, state: 'fired', revisions: 1, label: '42.5' },
    { key: 'c2', start: T0 + 5_000, end: T0 + 10_000, state: 'open' },
    { key: 'c2', start: T0, end: T0 + 5_000, state: 'closed', label: '7' },
  ],
  { watermark: T0 + 9_000, maxEventTime: T0 + 11_000, latenessMs: 2_000, outOfOrdernessMs: 2_000, span: { from: T0, to: T0 + 12_000 } },
);

function drawn() {
  const layout = eventTimeLayout(frame, 800, false);
  const scene = { frame, layout, ...eventTimePoints(frame, layout), bars: barsOf(frame, layout) };
  const { ctx, painted } = recordingContext();
  drawEventTime(ctx, scene, P, null);
  return { layout, painted, scene };
}

describe('the event-time view', () => {
  it('draws each fate in its own colour and shape: circles on time, diamonds revisions, crosses late', () => {
    const { painted, scene } = drawn();
    const onTime = painted.find((p) => p.op === 'fill' && p.style === P.onTime)!;
    const revision = painted.find((p) => p.op === 'fill' && p.style === P.revision)!;
    const late = painted.find((p) => p.op === 'stroke' && p.style === P.late)!;
    expect(onTime.path.filter(([c]) => c === 'arc').map(([, x]) => x)).toEqual([scene.xs[0], scene.xs[1]]);
    expect(revision.path.filter(([c]) => c === 'lineTo')).toHaveLength(3);
    expect(revision.path[0]![1]).toBeCloseTo(scene.xs[2]!, 3);
    // A cross: two strokes through the mark's point.
    const [a, b] = [late.path[0]!, late.path[1]!];
    expect((a[1] + b[1]) / 2).toBeCloseTo(scene.xs[3]!, 3);
    expect((a[2] + b[2]) / 2).toBeCloseTo(scene.ys[3]!, 3);
  });

  it('draws the watermark as a vertical line with its time, the lateness zone behind it and the out-of-orderness band ahead', () => {
    const { painted, layout } = drawn();
    const x = (t: number) => scaleTo(layout.x, t);
    const line = painted.find((p) => p.op === 'stroke' && p.style === P.watermark && p.path.length === 2)!;
    expect(line.path[0]![1]).toBeCloseTo(Math.round(x(T0 + 9_000)) + 0.5, 3);
    expect(line.path[0]![1]).toBe(line.path[1]![1]);
    expect(painted.some((p) => p.op === 'fillText' && p.text === 'watermark 22:14:09.000')).toBe(true);
    const zone = painted.find((p) => p.op === 'fillRect' && p.style === P.latenessZone)!;
    expect(zone.path[0]![1]).toBeCloseTo(x(T0 + 7_000), 3);
    expect(zone.path[1]![1]).toBeCloseTo(x(T0 + 9_000) - x(T0 + 7_000), 3);
    const band = painted.find((p) => p.op === 'fillRect' && p.style === P.outOfOrderness)!;
    expect(band.path[0]![1]).toBeCloseTo(x(T0 + 9_000), 3);
    expect(band.path[1]![1]).toBeCloseTo(x(T0 + 11_000) - x(T0 + 9_000), 3);
  });

  it('draws windows over [start, end) in their state: open dashed, fired with its value, revised in the revision colour, closed grey', () => {
    const { painted, layout } = drawn();
    const x = (t: number) => scaleTo(layout.x, t);
    const bars = painted.filter((p) => p.op === 'strokeRect');
    expect(bars).toHaveLength(3);
    const [revised, open, closed] = bars;
    expect(revised!.style).toBe(P.revision);
    expect(revised!.path[0]![1]).toBeCloseTo(x(T0) + 0.5, 3);
    expect(revised!.path[0]![1] + revised!.path[1]![1]).toBeCloseTo(x(T0 + 5_000) - 0.5, 3);
    expect(open!.dash.length).toBeGreaterThan(0);
    expect(open!.style).toBe(P.barOpen);
    expect(closed!.style).toBe(P.barClosed);
    const texts = painted.filter((p) => p.op === 'fillText').map((p) => p.text);
    expect(texts).toContain('42.5 · 1 revision');
    expect(texts).toContain('c1');
    expect(texts).toContain('c2');
  });
});

describe('the arrival view', () => {
  it('puts each event at its arrival and event time, and the watermark as a rising step line', () => {
    const layout = arrivalLayout(frame, 600, 300);
    const points = arrivalPoints(frame, layout);
    const { ctx, painted } = recordingContext();
    drawArrival(ctx, { frame, layout, ...points }, P, null);
    const wm = painted.find((p) => p.op === 'stroke' && p.style === P.watermark && p.dash.length === 0)!;
    const ys = wm.path.map(([, , y]) => y);
    // Event time goes up the screen: a rising watermark has falling y.
    expect([...ys].sort((a, b) => b - a)).toEqual(ys);
    // The late event lies under the line where it arrived.
    const lateY = points.ys[3]!;
    expect(lateY).toBeGreaterThan(scaleTo(layout.y, T0 + 9_000));
    expect(painted.some((p) => p.op === 'stroke' && p.style === P.revision && p.dash.length > 0)).toBe(true);
  });

  it('takes the watermark path from the marks when the frame has none', () => {
    expect(watermarkPath(frame).map((p) => p.watermark)).toEqual([T0, T0 + 2_000, T0 + 6_000, T0 + 9_000]);
  });
});

describe('the timeline description', () => {
  it('counts events by fate and windows by state, and names the watermark', () => {
    expect(describeTimeline(frame, 'minute', 'eventTime')).toBe(
      'Timeline of minute, by key along event time: 4 events, 2 on time, 1 revision, 1 late. 3 windows: 1 open, 1 fired, 1 revised, 1 closed. Watermark 22:14:09.000, allowed lateness 2 s.',
    );
    expect(describeTimeline({ ...frame, sampled: true, totalEvents: 900, timeDomain: 'processing' }, 'w', 'arrival')).toContain('as arrival time (processing-time windows) against arrival order: 4 events (a sample of 900)');
  });
});
