import { describe, expect, it } from 'vitest';
import { readCell, type RowBlock } from '../../batch';
import { createSampleGenerator, SAMPLE_STREAMS, sampleStreamInfo, type SampleParams, type SampleStreamName } from './index';

function generate(stream: SampleStreamName, overrides: Partial<SampleParams> = {}): RowBlock {
  const params: SampleParams = {
    stream,
    rate: 100,
    keys: 100,
    limit: 50_000,
    seed: 11,
    maxOutOfOrdernessMs: 0,
    lateFraction: 0,
    startTime: 1_700_000_000_000,
    ...overrides,
  };
  return createSampleGenerator(params).next(params.limit ?? 50_000)!;
}

function column(block: RowBlock, name: string): (number | string | boolean | null)[] {
  const c = block.columns[name];
  if (c === undefined) throw new Error(`no column ${name}`);
  return Array.from({ length: block.length }, (_, r) => readCell(c, r));
}

function groupTimes(block: RowBlock, key: string): Map<unknown, number[]> {
  const groups = new Map<unknown, number[]>();
  column(block, key).forEach((k, r) => {
    const list = groups.get(k) ?? [];
    list.push(block.time[r]!);
    groups.set(k, list);
  });
  return groups;
}

const isCents = (x: unknown): boolean => typeof x === 'number' && Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;

describe('sample streams', () => {
  it('describes every stream with a sentence and its fields', () => {
    const info = sampleStreamInfo();
    expect(info.map((s) => s.name)).toEqual([...SAMPLE_STREAMS]);
    for (const s of info) {
      expect(s.description).toMatch(/\.$/);
      expect(s.fields[0]).toEqual({ name: 'ts', type: 'time' });
    }
  });

  it('sensors: names devices sensor-001.. and adds rare temperature spikes', () => {
    const block = generate('sensors', { keys: 5 });
    expect(new Set(column(block, 'device'))).toEqual(new Set(['sensor-001', 'sensor-002', 'sensor-003', 'sensor-004', 'sensor-005']));
    const temps = column(block, 'temperature') as number[];
    const spikes = temps.filter((t) => t > 40).length;
    expect(spikes).toBeGreaterThan(10);
    expect(spikes).toBeLessThan(200);
    expect((column(block, 'humidity') as number[]).every((h) => h >= 0 && h <= 100)).toBe(true);
  });

  it('clicks: each user clicks in sessions separated by long gaps', () => {
    const block = generate('clicks');
    // Within a session a user clicks about every 10 events (0.1 s), between sessions waits ~630 events.
    const gap = 1500;
    let sessions = 0;
    let clicks = 0;
    for (const ts of groupTimes(block, 'user').values()) {
      clicks += ts.length;
      sessions += 1 + ts.slice(1).filter((t, i) => t - ts[i]! > gap).length;
    }
    expect(clicks / sessions).toBeGreaterThan(5);
    expect(clicks / sessions).toBeLessThan(9);
    expect(new Set(column(block, 'page')).has('/cart')).toBe(true);
  });

  it('payments: cents amounts, and fraud bursts of many payments on one card', () => {
    const block = generate('payments', { keys: 1000, limit: 100_000 });
    expect(column(block, 'amount').every(isCents)).toBe(true);
    expect(column(block, 'country').every((c) => typeof c === 'string' && /^[A-Z]{2}$/.test(c))).toBe(true);
    // A normal card pays ~once per 10 s here; a burst card pays 8+ times within a few seconds.
    const bursts = [...groupTimes(block, 'card').values()].filter((ts) => ts.some((t, i) => ts[i + 7] !== undefined && ts[i + 7]! - t < 2000));
    expect(bursts.length).toBeGreaterThanOrEqual(5);
  });

  it('trades: positive cent prices that walk per symbol, integer volumes', () => {
    const block = generate('trades', { keys: 40 });
    expect(column(block, 'symbol')).toContain('AAPL');
    expect(column(block, 'price').every((p) => isCents(p) && (p as number) > 0)).toBe(true);
    expect(column(block, 'volume').every((v) => Number.isInteger(v) && (v as number) >= 1)).toBe(true);
    const prices = column(block, 'price') as number[];
    const symbols = column(block, 'symbol');
    const aapl = prices.filter((_, r) => symbols[r] === 'AAPL');
    const steps = aapl.slice(1).map((p, i) => Math.abs(p / aapl[i]! - 1));
    expect(Math.max(...steps)).toBeLessThan(0.02);
  });

  it('bids: a few hot auctions get a large share of the bids', () => {
    const block = generate('bids', { keys: 1000 });
    const counts = [...groupTimes(block, 'auction').values()].map((ts) => ts.length).sort((a, b) => b - a);
    const top20 = counts.slice(0, 20).reduce((a, b) => a + b, 0);
    expect(top20 / block.length).toBeGreaterThan(0.4);
    expect(column(block, 'auction').every((a) => Number.isInteger(a) && (a as number) >= 1000)).toBe(true);
  });
});
