import { describe, expect, it } from 'vitest';
import { planAggregations, type AggregationSpec } from '../aggregate/plan';
import { FIRST_LAST, MAX, MIN, MOMENTS, N, PARTS, sessionLayout, SUM, VALUES } from './sessionLayout';

const schema = [{ name: 'a', type: 'number' as const }, { name: 'b', type: 'string' as const }, { name: 'c', type: 'number' as const }];

function layoutOf(specs: AggregationSpec[]): ReturnType<typeof sessionLayout> {
  const planned = planAggregations(specs, schema);
  if (!planned.ok) throw new Error(planned.problems.join('; '));
  return sessionLayout(planned.plan);
}

describe('the session record layout', () => {
  it('keeps only the parts the plan needs: count, first and last page take 10 numbers', () => {
    const { width, offsets } = layoutOf([{ name: 'n', fn: 'count' }, { name: 'f', fn: 'first', field: 'b' }, { name: 'l', fn: 'last', field: 'b' }]);
    expect(width).toBe(10);
    expect([...offsets.subarray(0, VALUES)]).toEqual([5, -1, -1, -1, -1, 6]);
    // No value partial (see aggregate/valueParts): none of their parts is kept.
    expect([...offsets.subarray(VALUES)].every((o) => o === -1)).toBe(true);
  });

  it('gives every needed part its own numbers within the record', () => {
    const { width, offsets } = layoutOf([
      { name: 's', fn: 'stddev', field: 'a' }, { name: 'lo', fn: 'min', field: 'a' }, { name: 'hi', fn: 'max', field: 'c' },
      { name: 'f', fn: 'first', field: 'a' },
    ]);
    const used: number[] = [];
    for (let o = 0; o < offsets.length; o += PARTS) {
      for (const part of [N, SUM, MIN, MAX]) if (offsets[o + part]! >= 0) used.push(offsets[o + part]!);
      const m = offsets[o + MOMENTS]!;
      if (m >= 0) used.push(m, m + 1, m + 2);
      const p = offsets[o + FIRST_LAST]!;
      if (p >= 0) used.push(p, p + 1, p + 2, p + 3);
      for (let v = VALUES; v < PARTS; v++) if (offsets[o + v]! >= 0) used.push(offsets[o + v]!);
    }
    expect(new Set(used).size).toBe(used.length);
    expect(Math.min(...used)).toBe(5);
    expect(Math.max(...used)).toBe(width - 1);
    // Field a: n, sum, moments, min, first/last; field c: n, max.
    expect(offsets[SUM]! >= 0 && offsets[MOMENTS]! >= 0 && offsets[MIN]! >= 0 && offsets[MAX]! < 0).toBe(true);
    expect(offsets[PARTS + MAX]! >= 0 && offsets[PARTS + SUM]! < 0).toBe(true);
  });
});
