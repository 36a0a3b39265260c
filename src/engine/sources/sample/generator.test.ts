import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCell, type RowBlock } from '../../batch';
import { createSampleGenerator, SAMPLE_STREAMS, sampleStreamFields, type SampleParams } from './index';

const BASE: SampleParams = {
  stream: 'sensors',
  rate: 1000,
  keys: 10,
  limit: 1000,
  seed: 1,
  maxOutOfOrdernessMs: 0,
  lateFraction: 0,
  startTime: 1_700_000_000_000,
};

type Row = (number | string | boolean | null)[];

function rowsOf(block: RowBlock): Row[] {
  const columns = Object.values(block.columns);
  return Array.from({ length: block.length }, (_, r) => columns.map((c) => readCell(c, r)));
}

/** Pulls every event, `sizes` cycling as the maxRows of successive calls. */
function drain(params: SampleParams, sizes: readonly number[], cap = Infinity, recycle = false): Row[] {
  const gen = createSampleGenerator(params);
  const rows: Row[] = [];
  for (let call = 0; rows.length < cap; call++) {
    const block = gen.next(Math.min(sizes[call % sizes.length]!, cap - rows.length), recycle);
    if (block === null) break;
    expect(block.length).toBeGreaterThanOrEqual(1);
    rows.push(...rowsOf(block));
  }
  return rows;
}

describe('createSampleGenerator', () => {
  it('gives the same events when it writes each block into the arrays of the last', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SAMPLE_STREAMS),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 5 }),
        (stream, shuffled, sizes) => {
          const params: SampleParams = { ...BASE, stream, limit: 700, ...(shuffled ? { maxOutOfOrdernessMs: 200, lateFraction: 0.1 } : {}) };
          expect(drain(params, sizes, Infinity, true)).toEqual(drain(params, sizes));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reuses the arrays of a recycled block, and only then', () => {
    const gen = createSampleGenerator(BASE);
    const first = gen.next(100, true)!;
    const second = gen.next(100, true)!;
    expect(second.time.buffer).toBe(first.time.buffer);
    const third = gen.next(100)!;
    expect(third.time.buffer).not.toBe(second.time.buffer);
  });

  it('gives the same events for the same params and different ones for another seed', () => {
    expect(drain(BASE, [100])).toEqual(drain(BASE, [100]));
    expect(drain({ ...BASE, seed: 2 }, [100])).not.toEqual(drain(BASE, [100]));
  });

  it('stamps event i at startTime + floor(i * 1000 / rate) when in order', () => {
    const block = createSampleGenerator({ ...BASE, rate: 3, limit: 7 }).next(10)!;
    expect(Array.from(block.time)).toEqual([0, 333, 666, 1000, 1333, 1666, 2000].map((d) => BASE.startTime + d));
  });

  it('stops after limit events and returns null from then on', () => {
    const gen = createSampleGenerator({ ...BASE, limit: 5 });
    expect(gen.next(3)?.length).toBe(3);
    expect(gen.next(3)?.length).toBe(2);
    expect(gen.next(3)).toBeNull();
    expect(createSampleGenerator({ ...BASE, limit: 0 }).next(1)).toBeNull();
  });

  it('keeps going when the limit is null', () => {
    const gen = createSampleGenerator({ ...BASE, limit: null });
    for (let i = 0; i < 5; i++) expect(gen.next(10_000)?.length).toBe(10_000);
  });

  it('emits the declared fields, ts as the time column, and shares dictionaries across blocks', () => {
    for (const stream of SAMPLE_STREAMS) {
      const gen = createSampleGenerator({ ...BASE, stream });
      const first = gen.next(10)!;
      const second = gen.next(10)!;
      const fields = sampleStreamFields(stream);
      expect(fields[0]).toEqual({ name: 'ts', type: 'time' });
      expect(gen.fields).toEqual(fields);
      expect(Object.keys(first.columns)).toEqual(fields.map((f) => f.name));
      for (const f of fields) expect(first.columns[f.name]?.type).toBe(f.type);
      expect(first.columns['ts']).toEqual({ type: 'time', values: first.time });
      for (const f of fields) {
        const a = first.columns[f.name];
        const b = second.columns[f.name];
        if (a?.type === 'string' && b?.type === 'string') expect(a.dict).toBe(b.dict);
      }
    }
  });

  it('gives the same rows however next() is called', () => {
    const params = fc.record({
      stream: fc.constantFrom(...SAMPLE_STREAMS),
      rate: fc.oneof(fc.constant(1000), fc.double({ min: 0.5, max: 5000, noNaN: true })),
      keys: fc.integer({ min: 1, max: 50 }),
      limit: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      seed: fc.integer(),
      maxOutOfOrdernessMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })),
      lateFraction: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
      startTime: fc.constant(BASE.startTime),
    });
    const sizes = fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(params, sizes, (p, s) => {
        const cap = p.limit ?? 300;
        expect(drain(p, s, cap)).toEqual(drain(p, [cap + 1], cap));
        expect(drain(p, [1], cap)).toEqual(drain(p, [cap + 1], cap));
      }),
      { numRuns: 60 },
    );
  });

  it('throws on invalid params and on a maxRows below 1', () => {
    expect(() => createSampleGenerator({ ...BASE, rate: 0 })).toThrow(/rate/);
    expect(() => createSampleGenerator({ ...BASE, keys: 1.5 })).toThrow(/keys/);
    expect(() => createSampleGenerator({ ...BASE, lateFraction: 2 })).toThrow(/lateFraction/);
    expect(() => createSampleGenerator({ ...BASE, limit: -1 })).toThrow(/limit/);
    expect(() => createSampleGenerator(BASE).next(0)).toThrow(/maxRows/);
  });

  it('keeps its state as plain data', () => {
    const gen = createSampleGenerator({ ...BASE, maxOutOfOrdernessMs: 50 });
    gen.next(100);
    expect(() => structuredClone(gen.state)).not.toThrow();
    expect(gen.state.nextIndex).toBeGreaterThanOrEqual(gen.state.delivered);
  });

  it('generates a million sensor events quickly', () => {
    const gen = createSampleGenerator({ ...BASE, limit: 1_000_000, keys: 1000 });
    const start = performance.now();
    let n = 0;
    for (let block = gen.next(65_536); block !== null; block = gen.next(65_536)) n += block.length;
    expect(n).toBe(1_000_000);
    // About 0.06 s on a laptop; the bound only catches an accidental per-row slowdown.
    expect(performance.now() - start).toBeLessThan(3000);
  });
});
