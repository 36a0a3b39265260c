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
