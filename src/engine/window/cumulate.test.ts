/**
 * CUMULATE windows (Flink's window table function): Flink's published
 * examples, the windows against hopping windows of each length on every
 * aggregate, processing time, traces and the config check. Late data,
 * lateness, revisions and batch cuts against the reference model are in
 * windowSemantics.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Batch } from '../batch';
import { planAggregations, type AggregatePlan } from '../aggregate/plan';
import { batchToRows, type Row } from '../operators/sinks';
import type { OperatorContext, WindowTraceEvent } from '../operators/types';
import { eventBatches } from '../testing/eventBatches';
import type { RefEvent } from '../testing/referenceWindows';
import { createSlicedWindowOperator, type SlicedWindowConfig } from './slicedWindowOperator';

const schema = [{ name: 'k', type: 'number' as const }, { name: 'v', type: 'number' as const }];
const keyFields = [schema[0]!];

function planOf(specs: Parameters<typeof planAggregations>[0]): AggregatePlan {
  const planned = planAggregations(specs, schema);
  if (!planned.ok) throw new Error(planned.problems.join('; '));
  return planned.plan;
}

const sumPlan = planOf([{ name: 'n', fn: 'count' }, { name: 'price', fn: 'sum', field: 'v' }]);

function context(out: Row[], late: Row[] = [], trace: WindowTraceEvent[] | null = null, now = (): number => 0): OperatorContext {
  return {
    nodeId: 'w', now, trace: trace === null ? null : (e) => { if (e.type !== 'rows') trace.push(e); },
    emit: (port, batch: Batch) => (port === 'out' ? out : late).push(...batchToRows(batch)),
  };
}

type Shape = Pick<SlicedWindowConfig, 'size' | 'slide' | 'offset' | 'lateness' | 'cumulative'>;

function run(shape: Shape, plan: AggregatePlan, events: readonly RefEvent[], boundMs: number, cuts: number[] = [], trace: WindowTraceEvent[] | null = null): { out: Row[]; late: Row[] } {
  const out: Row[] = [];
  const late: Row[] = [];
  const op = createSlicedWindowOperator({ ...shape, processingTime: false, plan, keyFields }, context(out, late, trace));
  for (const b of eventBatches(events, boundMs, cuts)) op.push(b, 0);
  return { out, late };
}

const MIN = 60_000;
const at = (hhmm: string): number => Date.UTC(2020, 3, 15, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)));

describe("Flink's published CUMULATE example", () => {
  // docs/content/docs/dev/table/sql/queries/window-tvf.md and window-agg.md in apache/flink: the Bid
  // table (watermark bidtime - 1 s) and CUMULATE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '2' MINUTES, INTERVAL '10' MINUTES).
  const bids: RefEvent[] = [
    { t: at('08:05'), key: 0, v: 4 }, // C
    { t: at('08:07'), key: 0, v: 2 }, // A
    { t: at('08:09'), key: 0, v: 5 }, // D
    { t: at('08:11'), key: 0, v: 3 }, // B
    { t: at('08:13'), key: 0, v: 1 }, // E
    { t: at('08:17'), key: 0, v: 6 }, // F
  ];
  // SELECT window_start, window_end, SUM(price) ... GROUP BY window_start, window_end; the counts are the rows of
  // the published SELECT * table per window.
  const published: [string, string, number, number][] = [
    ['08:00', '08:06', 4, 1], ['08:00', '08:08', 6, 2], ['08:00', '08:10', 11, 3],
    ['08:10', '08:12', 3, 1], ['08:10', '08:14', 4, 2], ['08:10', '08:16', 4, 2], ['08:10', '08:18', 10, 3], ['08:10', '08:20', 10, 3],
  ];
  const expected = published.map(([start, end, price, n]) => ({ window_start: at(start), window_end: at(end), k: 0, n, price, revision: 0 }));
  const shape: Shape = { size: 10 * MIN, slide: 2 * MIN, offset: 0, lateness: 0, cumulative: true };

  it('gives the published windows and sums, in the order the windows end, however the bids are batched', () => {
    for (const cuts of [[], [1], [2], [4]]) expect(run(shape, sumPlan, bids, 1000, cuts).out).toEqual(expected);
  });

  it('gives them with sum, min and max kept in a running window that grows within each period', () => {
    const plan = planOf([{ name: 'price', fn: 'sum', field: 'v' }, { name: 'lo', fn: 'min', field: 'v' }, { name: 'hi', fn: 'max', field: 'v' }]);
    const rows = run(shape, plan, bids, 1000).out;
    expect(rows.map((r) => [r['window_start'], r['window_end'], r['price']])).toEqual(expected.map((r) => [r.window_start, r.window_end, r.price]));
    // [08:10, 08:18) holds B, E and F; [08:10, 08:12) only B.
    expect(rows.map((r) => [r['lo'], r['hi']])).toEqual([[4, 4], [2, 4], [2, 5], [3, 3], [1, 3], [1, 3], [1, 6], [1, 6]]);
  });
});

describe('CUMULATE windows', () => {
  it('refuse a max size that is not a multiple of the step', () => {
    expect(() => run({ size: 1000, slide: 300, offset: 0, lateness: 0, cumulative: true }, sumPlan, [], 0)).toThrow(RangeError);
    expect(() => run({ size: 1000, slide: 300, offset: 0, lateness: 0, cumulative: true }, sumPlan, [], 0)).toThrow(/multiple of its step/);
  });

  it('revise the fired windows of a late row that are within lateness, and send a row to the late port only when every window it belongs to is past it', () => {
    // Step 100, max size 400, lateness 150: the period [0, 400) has windows ending 100, 200, 300, 400.
    const shape: Shape = { size: 400, slide: 100, offset: 0, lateness: 150, cumulative: true };
    const events: RefEvent[] = [
      { t: 10, key: 0, v: 1 }, { t: 320, key: 0, v: 2 }, // fires [0,100), [0,200), [0,300) (watermark 319)
      { t: 50, key: 0, v: 10 }, // slice 0: revises [0,200) and [0,300) (within lateness); [0,100) expired (99 + 150 <= 319)
      { t: 560, key: 0, v: 3 }, // watermark 559: [0,400) fired and expired (399 + 150 <= 559)
      { t: 399, key: 0, v: 100 }, // late: every window of slice 3 ([0,400)) is past lateness
    ];
    const { out, late } = run(shape, sumPlan, events, 0, [1]);
    const rows = out.map((r) => [r['window_start'], r['window_end'], r['price'], r['revision']]);
    expect(rows).toEqual([
      [0, 100, 1, 0], [0, 200, 1, 0], [0, 300, 1, 0],
      [0, 200, 11, 1], [0, 300, 11, 1],
      [0, 400, 13, 0],
      // Nothing in [400, 500): no row. The end of input fires the rest of the period.
      [400, 600, 3, 0], [400, 700, 3, 0], [400, 800, 3, 0],
    ]);
    expect(late.map((r) => r['v'])).toEqual([100]);
  });

  it('assign rows by the processing-time clock and fire as it passes each end', () => {
    let now = 10_050;
    const out: Row[] = [];
    const op = createSlicedWindowOperator({ size: 300, slide: 100, offset: 0, lateness: 0, cumulative: true, processingTime: true, plan: sumPlan, keyFields }, context(out, [], null, () => now));
    const batches = eventBatches([{ t: 1, key: 0, v: 1 }, { t: 2, key: 0, v: 2 }], 0, [1]);
    op.push(batches[0]!, 0);
    op.tick?.(10_099);
    expect(out.map((r) => [r['window_start'], r['window_end'], r['price']])).toEqual([[9_900, 10_100, 1]]);
    now = 10_150;
    op.push(batches[1]!, 0);
    op.tick?.(10_199);
    expect(out.map((r) => [r['window_start'], r['window_end'], r['price']])).toEqual([[9_900, 10_100, 1], [9_900, 10_200, 3]]);
  });

  it('trace each window with its own start and end', () => {
    const trace: WindowTraceEvent[] = [];
    const shape: Shape = { size: 300, slide: 100, offset: 0, lateness: 100, cumulative: true };
    run(shape, sumPlan, [{ t: 150, key: 0, v: 1 }, { t: 260, key: 0, v: 1 }, { t: 120, key: 0, v: 1 }, { t: 420, key: 0, v: 1 }, { t: 10, key: 0, v: 1 }], 0, [1], trace);
    const story = trace.map((e) => `${e.type} ${e.windowStart}-${e.windowEnd}`);
    expect(story).toEqual([
      'opened 0-200', 'opened 0-300', // slice 1 belongs to [0,200) and [0,300)
      'fired 0-200', // watermark 259
      'revised 0-200', // t = 120, within lateness (199 + 100 > 259)
      'opened 300-500', 'opened 300-600', // t = 420
      'fired 0-300', 'closed 0-200', 'closed 0-300', // watermark 419
      'late 0-300', // t = 10: its newest window [0,300) expired
      'fired 300-500', 'fired 300-600', 'closed 300-500', 'closed 300-600',
    ]);
  });
});

/** Every aggregate, so that each cell kind (plain, direct, staged, complex) and the running window take part. */
const everyAggregate = planOf([
  { name: 'n', fn: 'count' }, { name: 'sum', fn: 'sum', field: 'v' }, { name: 'avg', fn: 'avg', field: 'v' },
  { name: 'min', fn: 'min', field: 'v' }, { name: 'max', fn: 'max', field: 'v' }, { name: 'var', fn: 'variance', field: 'v' },
  { name: 'sd', fn: 'stddev', field: 'v' }, { name: 'distinct', fn: 'countDistinct', field: 'v' },
  { name: 'approx', fn: 'approxCountDistinct', field: 'v' }, { name: 'p90', fn: 'percentile', field: 'v', q: 0.9 },
  { name: 'first', fn: 'first', field: 'v' }, { name: 'last', fn: 'last', field: 'v' },
]);

