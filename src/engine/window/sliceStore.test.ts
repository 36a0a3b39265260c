import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planAggregations, type AggregatePlan } from '../aggregate/plan';
import { addRow, createScalarAcc, mergeScalarAcc, scalarResult, type ScalarAcc } from '../aggregate/scalarAcc';
import { isDirectPlan } from './cellLayout';
import { roomFor } from './stagedParts';
import { addRowsToCells, createSliceStore, ensureKeyCapacity, freeSlice, loadCellInto, mergeCellInto, slotForSlice } from './sliceStore';

const schema = [
  { name: 'm', type: 'string' as const }, { name: 'a', type: 'number' as const }, { name: 'b', type: 'number' as const },
];
function planOf(specs: Parameters<typeof planAggregations>[0]): AggregatePlan {
  const planned = planAggregations(specs, schema);
  if (!planned.ok) throw new Error('test plan');
  return planned.plan;
}

const p6Like = planOf([
  { name: 'n', fn: 'count' },
  // m: a flat distinct set only (P6's merchants); a: a flat sketch only (P6's amounts).
  { name: 'dm', fn: 'countDistinct', field: 'm' },
  { name: 'a50', fn: 'percentile', field: 'a', q: 0.5 }, { name: 'a99', fn: 'percentile', field: 'a', q: 0.99 },
  // b: both, beside sums and an HLL, so other loops count its values.
  { name: 'db', fn: 'countDistinct', field: 'b' }, { name: 'b0', fn: 'percentile', field: 'b', q: 0 },
  { name: 'b90', fn: 'percentile', field: 'b', q: 0.9 }, { name: 'sb', fn: 'sum', field: 'b' },
  { name: 'hb', fn: 'approxCountDistinct', field: 'b' },
]);
/** The fused loop's distinct set and sketch in one field (b), its sketch ahead of it in another (a), and a second set (m). */
const mixed = planOf([
  { name: 'a50', fn: 'percentile', field: 'a', q: 0.5 },
  { name: 'db', fn: 'countDistinct', field: 'b' }, { name: 'b90', fn: 'percentile', field: 'b', q: 0.9 },
  { name: 'dm', fn: 'countDistinct', field: 'm' }, { name: 'n', fn: 'count' },
]);
/** Both parts of the fused loop in one field. */
const oneField = planOf([{ name: 'db', fn: 'countDistinct', field: 'b' }, { name: 'b90', fn: 'percentile', field: 'b', q: 0.9 }]);

/**
 * Every partial that has a flat or complex part of its own, each alone, in
 * pairs and all together: a plan with a flat distinct set but no sketch once
 * folded nothing into the set (Card spend's countDistinct(country) read 0).
 */
const partialSpecs: Parameters<typeof planAggregations>[0] = [
  { name: 'dm', fn: 'countDistinct', field: 'm' }, { name: 'db', fn: 'countDistinct', field: 'b' },
  { name: 'a50', fn: 'percentile', field: 'a', q: 0.5 }, { name: 'b90', fn: 'percentile', field: 'b', q: 0.9 },
  { name: 'hb', fn: 'approxCountDistinct', field: 'b' }, { name: 'sb', fn: 'sum', field: 'b' }, { name: 'n', fn: 'count' },
];
const combinations = [
  ...partialSpecs.map((spec) => [spec]),
  ...partialSpecs.flatMap((x, i) => partialSpecs.slice(i + 1).map((y) => [x, y])),
  partialSpecs,
].map(planOf).filter((plan) => !isDirectPlan(plan)); // a direct plan's rows never reach the listed-rows path

