/**
 * Every name is data: field names, node ids and aggregate names such as
 * `__proto__`, `constructor` or `toString` must behave like any other name.
 * A CSV file runs through filter -> keyBy -> tumbling window -> aggregate ->
 * collect, with every name drawn from a list of Object.prototype's names and
 * ordinary ones, and the results are checked against a naive computation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pipeline } from '../testing/documents';
import { runPipeline } from './runPipeline';

const NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'device', 'reading', 'flag'] as const;
const WINDOW_MS = 10_000;
const START = 1_700_000_000_000;

interface Event {
  readonly gap: number;
  readonly key: string;
  readonly value: number;
  readonly flag: number;
}

const eventArb: fc.Arbitrary<Event> = fc.record({
  gap: fc.integer({ min: 0, max: 4_000 }),
  key: fc.constantFrom('a', '__proto__', 'constructor', 'toString'), // key values are data too
  value: fc.integer({ min: -50, max: 50 }),
  flag: fc.integer({ min: 0, max: 9 }),
});

/** Field names (time, key, value, flag), aggregate names (count, sum) and six node ids, every list free of repeats. */
const namesArb = fc.record({
  fields: fc.shuffledSubarray([...NAMES], { minLength: 4, maxLength: 4 }),
  aggregates: fc.shuffledSubarray([...NAMES], { minLength: 2, maxLength: 2 }),
  ids: fc.shuffledSubarray([...NAMES], { minLength: 6, maxLength: 6 }),
});

function naive(events: readonly { t: number; e: Event }[], threshold: number): string[] {
  const cells = new Map<string, { start: number; key: string; count: number; sum: number }>();
  for (const { t, e } of events) {
    if (e.flag < threshold) continue;
    const start = Math.floor(t / WINDOW_MS) * WINDOW_MS;
    const id = `${start}|${e.key}`;
    const cell = cells.get(id) ?? { start, key: e.key, count: 0, sum: 0 };
    cell.count++;
    cell.sum += e.value;
    cells.set(id, cell);
  }
  return [...cells.values()].map((c) => JSON.stringify([c.start, c.key, c.count, c.sum])).sort();
}

describe('names that Object.prototype also has', () => {
  it('are fields, node ids and aggregate names like any other, and give the naive answer', () => {
    fc.assert(
      fc.property(namesArb, fc.array(eventArb, { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 9 }), (names, events, threshold) => {
        const [time, key, value, flag] = names.fields as [string, string, string, string];
        const [count, sum] = names.aggregates as [string, string];
        const [src, filter, keyBy, window, aggregate, sink] = names.ids as [string, string, string, string, string, string];
        if (count === key || sum === key) return; // an aggregate may not share a key field's name (a compile error, tested elsewhere)
        let t = START;
        const timed = events.map((e) => ({ t: (t += e.gap), e }));
        const csv = [`${time},${key},${value},${flag}`, ...timed.map(({ t: at, e }) => `${at},${e.key},${e.value},${e.flag}`)].join('\n');
        const doc = pipeline([
          { id: src, kind: 'source.file', params: { format: 'csv', eventTime: time, timeFormat: 'epochMillis', data: csv } },
          { id: filter, kind: 'transform.filter', params: { expr: `${flag} >= ${threshold}` } },
          { id: keyBy, kind: 'transform.keyBy', params: { fields: [key] } },
          { id: window, kind: 'window.tumbling', params: { size: `${WINDOW_MS}ms` } },
          { id: aggregate, kind: 'aggregate', params: { aggregations: [{ name: count, fn: 'count' }, { name: sum, fn: 'sum', field: value }] } },
          { id: sink, kind: 'sink.collect' },
        ]);
        const result = runPipeline(doc);
        if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
        const rows = result.results.get(sink) ?? [];
        for (const row of rows) expect(Object.keys(row)).toEqual(['window_start', 'window_end', key, count, sum, 'revision']);
        const got = rows.map((r) => JSON.stringify([own(r, 'window_start'), own(r, key), own(r, count), own(r, sum)])).sort();
        expect(got).toEqual(naive(timed, threshold));
      }),
      { numRuns: 60 },
    );
  });
});

function own(row: object, name: string): unknown {
  return Object.getOwnPropertyDescriptor(row, name)?.value;
}
