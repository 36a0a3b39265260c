/**
 * The generic path of value partials (see valueParts): with two partials
 * declared (Σ|x| merged by add, max |x| merged by max), every window kind
 * gives what sum and max of |x| give through the hand-tuned partials, on
 * random streams with missing values, late events, lateness and batch cuts.
 * The table is replaced for this file only (vi.mock): the shipped table is
 * empty until a function needs one.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Batch } from '../batch';
import type { AggregateFn } from '../../model';
import { batchToRows, type Row } from '../operators/sinks';
import type { Operator, OperatorContext } from '../operators/types';
import { eventBatches } from '../testing/eventBatches';
import type { RefEvent } from '../testing/referenceWindows';
import { createCountWindowOperator } from '../window/countWindowOperator';
import { createSessionWindowOperator } from '../window/sessionWindowOperator';
import { createSlicedWindowOperator } from '../window/slicedWindowOperator';
import { planAggregations, type AggregatePlan, type AggregationSpec } from './plan';

vi.mock('./valueParts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./valueParts')>();
  const { ValuePart } = real;
  return {
    ...real,
    VALUE_PARTS: [
      new ValuePart('absSum', 0, 'add', Math.abs, ['sumAbs' as AggregateFn], (_fn, value) => value),
      new ValuePart('absMax', -Infinity, 'max', Math.abs, ['maxAbs' as AggregateFn], (_fn, value) => value),
    ],
  };
});

const schema = [{ name: 'k', type: 'number' as const }, { name: 'v', type: 'number' as const }];
const keyFields = [schema[0]!];

function planOf(specs: readonly AggregationSpec[]): AggregatePlan {
  const planned = planAggregations(specs, schema);
  if (!planned.ok) throw new Error(planned.problems.join('; '));
  return planned.plan;
}

type Kind = 'tumbling' | 'hopping' | 'cumulate' | 'session' | 'count';

function operator(kind: Kind, plan: AggregatePlan, lateness: number, ctx: OperatorContext): Operator {
  switch (kind) {
    case 'tumbling': return createSlicedWindowOperator({ size: 100, slide: 100, offset: 0, lateness, processingTime: false, cumulative: false, plan, keyFields }, ctx);
    case 'hopping': return createSlicedWindowOperator({ size: 300, slide: 100, offset: 0, lateness, processingTime: false, cumulative: false, plan, keyFields }, ctx);
    case 'cumulate': return createSlicedWindowOperator({ size: 300, slide: 100, offset: 0, lateness, processingTime: false, cumulative: true, plan, keyFields }, ctx);
    case 'session': return createSessionWindowOperator({ gap: 50, lateness, processingTime: false, plan, keyFields }, ctx);
    case 'count': return createCountWindowOperator({ size: 3, plan, keyFields }, ctx);
  }
}

function run(kind: Kind, specs: readonly AggregationSpec[], events: readonly RefEvent[], lateness: number, cuts: number[]): Row[] {
  const out: Row[] = [];
  const ctx: OperatorContext = { nodeId: 'w', now: () => 0, trace: null, emit: (port, batch: Batch) => { if (port === 'out') out.push(...batchToRows(batch)); } };
  const op = operator(kind, planOf(specs), lateness, ctx);
  for (const b of eventBatches(events, 40, cuts)) op.push(b, 0);
  return out;
}

// Whole numbers (and missing ones): both sides add the same numbers in the same order, so they agree exactly.
// Events arrive in order of time plus a delay of up to 150 ms: some out of order, some late, some
// filling the gap between two sessions (which merges them).
const events = fc.array(fc.record({
  t: fc.integer({ min: 0, max: 4000 }),
  delay: fc.integer({ min: 0, max: 150 }),
  key: fc.integer({ min: 0, max: 2 }),
  v: fc.oneof({ weight: 1, arbitrary: fc.constant(NaN) }, { weight: 6, arbitrary: fc.integer({ min: -1e6, max: 1e6 }) }),
}), { minLength: 30, maxLength: 150 }).map((es) => [...es].sort((a, b) => a.t + a.delay - (b.t + b.delay)).map(({ t, key, v }): RefEvent => ({ t, key, v })));

describe('value partials', () => {
  for (const kind of ['tumbling', 'hopping', 'cumulate', 'session', 'count'] as const) {
    it(`give in ${kind} windows what sum and max of |x| give`, () => {
      fc.assert(fc.property(
        events, fc.constantFrom(0, 150), fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 4 }), fc.boolean(),
        (stream, lateness, cuts, withDistinct) => {
          // With a distinct count on the field, its loop counts the present values (see complexFold); without, addPresent does.
          const extra: AggregationSpec[] = withDistinct ? [{ name: 'd', fn: 'countDistinct', field: 'v' }] : [];
          const generic = run(kind, [{ name: 'n', fn: 'count' }, { name: 's', fn: 'sumAbs' as AggregateFn, field: 'v' }, { name: 'm', fn: 'maxAbs' as AggregateFn, field: 'v' }, ...extra], stream, lateness, cuts);
          const abs = stream.map((e) => ({ ...e, v: Math.abs(e.v) }));
          const tuned = run(kind, [{ name: 'n', fn: 'count' }, { name: 's', fn: 'sum', field: 'v' }, { name: 'm', fn: 'max', field: 'v' }, ...extra], abs, lateness, cuts);
          // The distinct counts differ (of x and of |x|): only their presence matters here.
          const withoutD = (rows: Row[]): Row[] => rows.map(({ d: _d, ...rest }) => rest);
          expect(withoutD(generic)).toEqual(withoutD(tuned));
        },
      ), { numRuns: 60 });
    });
  }

  it('are kept only by fields whose functions read them, and keep a plan off the direct and running paths', async () => {
    const { isDirectPlan } = await import('../window/cellLayout');
    const { createWindowEmitter } = await import('../window/windowFirings');
    const plan = planOf([{ name: 's', fn: 'sumAbs' as AggregateFn, field: 'v' }, { name: 'n', fn: 'count' }]);
    expect(plan.fields[0]!.needs.values).toEqual([0]);
    expect(planOf([{ name: 'm', fn: 'max', field: 'v' }]).fields[0]!.needs.values).toEqual([]);
    expect(isDirectPlan(plan)).toBe(false);
    expect(createWindowEmitter(plan).incremental).toBe(false);
  });
});
