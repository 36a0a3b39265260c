import { describe, expect, it } from 'vitest';
import type { Batch } from '../engine/batch';
import { createPreviewTap } from './preview';

function batch(from: number, length: number): Batch {
  const time = Float64Array.from({ length }, (_, i) => from + i);
  return { length, time, watermark: new Float64Array(length), endWatermark: from + length, keys: null, columns: { t: { type: 'time', values: time } } };
}

describe('the preview tap', () => {
  it('keeps the newest 50 records of a port across batches, out and late apart', () => {
    const tap = createPreviewTap(new Map());
    for (let i = 0; i < 10; i++) tap.onEmit('n', 'out', batch(i * 20, 20), null);
    tap.onEmit('n', 'late', batch(5, 2), null);
    tap.watch('n');
    const p = tap.take()!;
    expect(p.out.map((r) => r.t)).toEqual(Array.from({ length: 50 }, (_, i) => 150 + i));
    expect(p.late.map((r) => r.t)).toEqual([5, 6]);
    expect(p.fields).toEqual([{ name: 't', type: 'time' }]);
    expect(tap.take()).toBeNull();
  });

  it('names the late port\'s own fields (a window\'s input), apart from those of its results, and the results\' key fields', () => {
    const tap = createPreviewTap(new Map([['agg', 'win']]), new Map([['win', ['device']]]));
    const result: Batch = { ...batch(0, 1), columns: { window_start: { type: 'time', values: new Float64Array(1) }, n: { type: 'number', values: Float64Array.of(3) } } };
    tap.onEmit('win', 'out', result, null);
    tap.onEmit('win', 'late', batch(5, 2), null);
    tap.watch('win');
    const p = tap.take()!;
    expect(p.fields.map((f) => f.name)).toEqual(['window_start', 'n']);
    expect(p.lateFields).toEqual([{ name: 't', type: 'time' }]);
    expect(p.late.map((r) => r.t)).toEqual([5, 6]);
    expect(p.keyFields).toEqual(['device']);
  });

  it('previews a field called __proto__ as any other, through the structured clone to the page', () => {
    const tap = createPreviewTap(new Map());
    const values = Float64Array.of(7);
    const odd: Batch = { ...batch(0, 1), columns: Object.assign(Object.create(null) as Batch['columns'], { ['__proto__']: { type: 'number', values }, constructor: { type: 'number', values } }) };
    tap.onEmit('n', 'out', odd, null);
    tap.watch('n');
    const [record] = structuredClone(tap.take()!.out);
    expect(Object.hasOwn(record!, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(record, '__proto__')?.value).toBe(7);
    expect(Object.getOwnPropertyDescriptor(record, 'constructor')?.value).toBe(7);
  });

  it('reads a selection as it was emitted, though the engine reuses its buffer', () => {
    const tap = createPreviewTap(new Map([['agg', 'win']]));
    tap.watch('agg');
    const rows = Int32Array.from([1, 3]);
    tap.onEmit('win', 'out', batch(100, 5), rows);
    rows.set([0, 0]);
    expect(tap.take()).toMatchObject({ nodeId: 'agg', out: [{ t: 101 }, { t: 103 }] });
  });
});

describe('the preview tap over reused arrays', () => {
  /** A batch of `length` rows over `time` and `codes`, which the caller rewrites as the engine would. */
  const over = (time: Float64Array, codes: Int32Array, length: number, dict: { values: string[] }): Batch => ({
    length, time: time.subarray(0, length), watermark: new Float64Array(length), endWatermark: 0, keys: null,
    columns: { t: { type: 'time', values: time.subarray(0, length) }, k: { type: 'string', codes: codes.subarray(0, length), dict } as never },
  });

  it('shows the rows as they were emitted, though the engine writes its next batches into the same arrays', () => {
    const tap = createPreviewTap(new Map());
    tap.watch('n');
    const time = new Float64Array(40);
    const codes = new Int32Array(40);
    const dict = { values: ['a', 'b'] };
    time.set(Array.from({ length: 40 }, (_, i) => i));
    codes.fill(0);
    tap.onEmit('n', 'out', over(time, codes, 40, dict), null);
    // The next batch, 20 rows, written over the first one's arrays.
    time.set(Array.from({ length: 20 }, (_, i) => 1000 + i));
    codes.fill(1, 0, 20);
    tap.onEmit('n', 'out', over(time, codes, 20, dict), null);
    time.fill(-1);
    const p = tap.take()!;
    expect(p.out.map((r) => r.t)).toEqual([...Array.from({ length: 30 }, (_, i) => 10 + i), ...Array.from({ length: 20 }, (_, i) => 1000 + i)]);
    expect(p.out.map((r) => r.k)).toEqual([...Array<string>(30).fill('a'), ...Array<string>(20).fill('b')]);
  });

  it('keeps a saved state as it was while the run goes on, and shows it again when loaded (time travel)', () => {
    const tap = createPreviewTap(new Map());
    tap.watch('n');
    tap.onEmit('n', 'out', batch(0, 60), null);
    const saved = tap.save();
    tap.onEmit('n', 'out', batch(500, 30), null);
    expect(tap.take()!.out.at(-1)).toEqual({ t: 529 });
    tap.load(saved);
    expect(tap.take()!.out.map((r) => r.t)).toEqual(Array.from({ length: 50 }, (_, i) => 10 + i));
    // And goes on from there.
    tap.onEmit('n', 'out', batch(900, 1), null);
    expect(tap.take()!.out.map((r) => r.t)).toEqual([...Array.from({ length: 49 }, (_, i) => 11 + i), 900]);
    tap.load(saved);
    expect(tap.take()!.out).toHaveLength(50);
    expect(tap.take()).toBeNull();
  });
});
