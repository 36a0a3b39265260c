import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatLogStart, parseLogStart, partitionOf } from './logProtocol';

describe('log start positions', () => {
  it('reads every form and writes it back', () => {
    expect(parseLogStart('earliest')).toEqual({ kind: 'earliest' });
    expect(parseLogStart('latest')).toEqual({ kind: 'latest' });
    expect(parseLogStart('time:1700000000000')).toEqual({ kind: 'time', at: 1_700_000_000_000 });
    const offsets = parseLogStart('offsets:1=40,0=12');
    expect(offsets).toEqual({ kind: 'offsets', next: new Map([[1, 40], [0, 12]]) });
    if ('error' in offsets) throw new Error(offsets.error);
    expect(formatLogStart(offsets)).toBe('offsets:0=12,1=40');
  });

  it('round-trips any offsets', () => {
    fc.assert(fc.property(fc.dictionary(fc.nat(64).map(String), fc.nat()), (dict) => {
      const next = new Map(Object.entries(dict).map(([p, o]) => [Number(p), o]));
      if (next.size === 0) return;
      const text = formatLogStart({ kind: 'offsets', next });
      expect(parseLogStart(text)).toEqual({ kind: 'offsets', next: new Map([...next].sort((a, b) => a[0] - b[0])) });
    }));
  });

  it('says what is wrong with a bad start', () => {
    for (const bad of ['', 'earliest ', 'offsets:', 'offsets:0=1,0=2', 'offsets:a=1', 'time:', 'time:12x', 'from=earliest']) {
      const result = parseLogStart(bad);
      expect('error' in result, bad).toBe(true);
    }
    expect(parseLogStart('offsets:0=1,0=2')).toEqual({ error: 'names partition 0 twice' });
  });

  it('spreads keys over partitions, the same on every call', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[partitionOf(`device-${i}`, 4)]!++;
    for (const c of counts) expect(c).toBeGreaterThan(800);
    expect(partitionOf('u7', 4)).toBe(partitionOf('u7', 4));
  });
});
