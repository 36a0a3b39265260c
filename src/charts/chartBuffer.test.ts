import { describe, expect, it } from 'vitest';
import { ChartBuffer, MAX_POINTS_PER_SERIES, MAX_SHOWN_SERIES, MIN_XS_SHOWN } from './chartBuffer';
import { chunkOf } from './testing';
import type { ChartSpec } from './types';

const spec: ChartSpec = { type: 'chart', chart: 'line', x: 'windowEnd', y: 'avg', series: ['device'], topKeys: 2, timeRangeMs: 60_000 };

const result = (device: string, end: number, avg: number, revision = 0) => ({ window_start: end - 10_000, window_end: end, device, avg, revision });

describe('ChartBuffer', () => {
  it('draws one series per key over window end, aligned on shared x values', () => {
    const buffer = new ChartBuffer(spec);
    buffer.ingest(chunkOf([result('a', 10_000, 1), result('b', 10_000, 2), result('a', 20_000, 3)]));
    const snap = buffer.snapshot();
    expect(snap.keys).toEqual(['a', 'b']);
    expect(snap.data).toEqual([[10_000, 20_000], [1, 3], [2, null]]);
    expect(snap.points).toBe(3);
  });

  it('replaces a window\'s point with its revision instead of adding one', () => {
    const buffer = new ChartBuffer(spec);
    buffer.ingest(chunkOf([result('a', 10_000, 1), result('a', 20_000, 2)]));
    buffer.ingest(chunkOf([result('a', 10_000, 5, 1)]));
    const snap = buffer.snapshot();
    expect(snap.data).toEqual([[10_000, 20_000], [5, 2]]);
    expect(snap.points).toBe(2);
  });

  it('ignores an older revision arriving after a newer one', () => {
    const buffer = new ChartBuffer(spec);
    buffer.ingest(chunkOf([result('a', 10_000, 7, 2), result('a', 10_000, 5, 1)]));
    expect(buffer.snapshot().data).toEqual([[10_000], [7]]);
  });

  it('keeps the top N keys by number of results, in the order they appeared', () => {
    const buffer = new ChartBuffer(spec);
    buffer.ingest(chunkOf([result('rare', 10_000, 1), result('b', 10_000, 1), result('c', 10_000, 1), result('c', 20_000, 1), result('b', 20_000, 1)]));
    expect(buffer.snapshot().keys).toEqual(['b', 'c']);
    expect(buffer.snapshot().slots).toEqual([1, 2]);
  });

  it('scrolls: points older than the time range back from the newest x are dropped', () => {
    const buffer = new ChartBuffer(spec);
    // Windows every 2 s up to 80 s: the 60 s range holds 31 of them.
    const ends = Array.from({ length: 40 }, (_, i) => 2_000 + i * 2_000);
    buffer.ingest(chunkOf(ends.map((end, i) => result('a', end, i))));
    const snap = buffer.snapshot();
    expect(snap.range).toEqual([20_000, 80_000]);
    expect(snap.data[0]).toEqual(ends.filter((end) => end >= 20_000));
  });

  it('shows at least the newest ten windows when its time range holds fewer (5 minutes of hourly windows)', () => {
    const buffer = new ChartBuffer({ ...spec, timeRangeMs: 5 * 60_000 });
    const hour = 3_600_000;
    const ends = Array.from({ length: 30 }, (_, i) => (i + 1) * hour);
    // Out of order and twice over, as revisions and several keys bring them.
    buffer.ingest(chunkOf([...ends].reverse().map((end, i) => result(i % 2 === 0 ? 'a' : 'b', end, i))));
    buffer.ingest(chunkOf(ends.slice(-3).map((end) => result('a', end, 99, 1))));
    const snap = buffer.snapshot();
    expect(snap.data[0]).toEqual(ends.slice(-MIN_XS_SHOWN));
    expect(snap.range).toEqual([ends.at(-MIN_XS_SHOWN), ends.at(-1)]);
    // Fewer windows than that: all of them.
    const few = new ChartBuffer({ ...spec, timeRangeMs: 5 * 60_000 });
    few.ingest(chunkOf([result('a', hour, 1), result('a', 2 * hour, 2)]));
    expect(few.snapshot().data).toEqual([[hour, 2 * hour], [1, 2]]);
  });

  it('plots every record over event time when the rows have no window', () => {
    const buffer = new ChartBuffer({ ...spec, x: 'eventTime', y: 'temperature' });
    buffer.ingest(chunkOf([{ ts: 1000, device: 'a', temperature: 20 }, { ts: 1000, device: 'a', temperature: 21 }, { ts: 2000, device: 'a', temperature: 22 }]));
    const snap = buffer.snapshot();
    expect(snap.data[0]).toEqual([1000, 2000]);
    expect(buffer.snapshot().keys).toEqual(['a']);
  });

  it('joins several series fields into one key and names a keyless chart "all"', () => {
    const joined = new ChartBuffer({ ...spec, series: ['device', 'room'] });
    joined.ingest(chunkOf([{ ...result('a', 10_000, 1), room: 'r1' }]));
    expect(joined.snapshot().keys).toEqual(['a · r1']);
    const global = new ChartBuffer({ ...spec, series: [] });
    global.ingest(chunkOf([result('a', 10_000, 1)]));
    expect(global.snapshot().keys).toEqual(['all']);
  });

  it('leaves a missing y out and bounds each series', () => {
    const buffer = new ChartBuffer({ ...spec, x: 'eventTime', timeRangeMs: 1e12 });
    const rows = Array.from({ length: MAX_POINTS_PER_SERIES + 10 }, (_, i) => ({ ts: i, device: 'a', avg: i % 2 === 0 ? i : null }));
    buffer.ingest(chunkOf(rows));
    const snap = buffer.snapshot();
    expect(snap.data[0].length).toBe(MAX_POINTS_PER_SERIES);
    expect(snap.points).toBe(MAX_POINTS_PER_SERIES / 2);
  });

  it('empties on clear and tells its listeners of every change', () => {
    const buffer = new ChartBuffer(spec);
    let heard = 0;
    buffer.subscribe(() => heard++);
    buffer.ingest(chunkOf([result('a', 10_000, 1)]));
    buffer.clear();
    expect(heard).toBe(2);
    expect(buffer.snapshot()).toMatchObject({ keys: [], points: 0, range: null });
  });
});

describe('ChartBuffer, keys beyond topKeys', () => {
  const keys = (n: number) => Array.from({ length: n }, (_, i) => result(`k${i}`, 10_000, i));

  it('counts the keys it hides, and draws them all when asked, then the top ones again', () => {
    const buffer = new ChartBuffer(spec);
    buffer.ingest(chunkOf(keys(5)));
    expect(buffer.snapshot().keys).toHaveLength(2);
    expect(buffer.hiddenKeys()).toBe(3);
    const version = buffer.version;
    buffer.showAll(true);
    expect(buffer.version).toBeGreaterThan(version);
    expect(buffer.snapshot().keys).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
    expect(buffer.hiddenKeys()).toBe(0);
    buffer.showAll(false);
    expect(buffer.snapshot().keys).toHaveLength(2);
    expect(buffer.hiddenKeys()).toBe(3);
  });

  it('draws at most MAX_SHOWN_SERIES even when showing all', () => {
    const buffer = new ChartBuffer(spec);
    buffer.ingest(chunkOf(keys(MAX_SHOWN_SERIES + 7)));
    buffer.showAll(true);
    expect(buffer.snapshot().keys).toHaveLength(MAX_SHOWN_SERIES);
    expect(buffer.hiddenKeys()).toBe(7);
  });
});
