import { describe, expect, it } from 'vitest';
import { ChartBuffer } from './chartBuffer';
import { nearestSeries } from './chartPick';
import type { ChartSpec } from './types';
import { chunkOf } from './testing';

const toY = (v: number): number => 100 - v;

describe('picking a chart point', () => {
  it('picks the series drawn nearest the cursor, within reach only', () => {
    expect(nearestSeries([10, 50, 90], 48, toY)).toBe(1);
    expect(nearestSeries([null, undefined, 40], 61, toY)).toBe(2);
    expect(nearestSeries([10, 90], 50, toY)).toBe(-1);
    expect(nearestSeries([NaN, 30], 70, toY)).toBe(1);
    // A tie goes to the first series.
    expect(nearestSeries([40, 60], 50, toY)).toBe(0);
    expect(nearestSeries([], 50, toY)).toBe(-1);
  });
});

describe('ChartBuffer.resultAt: the row behind a clicked point', () => {
  const spec: ChartSpec = { type: 'chart', chart: 'line', x: 'windowEnd', y: 'avg', series: ['device'], topKeys: 5, timeRangeMs: 60_000 };
  const result = (device: string, end: number, avg: number, revision = 0) => ({ window_start: end - 10_000, window_end: end, device, avg, revision });

  it('gives the whole row of the window drawn there, its newest revision', () => {
    const buffer = new ChartBuffer(spec);
    buffer.ingest(chunkOf([result('a', 10_000, 1), result('b', 10_000, 2), result('a', 20_000, 3)]));
    buffer.ingest(chunkOf([result('a', 10_000, 4, 1)]));
    expect({ ...buffer.resultAt('a', 10_000) }).toEqual(result('a', 10_000, 4, 1));
    expect({ ...buffer.resultAt('b', 10_000) }).toEqual(result('b', 10_000, 2));
    expect(buffer.resultAt('a', 15_000)).toBeNull();
    expect(buffer.resultAt('nobody', 10_000)).toBeNull();
    expect(buffer.resultAt('__proto__', 10_000)).toBeNull();
  });

  it('has no row for raw records over event time (they have no window)', () => {
    const buffer = new ChartBuffer({ ...spec, x: 'eventTime' });
    buffer.ingest(chunkOf([{ device: 'a', avg: 1, ts: 5_000 }]));
    expect(buffer.snapshot().points).toBe(1);
    expect(buffer.resultAt('a', 5_000)).toBeNull();
  });
});
