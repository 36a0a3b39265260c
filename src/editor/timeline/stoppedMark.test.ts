import { describe, expect, it } from 'vitest';
import { drawStopRing } from './drawMarks';
import { DEFAULT_PALETTE as P } from './timelinePalette';
import { describeStop, stoppedMarkIndex } from './stoppedMark';
import { frameOf } from './testing/frameOf';
import { recordingContext } from './testing/recordingContext';

const T0 = 1_700_000_040_000;
const base = frameOf(
  [
    { time: T0 + 1_000, key: 'c1', watermark: T0 },
    { time: T0 + 7_000, key: 'c2', watermark: T0 + 2_000 },
    { time: T0 + 4_000, key: 'c1', fate: 'revision', watermark: T0 + 6_000 },
    { time: T0 + 2_000, key: 'c2', fate: 'late', watermark: T0 + 9_000 },
  ],
  [],
  { watermark: T0 + 9_000, maxEventTime: T0 + 11_000, span: { from: T0, to: T0 + 12_000 } },
);
// Arrival numbers at the window node differ from run positions (a filter upstream drops events).
const frame = { ...base, marks: { ...base.marks, seq: Float64Array.of(11, 12, 14, 15), position: Float64Array.of(20, 23, 30, 31) } };

describe('the mark a breakpoint stopped on', () => {
  it('is found by its arrival number when the hit is on the window node', () => {
    expect(stoppedMarkIndex(frame, { nodeId: frame.nodeId, seq: 14, position: 999 })).toBe(2);
    expect(stoppedMarkIndex(frame, { nodeId: frame.nodeId, seq: 13, position: 30 })).toBe(-1);
  });

  it('is found by run position when the hit is on another node (a source, an edge upstream)', () => {
    expect(stoppedMarkIndex(frame, { nodeId: 'payments', seq: 3, position: 23 })).toBe(1);
    expect(stoppedMarkIndex(frame, { nodeId: 'payments', seq: 3, position: 24 })).toBe(-1);
  });

  it('is none without a hit, or when the frame holds no such mark (sampled out, outside the span)', () => {
    expect(stoppedMarkIndex(frame, null)).toBe(-1);
    expect(stoppedMarkIndex(frame, { nodeId: frame.nodeId, seq: 99, position: 99 })).toBe(-1);
    expect(stoppedMarkIndex(frame, { nodeId: frame.nodeId, seq: 1, position: 1 })).toBe(-1);
  });

  it('is said as "stopped here" with its arrival number and what was hit', () => {
    expect(describeStop(frame, 3, 'the next late event')).toBe('Stopped here: arrival #15 (the next late event).');
    expect(describeStop(frame, -1, 'x')).toBe('');
  });

  it('is ringed on the canvas around the mark', () => {
    const { ctx, painted } = recordingContext();
    drawStopRing(ctx, 40, 50, P);
    expect(painted.find((p) => p.op === 'stroke' && p.style === P.late)?.path).toEqual([['arc', 40, 50]]);
  });
});
