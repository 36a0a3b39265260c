import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Batch } from '../batch';
import { planAggregations } from '../aggregate/plan';
import { batchToRows, type Row } from '../operators/sinks';
import type { OperatorContext, WindowTraceEvent } from '../operators/types';
import { eventBatches } from '../testing/eventBatches';
import type { RefEvent } from '../testing/referenceWindows';
import { createCountWindowOperator } from './countWindowOperator';
import { createSessionWindowOperator } from './sessionWindowOperator';
import { createSlicedWindowOperator } from './slicedWindowOperator';

const schema = [{ name: 'k', type: 'number' as const }, { name: 'v', type: 'number' as const }];
const planned = planAggregations([
  { name: 'n', fn: 'count' }, { name: 'total', fn: 'sum', field: 'v' }, { name: 'hi', fn: 'max', field: 'v' },
  { name: 'distinct', fn: 'countDistinct', field: 'v' }, { name: 'p50', fn: 'percentile', field: 'v', q: 0.5 },
  { name: 'first', fn: 'first', field: 'v' }, { name: 'last', fn: 'last', field: 'v' },
], schema);
if (!planned.ok) throw new Error('test plan');
const plan = planned.plan;
const keyFields = [schema[0]!];

function context(out: Row[], trace: WindowTraceEvent[] | null = null, now = (): number => 0): OperatorContext {
  return {
    nodeId: 'w', now, trace: trace === null ? null : (e) => { if (e.type !== 'rows') trace.push(e); },
    emit: (port, batch: Batch) => { if (port === 'out') out.push(...batchToRows(batch)); },
  };
}

const eventsArb = fc.array(fc.record({ t: fc.integer({ min: 0, max: 20_000 }), key: fc.integer({ min: 0, max: 3 }), v: fc.integer({ min: -9, max: 9 }) }), { minLength: 1, maxLength: 150 });

describe('count windows', () => {
  it('fire every N events of a key with that window’s aggregates, and never fire an incomplete window', () => {
    const out: Row[] = [];
    const op = createCountWindowOperator({ size: 3, plan, keyFields }, context(out));
    const events: RefEvent[] = [1, 2, 3, 4, 5, 6, 7].map((v, i) => ({ t: 1000 * i, key: i % 2, v }));
    for (const b of eventBatches(events, 0, [2])) op.push(b, 0);
    // key 0 gets v = 1, 3, 5, 7 (fires once, 7 waits); key 1 gets 2, 4, 6.
    expect(out).toEqual([
      { window_start: 0, window_end: 4001, k: 0, n: 3, total: 9, hi: 5, distinct: 3, p50: expect.closeTo(3, 1) as number, first: 1, last: 5, revision: 0 },
      { window_start: 1000, window_end: 5001, k: 1, n: 3, total: 12, hi: 6, distinct: 3, p50: expect.closeTo(4, 1) as number, first: 2, last: 6, revision: 0 },
    ]);
  });

  it('output does not depend on how the input is cut into batches', () => {
    fc.assert(fc.property(eventsArb, fc.array(fc.integer({ min: 1, max: 13 }), { minLength: 1, maxLength: 4 }), (events, cuts) => {
      const whole: Row[] = [];
      const cut: Row[] = [];
      const a = createCountWindowOperator({ size: 4, plan, keyFields }, context(whole));
      const b = createCountWindowOperator({ size: 4, plan, keyFields }, context(cut));
      for (const batch of eventBatches(events, 100, [])) a.push(batch, 0);
      for (const batch of eventBatches(events, 100, cuts)) b.push(batch, 0);
      expect(cut).toEqual(whole);
    }), { numRuns: 200 });
  });
});

/** True when a value holds only data: no functions and no class instances beyond arrays, typed arrays, Map and Set. */
/**
 * Object.prototype, or the prototype of a class that holds fields only (no
 * methods, getters or setters): its instances clone to plain objects with the
 * same data. Hot state is built by such classes rather than object literals
 * for V8's sake (see FastRun in fastFold.ts).
 */
function isDataOnlyPrototype(proto: unknown): boolean {
  if (proto === Object.prototype) return true;
  if (proto === null || typeof proto !== 'object' || Object.getPrototypeOf(proto) !== Object.prototype) return false;
  return Object.getOwnPropertyNames(proto).every((name) => name === 'constructor');
}

