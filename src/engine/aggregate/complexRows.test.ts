import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToComplexCell, createComplexCell, type ComplexCell } from './complexCells';
import { addGroupedRows, DISTINCT_PART, HLL_PART, SKETCH_PART } from './complexRows';
import { distinctMembers } from './distinctSet';
import { hllEstimate } from './hyperLogLog';
import type { MeasuredField, MeasureNeeds } from './plan';
import { sketchQuantile } from './sketchQuantile';

function needs(parts: Partial<MeasureNeeds>): MeasureNeeds {
  return { sum: false, moments: false, min: false, max: false, firstLast: false, distinct: false, hll: false, sketch: false, values: [], ...parts };
}

const fields: MeasuredField[] = [
  { name: 'merchant', type: 'string', needs: needs({ distinct: true, hll: true }) },
  { name: 'plain', type: 'number', needs: needs({ sum: true }) },
  { name: 'amount', type: 'number', needs: needs({ sketch: true, distinct: true }) },
];

/** Rows for cells drawn from a narrow or a wide range (both ways of grouping), with missing values. */
const input = fc.record({
  cellRange: fc.constantFrom(3, 40, 20_000),
  rows: fc.array(fc.record({
    cell: fc.nat(),
    code: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(NaN)),
    amount: fc.oneof(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.constant(0), fc.constant(NaN)),
  }), { maxLength: 700 }),
  cuts: fc.array(fc.nat(), { maxLength: 6 }),
});

function describeCell(cell: ComplexCell | undefined): unknown {
  if (cell === undefined) return undefined;
  return {
    distinct: cell.distinct === null ? null : [...distinctMembers(cell.distinct)].sort((a, b) => a - b),
    hll: cell.hll === null ? null : hllEstimate(cell.hll),
    quantiles: cell.sketch === null ? null : [0, 0.3, 0.5, 0.95, 0.99, 1].map((q) => sketchQuantile(cell.sketch!, q)),
  };
}

describe('adding rows to complex cells', () => {
  it('gives exactly what adding each value to its cell in arrival order gives, however the rows are cut into calls', () => {
    fc.assert(fc.property(input, ({ cellRange, rows, cuts }) => {
      const n = rows.length;
      // The listed rows point at rows of the batch in reverse order, so rows[j] != j.
      const cells = Int32Array.from(rows, (r) => r.cell % cellRange);
      const rowIndex = Int32Array.from(rows, (_, j) => n - 1 - j);
      const values = [
        Float64Array.from(rows, (_, i) => rows[n - 1 - i]!.code),
        new Float64Array(n),
        Float64Array.from(rows, (_, i) => rows[n - 1 - i]!.amount),
      ];
      const columns: (ComplexCell | undefined)[][] = [[], [], []];
      const bounds = [0, ...cuts.map((c) => (n === 0 ? 0 : c % (n + 1))).sort((a, b) => a - b), n];
      for (let b = 1; b < bounds.length; b++) {
        for (const f of [0, 2]) {
          // Parts one call at a time for field 0, all at once for field 2: either way every part gets every value.
          const parts = f === 0 ? [DISTINCT_PART, HLL_PART] : [DISTINCT_PART | HLL_PART | SKETCH_PART];
          for (const p of parts) addGroupedRows(columns[f]!, fields[f]!.needs, p, cells, rowIndex, values[f]!, bounds[b - 1]!, bounds[b]!);
        }
      }

      for (const f of [0, 2]) {
        const reference: (ComplexCell | undefined)[] = [];
        for (let j = 0; j < n; j++) {
          const x = values[f]![rowIndex[j]!]!;
          if (x !== x) continue;
          addToComplexCell((reference[cells[j]!] ??= createComplexCell(fields[f]!.needs)), x);
        }
        const got = columns[f]!;
        expect(Object.keys(got)).toEqual(Object.keys(reference));
        for (const c of new Set(cells)) expect(describeCell(got[c])).toEqual(describeCell(reference[c]));
      }
    }), { numRuns: 60 });
  });
});
