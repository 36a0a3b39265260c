/**
 * Issue 12, item 3: one absurd event time (1e20, 1e308, -1e308) made a
 * tumbling window fire window k forever, because past 2^53 k + 1 is k.
 * Sources now refuse such times (see the file and WebSocket source tests);
 * here the window itself: every time up to the edge of a date is placed
 * exactly, and anything beyond is a clear error, never a loop. Before the
 * fix these runs did not return.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planAggregations } from '../aggregate/plan';
import { batchToRows, type Row } from '../operators/sinks';
import type { OperatorContext } from '../operators/types';
import { eventBatches } from '../testing/eventBatches';
import type { RefEvent } from '../testing/referenceWindows';
import { MAX_WINDOW_TIME } from '../time';
import { createSessionWindowOperator } from './sessionWindowOperator';
import { createSlicedWindowOperator, type SlicedWindowConfig } from './slicedWindowOperator';

const schema = [{ name: 'k', type: 'number' as const }, { name: 'v', type: 'number' as const }];
const planned = planAggregations([{ name: 'n', fn: 'count' }, { name: 'sum', fn: 'sum', field: 'v' }], schema);
if (!planned.ok) throw new Error('test plan');
const plan = planned.plan;
const keyFields = [schema[0]!];

type Shape = { size: number; slide: number; offset?: number; lateness?: number };

function sliced(shape: Shape, events: RefEvent[], boundMs = 0, traced = false): Row[] {
  const results: Row[] = [];
  const ctx: OperatorContext = {
    nodeId: 'w', trace: traced ? () => undefined : null, now: () => 0,
    emit: (port, batch) => { if (port === 'out') results.push(...batchToRows(batch)); },
  };
  const config: SlicedWindowConfig = { offset: 0, lateness: 0, ...shape, processingTime: false, cumulative: false, plan, keyFields };
  const op = createSlicedWindowOperator(config, ctx);
  for (const b of eventBatches(events, boundMs, [1])) op.push(b, 0);
  return results;
}

const at = (t: number, v = 1): RefEvent => ({ t, key: 0, v });
const EDGE = MAX_WINDOW_TIME;

describe('window assignment at extreme event times', () => {
  it('places events at the edges of a date exactly, in tumbling and hopping windows', () => {
    const rows = sliced({ size: 60_000, slide: 60_000 }, [at(-EDGE), at(0), at(EDGE)]);
    expect(rows.map((r) => [r['window_start'], r['window_end'], r['n']])).toEqual([
      [-EDGE, -EDGE + 60_000, 1], [0, 60_000, 1], [EDGE, EDGE + 60_000, 1],
    ]);
    // 1 ms windows, an event at each edge: slice indices near 8.64e15, still exact.
    const ms = sliced({ size: 1, slide: 1 }, [at(-EDGE), at(EDGE - 1), at(EDGE)]);
    expect(ms.map((r) => r['window_start'])).toEqual([-EDGE, EDGE - 1, EDGE]);
    const hopping = sliced({ size: 3, slide: 1 }, [at(EDGE)]);
    expect(hopping.map((r) => r['window_start'])).toEqual([EDGE - 2, EDGE - 1, EDGE]);
  });

  it('refuses times beyond the edge with an error that names the time, for every window and disorder', () => {
    for (const t of [1e20, 1e308, -1e308, EDGE + 1, -EDGE - 1, Infinity, -Infinity]) {
      for (const shape of [{ size: 1, slide: 1 }, { size: 1000, slide: 1000 }, { size: 10_000, slide: 1000, lateness: 5000 }]) {
        // First, after other events, and out of order behind a bound.
        expect(() => sliced(shape, [at(t)])).toThrow(/event time .* is beyond ±8640000000000000 ms/);
        expect(() => sliced(shape, [at(1_700_000_000_000), at(t), at(1_700_000_060_000)], 5000)).toThrow(RangeError);
        expect(() => sliced(shape, [at(1_700_000_000_000), at(1_700_000_000_001), at(t)], 10_000, true)).toThrow(RangeError);
      }
    }
  });

  it('places any time within the edge in the window that holds it, and refuses any other, for any window', () => {
    const time = fc.oneof(
      fc.double({ noNaN: false }),
      fc.double({ min: -EDGE, max: EDGE, noNaN: true }),
      fc.constantFrom(-0, 0, EDGE, -EDGE, EDGE + 1, -EDGE - 1, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE),
    );
    const shape = fc.record({ size: fc.integer({ min: 1, max: 86_400_000 }), hops: fc.integer({ min: 1, max: 4 }) });
    fc.assert(fc.property(time, shape, (t, { size, hops }) => {
      const slide = Math.max(1, Math.floor(size / hops));
      if (!(Math.abs(t) <= EDGE)) {
        expect(() => sliced({ size, slide }, [at(t)])).toThrow(RangeError);
        return;
      }
      const rows = sliced({ size, slide }, [at(t)]);
      // An event falls in every window that holds it: size / slide of them, or one fewer when slide does not divide size.
      expect(rows.length).toBeGreaterThanOrEqual(Math.floor(size / slide));
      expect(rows.length).toBeLessThanOrEqual(Math.ceil(size / slide));
      for (const r of rows) {
        expect(r['window_start'] as number).toBeLessThanOrEqual(t);
        expect(r['window_end'] as number).toBeGreaterThan(t);
        expect((r['window_end'] as number) - (r['window_start'] as number)).toBe(size);
      }
    }), { numRuns: 300 });
  });

  it('refuses them in session windows too', () => {
    const ctx: OperatorContext = { nodeId: 's', trace: null, now: () => 0, emit: () => undefined };
    const op = createSessionWindowOperator({ gap: 1000, lateness: 0, processingTime: false, plan, keyFields }, ctx);
    const [batch] = eventBatches([at(1e308)], 0, [1]);
    expect(() => op.push(batch!, 0)).toThrow(/event time 1e\+308 is beyond/);
  });

  it('refuses window shapes no document can describe, rather than slicing time into 1e-17 ms', () => {
    expect(() => sliced({ size: 0.3, slide: 0.1 }, [at(0)])).toThrow(/must be whole milliseconds/);
    expect(() => sliced({ size: 1e-7, slide: 1e-7 }, [at(0)])).toThrow(RangeError);
    expect(() => sliced({ size: 8_640_000_000, slide: 1 }, [at(0)])).toThrow(/more than 10000 windows/);
    expect(() => sliced({ size: 60_000, slide: 60_000, offset: 0.5 }, [at(0)])).toThrow(RangeError);
  });
});
