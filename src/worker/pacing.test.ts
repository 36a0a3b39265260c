import { describe, expect, it } from 'vitest';
import type { RowBlock } from '../engine/batch';
import { pacedFileSource, type PaceGate } from './pacing';

/** A file of one row at each of `times` (epoch ms). */
function block(times: number[]): RowBlock {
  return { length: times.length, time: Float64Array.from(times), columns: { v: { type: 'number', values: Float64Array.from(times, (_, i) => i) } } };
}

describe('a paced file source', () => {
  it('lets rows through as the event-time horizon reaches them', () => {
    const gate: PaceGate = { free: false };
    const source = pacedFileSource('f', block([0, 100, 200, 300, 1000]), 0, gate);
    expect(source.next(10)?.length).toBe(1); // the first row is due at once
    expect(source.hasDue()).toBe(false);
    source.advance(150, 10_000);
    expect(source.next(10)?.length).toBe(1);
    source.advance(150, 10_000);
    expect(source.next(10)?.length).toBe(2);
    // Nothing due: an empty batch that keeps the watermark.
    const idle = source.next(10);
    expect(idle?.length).toBe(0);
    expect(idle?.endWatermark).toBe(299);
  });

  it('skips a gap longer than the wait, and goes flat out when free', () => {
    const gate: PaceGate = { free: false };
    const source = pacedFileSource('f', block([0, 3_600_000, 3_600_001, 3_600_002]), 0, gate);
    source.next(10);
    source.advance(10, 5000);
    expect(source.hasDue()).toBe(true);
    expect(source.next(1)?.length).toBe(1);
    gate.free = true;
    expect(source.next(10)?.length).toBe(2);
    expect(source.next(10)).toBeNull();
  });
});
