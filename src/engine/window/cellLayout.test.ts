import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planAggregations, type AggregatePlan } from '../aggregate/plan';
import { addRow, createScalarAcc, mergeScalarAcc, scalarResult, type ScalarAcc } from '../aggregate/scalarAcc';
import { isDirectPlan } from './cellLayout';
import { foldOne, loadDirectCells } from './directMode';
import { DirectCells } from './fastFold';
import { createSliceStore, ensureKeyCapacity, freeSlice, loadCellInto, mergeCellInto, slotForSlice, type SliceStore } from './sliceStore';

const schema = [{ name: 'a', type: 'number' as const }, { name: 'b', type: 'number' as const }];
function planOf(specs: Parameters<typeof planAggregations>[0]): AggregatePlan {
  const planned = planAggregations(specs, schema);
  if (!planned.ok) throw new Error('test plan');
  return planned.plan;
}

const dashboard = planOf([
  { name: 'n', fn: 'count' }, { name: 's', fn: 'sum', field: 'a' }, { name: 'avg', fn: 'avg', field: 'a' },
  { name: 'lo', fn: 'min', field: 'a' }, { name: 'hi', fn: 'max', field: 'a' },
]);
const maxOnly = planOf([{ name: 'hi', fn: 'max', field: 'a' }]);
const countOnly = planOf([{ name: 'n', fn: 'count' }]);

interface TestRow { slice: number; key: number; a: number }
const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: -5, max: 5 }), fc.constant(NaN));
// Up to 40 keys and 7 slices: the store (16 keys, 4 slots at first) re-lays itself out both ways.
const row = fc.record({ slice: fc.integer({ min: 0, max: 6 }), key: fc.integer({ min: 0, max: 40 }), a: value });
const step = fc.oneof(
  { weight: 5, arbitrary: fc.array(row, { maxLength: 60 }) },
  { weight: 1, arbitrary: fc.record({ free: fc.integer({ min: 0, max: 6 }) }) },
);

/** Folds rows one by one as the row loop does in direct mode. */
function foldRowsDirect(store: SliceStore, rows: readonly TestRow[]): void {
  const dc = new DirectCells();
  const values = [Float64Array.from(rows, (r) => r.a)];
  rows.forEach((r, i) => {
    ensureKeyCapacity(store, r.key);
    const base = slotForSlice(store, r.slice) * store.keyCap;
    // Either call may have re-laid the cells out in a larger array.
    loadDirectCells(store, values, dc);
    foldOne(dc, base + r.key, i);
  });
}

function reference(plan: AggregatePlan, rows: readonly TestRow[], slice: number, key: number): ScalarAcc {
  const acc = createScalarAcc(plan);
  for (const r of rows) if (r.slice === slice && r.key === key) addRow(acc, plan.fields.length > 0 ? [Float64Array.of(r.a)] : [], 0, 0);
  return acc;
}

const results = (plan: AggregatePlan, acc: ScalarAcc): number[] =>
  [...plan.outputs.map((o) => (acc.count === 0 ? NaN : scalarResult(acc, o))), acc.count, ...acc.fields.map((f) => f.n)];

describe('the direct cell layout', () => {
  it('is what plans of count, sum, avg, min and max of one field get, and no other plan', () => {
    expect([dashboard, maxOnly, countOnly].map(isDirectPlan)).toEqual([true, true, true]);
    expect(isDirectPlan(planOf([{ name: 'v', fn: 'variance', field: 'a' }]))).toBe(false);
    expect(isDirectPlan(planOf([{ name: 's', fn: 'sum', field: 'a' }, { name: 't', fn: 'sum', field: 'b' }]))).toBe(false);
    // count, n, sum, min, max; count, n, max; count.
    expect([dashboard, maxOnly, countOnly].map((p) => createSliceStore(p).stride)).toEqual([5, 3, 1]);
    expect(createSliceStore(planOf([{ name: 'f', fn: 'first', field: 'a' }])).stride).toBe(1);
  });

  it('reads and folds every cell as adding its rows one by one, while keys and slices grow the store and slices are freed', () => {
    fc.assert(fc.property(fc.constantFrom(dashboard, maxOnly, countOnly), fc.array(step, { minLength: 1, maxLength: 8 }), (plan, steps) => {
      const store = createSliceStore(plan);
      let added: TestRow[] = [];
      for (const s of steps) {
        if (Array.isArray(s)) {
          foldRowsDirect(store, s);
          added.push(...s);
        } else {
          freeSlice(store, s.free);
          added = added.filter((r) => r.slice !== s.free);
        }
      }
      const view = createScalarAcc(plan);
      // Keys the store has room for (a larger key's cell would be another slot's).
      for (let key = 0; key < Math.min(41, store.keyCap); key++) {
        const merged = createScalarAcc(plan);
        const whole = createScalarAcc(plan);
        for (const slice of store.live) {
          const cell = store.slotOf.get(slice)! * store.keyCap + key;
          loadCellInto(store, cell, view);
          expect(results(plan, view)).toEqual(results(plan, reference(plan, added, slice, key)));
          mergeCellInto(store, cell, merged);
          mergeScalarAcc(whole, reference(plan, added, slice, key));
        }
        expect(results(plan, merged)).toEqual(results(plan, whole));
      }
    }), { numRuns: 150 });
  });
});
