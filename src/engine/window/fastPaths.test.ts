/**
 * The sliced window's fast paths (runs of plain rows in fastFold, the
 * set-aside loop, the direct store and rows, the running window) are
 * specialisations of the general path: over any input, batch cuts,
 * lateness, window shape and set of aggregates, an operator forced onto the
 * general path (SlicedWindowOptions.general) gives the same rows and the
 * same late rows.
 *
 * Exact for counts, min, max, distinct counts (exact and approximate),
 * percentiles, first and last. Sums, averages, variances and standard
 * deviations may add the same numbers in another order (a running window
 * combines whole slices; the general path folds slice after slice), so they
 * agree within 1e-12 relative, or within 1e-12 of n * scale (scale² for a
 * variance: scale is the largest magnitude in the stream) when the result
 * itself cancels to near zero, where no relative bound can hold for two
 * different orders. The numerical accuracy against a two-pass computation
 * is tested with the aggregates themselves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planAggregations, type AggregatePlan } from '../aggregate/plan';
import { batchToRows, type Row } from '../operators/sinks';
import type { OperatorContext } from '../operators/types';
import { eventBatches } from '../testing/eventBatches';
import type { RefEvent } from '../testing/referenceWindows';
import type { AggregateFn } from '../../model';
import { createSlicedWindowOperator, type SlicedWindowConfig } from './slicedWindowOperator';

const schema = [{ name: 'k', type: 'number' as const }, { name: 'v', type: 'number' as const }];
const keyFields = [schema[0]!];

const FNS: readonly AggregateFn[] = ['count', 'sum', 'avg', 'min', 'max', 'variance', 'stddev', 'countDistinct', 'approxCountDistinct', 'percentile', 'first', 'last'];
const ROUNDED = new Set<AggregateFn>(['sum', 'avg', 'variance', 'stddev']);

function planOf(fns: readonly AggregateFn[]): AggregatePlan {
  const planned = planAggregations(fns.map((fn, i) => (fn === 'count' ? { name: `a${i}`, fn } : { name: `a${i}`, fn, field: 'v', ...(fn === 'percentile' ? { q: 0.9 } : {}) })), schema);
  if (!planned.ok) throw new Error(planned.problems.join('; '));
  return planned.plan;
}

type Shape = Pick<SlicedWindowConfig, 'size' | 'slide' | 'offset' | 'cumulative'>;

function run(shape: Shape, lateness: number, plan: AggregatePlan, events: readonly RefEvent[], bound: number, cuts: number[], general: boolean): { out: Row[]; late: Row[] } {
  const out: Row[] = [];
  const late: Row[] = [];
  const ctx: OperatorContext = { nodeId: 'w', trace: null, now: () => 0, emit: (port, batch) => (port === 'out' ? out : late).push(...batchToRows(batch)) };
  const op = createSlicedWindowOperator({ ...shape, lateness, processingTime: false, plan, keyFields }, ctx, { general });
  for (const b of eventBatches(events, bound, cuts)) op.push(b, 0);
  return { out, late };
}

const shapeArb: fc.Arbitrary<Shape> = fc.oneof(
  fc.record({ size: fc.constantFrom(100, 250, 1000), offset: fc.constantFrom(0, 30, -70) }).map(({ size, offset }) => ({ size, slide: size, offset, cumulative: false })),
  // Hopping, sizes below the slide (windows with gaps between) included.
  fc.record({ size: fc.integer({ min: 1, max: 8 }), slide: fc.constantFrom(100, 150, 250), offset: fc.constantFrom(0, 30, -70) }).map(({ size, slide, offset }) => ({ size: size * 50, slide, offset, cumulative: false })),
  fc.record({ step: fc.constantFrom(50, 100, 250), periods: fc.integer({ min: 1, max: 5 }), offset: fc.constantFrom(0, 30, -70) }).map(({ step, periods, offset }) => ({ size: step * periods, slide: step, offset, cumulative: true })),
);

const valueArb = fc.oneof(
  fc.integer({ min: -50, max: 50 }),
  fc.constant(NaN), fc.constant(-0), fc.constant(0),
  fc.integer({ min: -4_000_000, max: 4_000_000 }).map((x) => x / 4),
  fc.integer({ min: -500, max: 500 }).map((x) => 1e12 + x),
  fc.integer({ min: -500, max: 500 }).map((x) => -1e9 + x * 0.5),
  fc.integer({ min: 1, max: 99 }).map((x) => x * 1e-7),
);

/** Events with times rising by 0..60 ms, delivered out of order (delay) and some far behind (lateBy). */
const streamArb = fc.record({
  steps: fc.array(fc.record({
    dt: fc.integer({ min: 0, max: 60 }), key: fc.integer({ min: 0, max: 3 }), v: valueArb,
    delay: fc.integer({ min: 0, max: 300 }), lateBy: fc.oneof(fc.constant(0), fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 3000 })),
  }), { minLength: 1, maxLength: 250 }),
  start: fc.oneof(fc.integer({ min: -5000, max: 5000 }), fc.constant(1_700_000_000_000)),
  cuts: fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 5 }),
  bound: fc.constantFrom(0, 100, 500),
  lateness: fc.constantFrom(0, 200, 1500),
});

