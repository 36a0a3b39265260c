import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Batch } from '../batch';
import { planAggregations, type AggregatePlan } from '../aggregate/plan';
import { batchToRows, type Row } from '../operators/sinks';
import type { Operator, OperatorContext } from '../operators/types';
import { eventBatches } from '../testing/eventBatches';
import { referenceRun, type RefEvent, type RefResult, type RefWindow } from '../testing/referenceWindows';
import { createSessionWindowOperator } from './sessionWindowOperator';
import { createSlicedWindowOperator } from './slicedWindowOperator';

const schema = [{ name: 'k', type: 'number' as const }, { name: 'v', type: 'number' as const }];
const planned = planAggregations([
  { name: 'count', fn: 'count' }, { name: 'sum', fn: 'sum', field: 'v' },
  { name: 'min', fn: 'min', field: 'v' }, { name: 'max', fn: 'max', field: 'v' },
], schema);
if (!planned.ok) throw new Error('test plan');
const plan: AggregatePlan = planned.plan;

function runOperator(window: RefWindow, lateness: number, batches: Batch[]): { results: Row[]; late: Row[] } {
  const results: Row[] = [];
  const late: Row[] = [];
  const ctx: OperatorContext = {
    nodeId: 'w', trace: null, now: () => 0,
    emit: (port, batch) => (port === 'out' ? results : late).push(...batchToRows(batch)),
  };
  const keyFields = [schema[0]!];
  const op: Operator = window.type === 'sliced'
    ? createSlicedWindowOperator({ ...window, lateness, processingTime: false, cumulative: window.cumulative === true, plan, keyFields }, ctx)
    : createSessionWindowOperator({ gap: window.gap, lateness, processingTime: false, plan, keyFields }, ctx);
  for (const b of batches) op.push(b, 0);
  return { results, late };
}

const toRef = (r: Row): RefResult => ({
  start: r['window_start'] as number, end: r['window_end'] as number, key: r['k'] as number, count: r['count'] as number,
  sum: r['sum'] as number, min: r['min'] as number, max: r['max'] as number, revision: r['revision'] as number,
});
const order = (a: RefResult, b: RefResult): number => a.start - b.start || a.key - b.key || a.revision - b.revision || a.end - b.end;

/** Events with nominal times rising by 0..gapMax ms, then shuffled within `disorder` and a few pushed far back. */
const streamArb = fc.record({
  steps: fc.array(fc.record({ dt: fc.integer({ min: 0, max: 400 }), key: fc.integer({ min: 0, max: 2 }), v: fc.integer({ min: -50, max: 50 }), delay: fc.integer({ min: 0, max: 600 }), lateBy: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 3000 })) }), { minLength: 1, maxLength: 120 }),
  cuts: fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 6 }),
  bound: fc.constantFrom(0, 200, 600),
  lateness: fc.constantFrom(0, 500, 2000),
  start: fc.integer({ min: -5000, max: 5000 }),
});

interface StreamSpec {
  steps: { dt: number; key: number; v: number; delay: number; lateBy: number }[];
  start: number;
}

function eventsOf(s: StreamSpec): RefEvent[] {
  let t = s.start;
  const timed = s.steps.map((step, i) => {
    t += step.dt;
    return { e: { t, key: step.key, v: step.v }, arrival: t + step.delay + step.lateBy, i };
  });
  return timed.sort((a, b) => a.arrival - b.arrival || a.i - b.i).map((x) => x.e);
}

const windows: [string, fc.Arbitrary<RefWindow>][] = [
  ['tumbling', fc.record({ size: fc.constantFrom(500, 1000, 1500), offset: fc.constantFrom(0, 100, -200) }).map(({ size, offset }) => ({ type: 'sliced' as const, size, slide: size, offset: offset % size }))],
  ['hopping', fc.record({ slide: fc.constantFrom(250, 500, 400), mult: fc.constantFrom(2, 3, 4), extra: fc.constantFrom(0, 100), offset: fc.constantFrom(0, 100) }).map(({ slide, mult, extra, offset }) => ({ type: 'sliced' as const, size: slide * mult + extra, slide, offset: offset % slide }))],
  // CUMULATE: maxSize = J steps; J = 1 is a tumbling window.
  ['cumulate', fc.record({ step: fc.constantFrom(250, 400, 500), periods: fc.constantFrom(1, 2, 3, 5), offset: fc.constantFrom(0, 100, -150) }).map(({ step, periods, offset }) => ({ type: 'sliced' as const, size: step * periods, slide: step, offset, cumulative: true }))],
  ['session', fc.constantFrom(300, 700, 1000).map((gap) => ({ type: 'session' as const, gap }))],
];

describe('revisions of many fired windows', () => {
  it('number each window\'s revisions on its own, with more windows within allowed lateness than the operator caches', () => {
    // 100 ms windows and 5 s of lateness: 30 windows fire, then late events hop between windows
    // 0, 8, 16 and 24 (one slot of the 8-entry cache of recent firings) and a few others.
    const window: RefWindow = { type: 'sliced', size: 100, slide: 100, offset: 0 };
    const events: RefEvent[] = Array.from({ length: 30 }, (_, i) => ({ t: i * 100 + 50, key: 1, v: i }));
    for (let round = 0; round < 3; round++) {
      for (const w of [0, 8, 16, 24, 3, 8, 0]) events.push({ t: w * 100 + round, key: 1, v: 100 + w });
    }
    events.push({ t: 3050, key: 1, v: 0 });
    const expected = referenceRun(events, window, 0, 5000);
    const actual = runOperator(window, 5000, eventBatches(events, 0, [7]));
    expect(actual.results.map(toRef).sort(order)).toEqual(expected.results.sort(order));
    // Window 0 fired once and was revised twice per round.
    expect(Math.max(...actual.results.filter((r) => r['window_start'] === 0).map((r) => r['revision'] as number))).toBe(6);
  });
});

describe('window operators against the reference semantics', () => {
  for (const [name, windowArb] of windows) {
    it(`${name}: results, revisions and late events match the reference for any stream and any batch cuts`, () => {
      fc.assert(fc.property(streamArb, windowArb, (s, window) => {
        const events = eventsOf(s);
        const expected = referenceRun(events, window, s.bound, s.lateness);
        const actual = runOperator(window, s.lateness, eventBatches(events, s.bound, s.cuts));
        expect(actual.results.map(toRef).sort(order)).toEqual(expected.results.sort(order));
        expect(actual.late.map((r) => r['v'])).toEqual(expected.late.map((e) => e.v));
      }), { numRuns: 300 });
    });

    it(`${name}: output does not depend on how the input is cut into batches`, () => {
      fc.assert(fc.property(streamArb, windowArb, fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 5 }), (s, window, otherCuts) => {
        const events = eventsOf(s);
        const whole = runOperator(window, s.lateness, eventBatches(events, s.bound, []));
        const cut = runOperator(window, s.lateness, eventBatches(events, s.bound, otherCuts));
        expect(cut.results).toEqual(whole.results);
        expect(cut.late).toEqual(whole.late);
      }), { numRuns: 200 });
    });
  }
});