const NUMERIC = ['sum', 'avg', 'var', 'sd'];
function close(a: Row, b: Row): boolean {
  return Object.keys(a).every((name) => {
    const x = a[name];
    const y = b[name];
    if (!NUMERIC.includes(name) || typeof x !== 'number' || typeof y !== 'number') return Object.is(x, y) || x === y;
    return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  });
}

describe('CUMULATE windows against hopping windows', () => {
  it('window [start, start + j * step) of a period equals the hopping window of size j * step that starts there, for every aggregate, late rows and revisions', () => {
    const eventsArb = fc.array(fc.record({ t: fc.integer({ min: -3000, max: 6000 }), key: fc.integer({ min: 0, max: 2 }), v: fc.oneof(fc.integer({ min: -20, max: 20 }), fc.constant(NaN)) }), { maxLength: 80 });
    fc.assert(fc.property(
      eventsArb, fc.constantFrom(200, 300), fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, 70, -130), fc.constantFrom(0, 400), fc.constantFrom(0, 500), fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 3 }),
      (events, step, periods, offset, lateness, bound, cuts) => {
        const size = step * periods;
        const cumulate = run({ size, slide: step, offset, lateness, cumulative: true }, everyAggregate, events, bound, cuts).out;
        for (let j = 1; j <= periods; j++) {
          const hopping = run({ size: j * step, slide: step, offset, lateness, cumulative: false }, everyAggregate, events, bound, cuts).out;
          // The hopping windows that start where a period starts.
          const expected = hopping.filter((r) => ((((r['window_start'] as number) - offset) % size) + size) % size === 0);
          const actual = cumulate.filter((r) => (r['window_end'] as number) - (r['window_start'] as number) === j * step);
          expect(actual.length).toBe(expected.length);
          const key = (r: Row): string => `${r['window_start']} ${r['k']} ${r['revision']}`;
          const byKey = new Map(expected.map((r) => [key(r), r]));
          for (const r of actual) {
            const e = byKey.get(key(r));
            expect(e).toBeDefined();
            if (!close(r, e!)) expect(r).toEqual(e);
          }
        }
      },
    ), { numRuns: 150 });
  });
});