function eventsOf(steps: readonly { dt: number; key: number; v: number; delay: number; lateBy: number }[], start: number): RefEvent[] {
  let t = start;
  const timed = steps.map((step, i) => {
    t += step.dt;
    return { e: { t, key: step.key, v: step.v }, arrival: t + step.delay + step.lateBy, i };
  });
  return timed.sort((a, b) => a.arrival - b.arrival || a.i - b.i).map((x) => x.e);
}

/** Whether two results of aggregate `fn` agree (see the file comment); `n` bounds a window's count of values, `scale` is the stream's largest magnitude. */
function agree(fn: AggregateFn, a: unknown, b: unknown, n: number, scale: number): boolean {
  // -0 and 0 are one number to every output (JSON writes both as 0); a running minimum by Math.min and a folded one by < may keep either.
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  if (!ROUNDED.has(fn) || typeof a !== 'number' || typeof b !== 'number') return false;
  // A standard deviation is compared as its square, the variance.
  const [x, y] = fn === 'stddev' ? [a * a, b * b] : [a, b];
  const floor = fn === 'variance' || fn === 'stddev' ? n * scale * scale : n * scale;
  return Math.abs(x - y) <= 1e-12 * (Math.max(Math.abs(x), Math.abs(y)) + floor);
}

function expectSameRows(fast: Row[], general: Row[], fns: readonly AggregateFn[], n: number, scale: number): void {
  expect(fast.length).toBe(general.length);
  for (let i = 0; i < fast.length; i++) {
    const f = fast[i]!;
    const g = general[i]!;
    const same = f['window_start'] === g['window_start'] && f['window_end'] === g['window_end'] && f['k'] === g['k'] && f['revision'] === g['revision']
      && fns.every((fn, j) => agree(fn, f[`a${j}`], g[`a${j}`], n, scale));
    if (!same) expect({ row: i, fast: f }).toEqual({ row: i, fast: g });
  }
}

interface Stream {
  steps: { dt: number; key: number; v: number; delay: number; lateBy: number }[];
  start: number;
  cuts: number[];
  bound: number;
  lateness: number;
}

function check(shape: Shape, fns: readonly AggregateFn[], s: Stream): void {
  const events = eventsOf(s.steps, s.start);
  const plan = planOf(fns);
  const fast = run(shape, s.lateness, plan, events, s.bound, s.cuts, false);
  const general = run(shape, s.lateness, plan, events, s.bound, s.cuts, true);
  const scale = Math.max(0, ...events.map((e) => (Number.isNaN(e.v) ? 0 : Math.abs(e.v))));
  expectSameRows(fast.out, general.out, fns, events.length, scale);
  expect(fast.late).toEqual(general.late);
}

const pairs = FNS.flatMap((a, i) => FNS.slice(i + 1).map((b) => [a, b] as const));
const subsetArb = fc.oneof(
  fc.constantFrom(...FNS.map((fn) => [fn])),
  fc.constantFrom(...pairs.map((p) => [...p])),
  fc.constant([...FNS]),
  fc.subarray([...FNS], { minLength: 1 }),
);

/** Processing time: batches arrive `gaps` ms apart by the injected clock, with a tick between some; the end of input flushes. */
function runProcessing(shape: Shape, plan: AggregatePlan, events: readonly RefEvent[], cuts: number[], gaps: number[], general: boolean): Row[] {
  const out: Row[] = [];
  let now = 1_000;
  const ctx: OperatorContext = { nodeId: 'w', trace: null, now: () => now, emit: (port, batch) => { if (port === 'out') out.push(...batchToRows(batch)); } };
  const op = createSlicedWindowOperator({ ...shape, lateness: 0, processingTime: true, plan, keyFields }, ctx, { general });
  eventBatches(events, 0, cuts).forEach((b, i) => {
    const gap = gaps.length === 0 ? 0 : gaps[i % gaps.length]!;
    now += gap;
    if (gap % 2 === 1) op.tick?.(now);
    op.push(b, 0);
  });
  return out;
}

describe('fast paths against the general path', () => {
  it('give the same rows in processing time', () => {
    fc.assert(fc.property(shapeArb, subsetArb, streamArb, fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 6 }), (shape, fns, s, gaps) => {
      const events = eventsOf(s.steps, s.start);
      const plan = planOf(fns);
      const scale = Math.max(0, ...events.map((e) => (Number.isNaN(e.v) ? 0 : Math.abs(e.v))));
      expectSameRows(runProcessing(shape, plan, events, s.cuts, gaps, false), runProcessing(shape, plan, events, s.cuts, gaps, true), fns, events.length, scale);
    }), { numRuns: 150 });
  });

  it('give the same rows and late rows for any input, batch cuts, lateness, shape and aggregates', () => {
    fc.assert(fc.property(shapeArb, subsetArb, streamArb, (shape, fns, s) => check(shape, fns, s)), { numRuns: 400 });
  });

  it('give the same rows for the direct plans the fast paths are built for, on in-order and disordered streams', () => {
    // count, sum, avg, min and max of one field: direct store, runs, set-aside rows and (hopping) the running window.
    const directArb = fc.subarray<AggregateFn>(['count', 'sum', 'avg', 'min', 'max'], { minLength: 1 });
    fc.assert(fc.property(shapeArb, directArb, streamArb, (shape, fns, s) => check(shape, fns, s)), { numRuns: 300 });
  });
});
