import { describe, expect, it } from 'vitest';
import type { RowBlock } from '../engine/batch';
import type { PlanStep } from '../engine/plan/types';
import { pacedFileSource, pacedSources, type PaceGate } from './pacing';

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

describe('paced sources at Max', () => {
  const sample: PlanStep = {
    type: 'sampleSource',
    nodeId: 's',
    params: { stream: 'sensors', rate: 1000, keys: 10, limit: null, seed: 1, maxOutOfOrdernessMs: 0, lateFraction: 0, startTime: 1_700_000_000_000 },
  };
  const file: PlanStep = { type: 'fileSource', nodeId: 'f', data: { kind: 'block', block: block([0, 1, 2, 3, 4, 5]) }, boundMs: 0, rowErrors: [], badRowCount: 0 };

  // The runtime tells a source it may recycle when nothing keeps its batches; a paced
  // source that dropped the flag made the worker allocate every batch anew (the CLI did not).
  it.each([sample, file])('pass the runtime\'s recycle flag on ($type)', (step) => {
    const source = pacedSources([step], { free: true }, () => 0).get(step.nodeId)!;
    const first = source.next(3, true)!;
    const second = source.next(3, true)!;
    expect(second.watermark.buffer).toBe(first.watermark.buffer);
    const third = pacedSources([step], { free: true }, () => 0).get(step.nodeId)!.next(3)!;
    expect(third.watermark.buffer).not.toBe(first.watermark.buffer);
  });
});
