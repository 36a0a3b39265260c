import { describe, expect, it } from 'vitest';
import type { MetricsSnapshot, NodeStats } from '../../worker/protocol';
import type { RunState } from '../run/types';
import { edgeRateOf, statsOf, strokeForRate } from './runSelectors';

const stats: NodeStats = { rowsIn: 10, rowsOut: 9, inPerSecond: 1, outPerSecond: 1, watermark: 0, keys: 1, openWindows: 2, lateEvents: 0 };
const metrics: MetricsSnapshot = { at: 0, nodes: { a: stats }, edges: { e1: 1234.567 }, connections: {} };
const state = { phase: 'running', metrics } as RunState;

describe('run selectors', () => {
  it('read one node\'s figures, and nothing before the first metrics or once stopped', () => {
    expect(statsOf('a')(state)).toBe(stats);
    expect(statsOf('b')(state)).toBeUndefined();
    expect(statsOf('a')({ phase: 'running', metrics: null } as RunState)).toBeUndefined();
    expect(statsOf('a')({ ...state, phase: 'idle' })).toBeUndefined();
    expect(edgeRateOf('e1')({ ...state, phase: 'idle' })).toBeUndefined();
  });

  it('round an edge\'s rate to two digits, so small wobbles do not redraw it', () => {
    expect(edgeRateOf('e1')(state)).toBe(1200);
    expect(edgeRateOf('e2')(state)).toBeUndefined();
  });

  it('thicken edges on a log scale, within bounds', () => {
    expect(strokeForRate(0)).toBe(1.5);
    expect((strokeForRate(123) * 4) % 1).toBe(0);
    expect(strokeForRate(10)).toBeLessThan(strokeForRate(1000));
    expect(strokeForRate(1000) - strokeForRate(100)).toBeCloseTo(strokeForRate(100) - strokeForRate(10), 0);
    expect(strokeForRate(1e9)).toBe(7);
  });
});