/** Codes mostly below 64 (flat), some above (spilled); amounts that are no whole numbers; missing values. */
const code = fc.oneof(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 5 }), fc.constant(NaN));
const amount = fc.oneof(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.integer({ min: 0, max: 90 }), fc.constant(0), fc.constant(NaN));
/** Half the rows in cell (0, 0), so that cell's staged codes often fill (and outgrow the room left after 'grow'). */
const place = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 }));
const row = fc.record({ slice: place, key: place, m: code, a: amount, b: amount });
/** A batch of rows cut into calls, or a store event: slice 0 freed, or room made for many keys (fewer codes per cell). */
const step = fc.oneof(
  { weight: 6, arbitrary: fc.record({ rows: fc.array(row, { maxLength: 300 }), cuts: fc.array(fc.nat(), { maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.constantFrom('free' as const, 'grow' as const) },
);

interface TestRow { slice: number; key: number; m: number; a: number; b: number }

/** Adds every row of (slice, key) to `acc`, one by one: the reference. */
function addRowsOf(plan: AggregatePlan, acc: ScalarAcc, slice: number, key: number, rows: readonly TestRow[]): ScalarAcc {
  for (const r of rows) if (r.slice === slice && r.key === key) addRow(acc, fieldsOf(plan, [r], 1), 0, 0);
  return acc;
}

/** The plan's fields of the rows, listed in reverse (so a listed row j is batch row n - 1 - j). */
function fieldsOf(plan: AggregatePlan, rows: readonly TestRow[], n: number): Float64Array[] {
  return plan.fields.map((f) => Float64Array.from(rows, (_, i) => rows[n - 1 - i]![f.name as 'm' | 'a' | 'b']));
}

/** Every output, then the rows and each field's present values (which no output shows whole). */
function results(plan: AggregatePlan, acc: ScalarAcc): number[] {
  return [...plan.outputs.map((o) => (acc.count === 0 ? NaN : scalarResult(acc, o))), acc.count, ...acc.fields.map((f) => f.n)];
}

type Step = { rows: TestRow[]; cuts: number[] } | 'free' | 'grow' | 'huge';

/** Runs the steps on a store, then checks every cell read alone and every key's slices folded against the reference. */
function checkSteps(plan: AggregatePlan, steps: readonly Step[]): void {
  const store = createSliceStore(plan);
  let added: TestRow[] = [];
  for (const s of steps) {
    if (s === 'free') {
      freeSlice(store, 0);
      added = added.filter((r) => r.slice !== 0);
    } else if (s === 'grow') {
      // 5,000 keys: keyCap 8,192 gives the store fewer staged codes per cell than before.
      ensureKeyCapacity(store, 5000);
    } else if (s === 'huge') {
      // 100,000 keys: half a million cells stage no codes at all.
      ensureKeyCapacity(store, 100_000);
    } else {
      const n = s.rows.length;
      for (const r of s.rows) slotForSlice(store, r.slice);
      // Listed rows point at batch rows in reverse order, so rows[j] != j.
      const cells = Int32Array.from(s.rows, (r) => store.slotOf.get(r.slice)! * store.keyCap + r.key);
      const rows = Int32Array.from(s.rows, (_, j) => n - 1 - j);
      const values = fieldsOf(plan, s.rows, n);
      const bounds = [0, ...s.cuts.map((c) => c % (n + 1)).sort((x, y) => x - y), n];
      for (let b = 1; b < bounds.length; b++) addRowsToCells(store, cells, rows, values, new Float64Array(n), bounds[b - 1]!, bounds[b]!);
      added.push(...s.rows);
    }
  }
  const view = createScalarAcc(plan);
  for (let key = 0; key <= 2; key++) {
    const merged = createScalarAcc(plan);
    // Slice by slice, as sums add up in that order.
    const whole = createScalarAcc(plan);
    for (let slice = 0; slice <= 2; slice++) {
      const slot = store.slotOf.get(slice);
      if (slot === undefined) continue;
      loadCellInto(store, slot * store.keyCap + key, view);
      expect(results(plan, view)).toEqual(results(plan, addRowsOf(plan, createScalarAcc(plan), slice, key, added)));
      mergeCellInto(store, slot * store.keyCap + key, merged);
      mergeScalarAcc(whole, addRowsOf(plan, createScalarAcc(plan), slice, key, added));
    }
    expect(results(plan, merged)).toEqual(results(plan, whole));
  }
}

describe('the slice store', () => {
  it('reads each cell, and folds cells, exactly as adding its rows one by one, however the rows are cut, spilled, moved and freed', () => {
    fc.assert(fc.property(fc.constantFrom(p6Like, mixed, oneField), fc.array(step, { minLength: 1, maxLength: 8 }), checkSteps), { numRuns: 120 });
  });

  it('does so for every partial alone, in pairs and all together', () => {
    for (const plan of combinations) {
      fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 4 }), (steps) => checkSteps(plan, steps)), { numRuns: 15 });
    }
  });

  it('keeps staged codes that outgrow the room left when the store grows, beside a neighbour cell', () => {
    const rows = (key: number, count: number, from: number): TestRow[] =>
      Array.from({ length: count }, (_, i) => ({ slice: 0, key, m: i % 70, a: from + i, b: (from + i) * 1.5 }));
    checkSteps(p6Like, [{ rows: [...rows(0, 100, 1), ...rows(1, 10, 500)], cuts: [] }, 'grow', { rows: [...rows(1, 30, 900), ...rows(0, 50, 200)], cuts: [7] }]);
  });

  it('stages no codes when it has too many cells, and reads the same', () => {
    const rows = (key: number, count: number, from: number): TestRow[] =>
      Array.from({ length: count }, (_, i) => ({ slice: i % 2, key, m: i % 70, a: from + i, b: -i }));
    checkSteps(p6Like, [{ rows: [...rows(0, 40, 1), ...rows(2, 10, 500)], cuts: [3] }, 'huge', { rows: [...rows(2, 30, 900), ...rows(0, 50, 200)], cuts: [] }]);
  });
});

describe('room for staged codes', () => {
  it('halves as cells grow, to none for half a million cells', () => {
    expect(roomFor(64)).toBe(128);
    expect(roomFor(4096)).toBe(128);
    expect(roomFor(32_768)).toBe(64);
    expect(roomFor(262_144)).toBe(8);
    expect(roomFor(524_288)).toBe(0);
  });
});
