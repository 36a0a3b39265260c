import { describe, expect, it } from 'vitest';
import { readCell } from '../../batch';
import { createSampleGenerator, type SampleStreamName } from './index';

/**
 * Pinned output for one seed. The generator uses only IEEE-exact arithmetic so
 * these hold in every JS engine; if a change here is intended, saved benchmark
 * inputs and demos change with it.
 */
const PINNED: Record<SampleStreamName, { first: unknown[]; last: unknown[]; numberSum: number }> = {
  sensors: { first: [1700000000000, 'sensor-003', 25.51, 43.17], last: [1700000000959, 'sensor-003', 25.34, 47.21], numberSum: 75550.45 },
  clicks: { first: [1700000000000, 'user-0001', '/home'], last: [1700000000959, 'user-0008', '/home'], numberSum: 0 },
  payments: {
    first: [1700000000000, 'card-00008', 'City Fuel', 9.92, 'PL'],
    last: [1700000000959, 'card-00007', 'Northwind Outfitters', 97.46, 'PL'],
    numberSum: 59117.37,
  },
  trades: { first: [1700000000000, 'GOOG', 317.36, 71], last: [1700000000959, 'TSLA', 304.78, 46], numberSum: 976205.52 },
  bids: { first: [1700000000000, 1000, 1013, 85.43, 'Direct'], last: [1700000000959, 1005, 1007, 181.25, 'Google'], numberSum: 2511656.82 },
};

describe('sample streams for a fixed seed', () => {
  it.each(Object.entries(PINNED))('%s gives the pinned events', (stream, pinned) => {
    const block = createSampleGenerator({
      stream: stream as SampleStreamName,
      rate: 1000,
      keys: 10,
      limit: 1000,
      seed: 42,
      maxOutOfOrdernessMs: 100,
      lateFraction: 0.1,
      startTime: 1_700_000_000_000,
    }).next(1000)!;
    const columns = Object.values(block.columns);
    const row = (r: number): unknown[] => columns.map((c) => readCell(c, r));
    let sum = 0;
    for (const c of columns) if (c.type === 'number') for (const v of c.values) sum += v;
    expect(row(0)).toEqual(pinned.first);
    expect(row(999)).toEqual(pinned.last);
    expect(Math.round(sum * 100) / 100).toBe(pinned.numberSum);
  });
});