function isPlainData(value: unknown, seen = new Set<unknown>()): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'function';
  if (seen.has(value)) return true;
  seen.add(value);
  if (ArrayBuffer.isView(value)) return true;
  if (value instanceof Map) return [...value.entries()].every(([k, v]) => isPlainData(k, seen) && isPlainData(v, seen));
  if (value instanceof Set || Array.isArray(value)) return [...value].every((v) => isPlainData(v, seen));
  if (!isDataOnlyPrototype(Object.getPrototypeOf(value))) return false;
  return Object.values(value).every((v) => isPlainData(v, seen));
}

describe('operator state', () => {
  it('is plain data that survives structuredClone, for tumbling, hopping and session windows with every kind of aggregate', () => {
    const events: RefEvent[] = Array.from({ length: 500 }, (_, i) => ({ t: i * 37, key: i % 7, v: i % 11 }));
    const ops = [
      createSlicedWindowOperator({ size: 1000, slide: 1000, offset: 0, lateness: 500, processingTime: false, cumulative: false, plan, keyFields }, context([])),
      createSlicedWindowOperator({ size: 3000, slide: 1000, offset: 0, lateness: 500, processingTime: false, cumulative: false, plan, keyFields }, context([])),
      createSessionWindowOperator({ gap: 100, lateness: 500, processingTime: false, plan, keyFields }, context([])),
    ];
    for (const op of ops) {
      // Stop before the end of input so windows are still open.
      for (const b of eventBatches(events, 200, [64]).slice(0, -1)) op.push(b, 0);
      expect(isPlainData(op.state)).toBe(true);
      // A clone holds the same data (class instances come back as plain objects with the same fields).
      expect(structuredClone(op.state)).toEqual(op.state);
    }
  });
});

describe('window life trace', () => {
  it('reports opened, fired, revised, late and closed in the order they happen', () => {
    const trace: WindowTraceEvent[] = [];
    const op = createSlicedWindowOperator({ size: 1000, slide: 1000, offset: 0, lateness: 1000, processingTime: false, cumulative: false, plan, keyFields }, context([], trace));
    // bound 0: the watermark is max seen - 1.
    const events: RefEvent[] = [
      { t: 100, key: 0, v: 1 }, // opens [0, 1000)
      { t: 1500, key: 0, v: 2 }, // opens [1000, 2000); watermark 99 so nothing fires yet
      { t: 1600, key: 0, v: 3 }, // watermark 1499: [0, 1000) fires
      { t: 900, key: 0, v: 4 }, // within lateness: [0, 1000) is revised
      { t: 2100, key: 0, v: 5 }, // opens [2000, 3000)
      { t: 50, key: 0, v: 6 }, // watermark 2099: [1000, 2000) fires, [0, 1000) closes (999 + 1000 <= 2099), and this event is late
    ];
    for (const b of eventBatches(events, 0, [1])) op.push(b, 0);
    const story = trace.map((e) => `${e.type} ${e.windowStart}`);
    expect(story).toEqual([
      'opened 0', 'opened 1000', 'fired 0', 'revised 0', 'opened 2000', 'fired 1000', 'closed 0', 'late 0',
      'fired 2000', 'closed 1000', 'closed 2000',
    ]);
    expect(trace.find((e) => e.type === 'late')).toMatchObject({ eventTime: 50, watermark: 2099 });
  });
});

describe('processing-time windows', () => {
  it('assign events by the injected clock and fire when the clock passes the window end', () => {
    let now = 10_000;
    const out: Row[] = [];
    const op = createSlicedWindowOperator({ size: 1000, slide: 1000, offset: 0, lateness: 0, processingTime: true, cumulative: false, plan, keyFields }, context(out, null, () => now));
    const batches = eventBatches([{ t: 1, key: 0, v: 1 }, { t: 2, key: 0, v: 2 }], 0, [1]);
    op.push(batches[0]!, 0);
    now = 10_400;
    op.push(batches[1]!, 0);
    expect(out).toEqual([]);
    op.tick?.(10_998);
    expect(out).toEqual([]);
    op.tick?.(10_999);
    expect(out).toMatchObject([{ window_start: 10_000, window_end: 11_000, n: 2, total: 3 }]);
  });
});
