import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Column, Schema } from '../batch';
import { compileFilter, selectRows } from './expression';
import { makeBlock } from './testing';

function mask(values: number[]): Column {
  return { type: 'boolean', values: Uint8Array.from(values) };
}

describe('selectRows', () => {
  it('lists the rows whose mask is true', () => {
    expect(selectRows(mask([0, 1, 1, 0, 1]), 5)).toEqual(Int32Array.from([1, 2, 4]));
  });

  it('returns null when every row passes, so the input can go on untouched', () => {
    expect(selectRows(mask([1, 1, 1]), 3)).toBeNull();
    expect(selectRows(mask([]), 0)).toBeNull();
  });

  it('returns an empty list when no row passes', () => {
    expect(selectRows(mask([0, 0]), 2)).toEqual(new Int32Array(0));
  });

  it('gives each call its own array', () => {
    const first = selectRows(mask([1, 0]), 2);
    const second = selectRows(mask([0, 1]), 2);
    expect([...(first ?? [])]).toEqual([0]);
    expect([...(second ?? [])]).toEqual([1]);
  });

  it('refuses a column that is not boolean, as a programming error', () => {
    expect(() => selectRows({ type: 'number', values: new Float64Array(1) }, 1)).toThrow(/boolean/);
  });
});

describe('a filter end to end', () => {
  it('keeps the rows the condition holds for, and never rows with a missing value', () => {
    const schema: Schema = [
      { name: 'temperature', type: 'number' },
      { name: 'humidity', type: 'number' },
    ];
    const result = compileFilter('temperature > 30 && humidity < 80', schema);
    if (!result.ok) throw new Error(result.error.message);
    const block = makeBlock(schema, { temperature: [31, 29, null, 40, 35], humidity: [50, 50, 50, 90, null] });
    expect(selectRows(result.expr.evaluate(block), block.length)).toEqual(Int32Array.from([0]));
  });
});

describe("a filter's selection", () => {
  const schema: Schema = [{ name: 'x', type: 'number' }];
  const comparisons = ['==', '>=', '<=', '>', '<'] as const;
  // Values at and around the constant, and missing ones, so every boundary is met.
  const cell = fc.oneof(fc.constantFrom(4, 5, 6, 5.5, -0, null), fc.integer({ min: -3, max: 12 }));

  it('keeps exactly the rows its mask keeps, at the constant, with missing values, and within an incoming selection', () => {
    fc.assert(
      fc.property(fc.constantFrom(...comparisons), fc.array(cell, { maxLength: 40 }), fc.array(fc.boolean(), { maxLength: 40 }), (op, cells, picks) => {
        const result = compileFilter(`x ${op} 5`, schema);
        if (!result.ok) throw new Error(result.error.message);
        const { expr } = result;
        if (expr.select === undefined) throw new Error(`x ${op} 5 compiled without a selection`);
        const block = makeBlock(schema, { x: cells });
        const mask = expr.evaluate(block);
        const kept = selectRows(mask, block.length);
        expect([...(expr.select(block, null) ?? Int32Array.from(cells.keys()))]).toEqual([...(kept ?? Int32Array.from(cells.keys()))]);
        const rows = Int32Array.from(cells.keys()).filter((i) => picks[i] === true);
        const keptWithin = rows.filter((i) => mask.type === 'boolean' && mask.values[i] === 1);
        expect([...(expr.select(block, rows) ?? rows)]).toEqual([...keptWithin]);
      }),
    );
  });
});
