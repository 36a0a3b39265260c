import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Batch } from '../batch';
import { gatherBatch } from '../batchOps';
import { planAggregations, type AggregatePlan } from '../aggregate/plan';
import { batchToRows, type Row } from '../operators/sinks';
import type { Operator, OperatorContext } from '../operators/types';
import { eventBatches } from '../testing/eventBatches';
import { createSessionWindowOperator } from './sessionWindowOperator';
import { createSlicedWindowOperator } from './slicedWindowOperator';

const schema = [{ name: 'k', type: 'number' as const }, { name: 'v', type: 'number' as const }];
function plan(specs: Parameters<typeof planAggregations>[0]): AggregatePlan {
  const planned = planAggregations(specs, schema);
  if (!planned.ok) throw new Error('test plan');
  return planned.plan;
}
// The first plan is folded by the row loop itself; the second goes through the kernels.
const plans = [
  plan([{ name: 'n', fn: 'count' }, { name: 's', fn: 'sum', field: 'v' }, { name: 'lo', fn: 'min', field: 'v' }, { name: 'hi', fn: 'max', field: 'v' }]),
  plan([{ name: 'n', fn: 'count' }, { name: 'var', fn: 'variance', field: 'v' }, { name: 'first', fn: 'first', field: 'v' }, { name: 'd', fn: 'countDistinct', field: 'v' }, { name: 'p', fn: 'percentile', field: 'v', q: 0.75 }]),
];

type Make = (ctx: OperatorContext, plan: AggregatePlan) => Operator;
const windows: [string, Make][] = [
  ['tumbling', (ctx, p) => createSlicedWindowOperator({ size: 500, slide: 500, offset: 0, lateness: 400, processingTime: false, cumulative: false, plan: p, keyFields: [schema[0]!] }, ctx)],
  ['hopping', (ctx, p) => createSlicedWindowOperator({ size: 900, slide: 300, offset: 100, lateness: 700, processingTime: false, cumulative: false, plan: p, keyFields: [schema[0]!] }, ctx)],
  ['session', (ctx, p) => createSessionWindowOperator({ gap: 350, lateness: 500, processingTime: false, plan: p, keyFields: [schema[0]!] }, ctx)],
];

function run(make: Make, p: AggregatePlan, batches: Batch[], keep: boolean[], selected: boolean): { out: Row[]; late: Row[] } {
  const out: Row[] = [];
  const late: Row[] = [];
  const op = make({ nodeId: 'w', trace: null, now: () => 0, emit: (port, b) => (port === 'out' ? out : late).push(...batchToRows(b)) }, p);
  let e = 0;
  for (const batch of batches) {
    const rows = Int32Array.from({ length: batch.length }, (_, i) => i).filter((i) => keep[(e + i) % keep.length]!);
    e += batch.length;
    if (selected) op.pushSelected!(batch, rows, 0);
    else op.push(gatherBatch(batch, rows), 0);
  }
  return { out, late };
}

const streamArb = fc.record({
  events: fc.array(fc.record({ dt: fc.integer({ min: 0, max: 120 }), key: fc.integer({ min: 0, max: 3 }), v: fc.integer({ min: -20, max: 20 }), back: fc.integer({ min: 0, max: 900 }) }), { minLength: 1, maxLength: 150 }),
  keep: fc.array(fc.boolean(), { minLength: 1, maxLength: 13 }),
  cuts: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 5 }),
  bound: fc.constantFrom(0, 200),
});

describe('window operators reading through a selection', () => {
  for (const [name, make] of windows) {
    it(`${name}: rows pushed as a selection give exactly what the same rows gathered give`, () => {
      fc.assert(fc.property(streamArb, fc.constantFrom(0, 1), (s, which) => {
        let t = 0;
        const events = s.events.map((x) => ({ t: (t += x.dt) - x.back, key: x.key, v: x.v }));
        const batches = eventBatches(events, s.bound, s.cuts);
        const p = plans[which]!;
        expect(run(make, p, batches, s.keep, true)).toEqual(run(make, p, batches, s.keep, false));
      }), { numRuns: 200 });
    });
  }
});
