import { describe, expect, it } from 'vitest';
import { readCell, type Batch, type Field } from '../../batch';
import type { WebsocketSourceSpec } from '../../plan/types';
import { createMessageSource, DEAD_LETTER_TEXT_LENGTH } from './messageSource';

const FIELDS: Field[] = [
  { name: 'ts', type: 'time' },
  { name: 'device', type: 'string' },
  { name: 'temperature', type: 'number' },
  { name: 'ok', type: 'boolean' },
];

function spec(overrides: Partial<WebsocketSourceSpec> = {}): WebsocketSourceSpec {
  return { url: 'ws://localhost:8787/streams/sensors', format: 'auto', fields: FIELDS, eventTime: 'ts', timeFormat: 'epochMillis', boundMs: 0, queueLimit: 100, ...overrides };
}

function rows(batch: Batch | null): Record<string, unknown>[] {
  if (batch === null) throw new Error('expected a batch');
  return Array.from({ length: batch.length }, (_, r) =>
    Object.fromEntries(Object.entries(batch.columns).map(([name, c]) => [name, readCell(c, r)])));
}

const event = (ts: number, device = 'a', temperature = 20): string => JSON.stringify({ ts, device, temperature, ok: true });

describe('createMessageSource', () => {
  it('reads one JSON object per message', () => {
    const source = createMessageSource('ws', spec({ format: 'object' }));
    source.offer(event(1000, 'a', 21.5));
    source.offer(JSON.stringify({ ts: 2000, device: 'b' }));
    expect(rows(source.next(10))).toEqual([
      { ts: 1000, device: 'a', temperature: 21.5, ok: true },
      // Missing values: NaN (read as null), code -1 (null), and false for a boolean.
      { ts: 2000, device: 'b', temperature: null, ok: false },
    ]);
  });

  it('reads a JSON array of objects, and NDJSON lines', () => {
    const array = createMessageSource('ws', spec({ format: 'array' }));
    array.offer(`[${event(1)},${event(2)}]`);
    expect(rows(array.next(10)).map((r) => r.ts)).toEqual([1, 2]);
    const ndjson = createMessageSource('ws', spec({ format: 'ndjson' }));
    ndjson.offer(`${event(1)}\n\n${event(2)}\r\n${event(3)}\n`);
    expect(rows(ndjson.next(10)).map((r) => r.ts)).toEqual([1, 2, 3]);
  });

  it('detects the format of each message when auto', () => {
    const source = createMessageSource('ws', spec());
    source.offer(event(1));
    source.offer(`[${event(2)},${event(3)}]`);
    source.offer(`${event(4)}\n${event(5)}`);
    expect(rows(source.next(10)).map((r) => r.ts)).toEqual([1, 2, 3, 4, 5]);
    expect(source.stats()).toMatchObject({ messages: 3, deadLetters: 0, queued: 0 });
  });

  it('reads dotted fields from nested objects and numbers written as text', () => {
    const source = createMessageSource('ws', spec({ fields: [{ name: 'ts', type: 'time' }, { name: 'payload.amount', type: 'number' }] }));
    source.offer(JSON.stringify({ ts: '1700000000000', payload: { amount: '12.5' } }));
    expect(rows(source.next(10))).toEqual([{ ts: 1_700_000_000_000, 'payload.amount': 12.5 }]);
  });

  it('reads event times as epoch seconds, ISO-8601, or whatever auto sees first', () => {
    const seconds = createMessageSource('ws', spec({ timeFormat: 'epochSeconds' }));
    seconds.offer(JSON.stringify({ ts: 1.5 }));
    expect(rows(seconds.next(1))[0]!.ts).toBe(1500);
    const auto = createMessageSource('ws', spec({ timeFormat: 'auto' }));
    auto.offer(JSON.stringify({ ts: '2014-07-01T00:00:00Z' }));
    auto.offer(JSON.stringify({ ts: 1_404_172_800_000 }));
    expect(rows(auto.next(10)).map((r) => r.ts)).toEqual([1_404_172_800_000]);
    expect(auto.stats().lastDeadLetters[0]!.reason).toMatch(/ISO-8601/);
  });

  it('counts unreadable messages and events without a valid time as dead letters and goes on', () => {
    const source = createMessageSource('ws', spec({ timeFormat: 'auto' }));
    source.offer('{"ts": 1, "device": ');
    source.offer(JSON.stringify({ device: 'x' }));
    source.offer(JSON.stringify({ ts: 'soon' }));
    source.offer('[1, {"ts": 2}]');
    source.offer('42');
    source.offer('x'.repeat(1000));
    source.offer(event(3));
    const stats = source.stats();
    expect(stats.deadLetters).toBe(6);
    expect(stats.lastDeadLetters).toHaveLength(5);
    expect(stats.lastDeadLetters.map((d) => d.reason)).toEqual([
      'event time "ts" is missing',
      'event time "ts": cannot read "soon" as a time',
      'element 0: expected a JSON object, found a number',
      'expected a JSON object, found a number',
      expect.stringMatching(/^not JSON/),
    ]);
    expect(stats.lastDeadLetters[4]!.text).toHaveLength(DEAD_LETTER_TEXT_LENGTH + 1);
    // 'auto' reads small numbers as epoch seconds, as the file source does.
    expect(rows(source.next(10)).map((r) => r.ts)).toEqual([2000, 3000]);
  });

  it('drops the oldest events when the queue is full, and counts them', () => {
    const source = createMessageSource('ws', spec({ queueLimit: 3 }));
    for (let t = 1; t <= 5; t++) source.offer(event(t));
    expect(source.stats()).toMatchObject({ queued: 3, dropped: 2 });
    expect(rows(source.next(10)).map((r) => r.ts)).toEqual([3, 4, 5]);
    expect(source.stats().queued).toBe(0);
  });

  it('ends at exactly its limit, in the middle of a message', () => {
    const source = createMessageSource('ws', spec({ limit: 3 }));
    source.offer(`[${event(1)},${event(2)}]`);
    source.offer(`[${event(3)},${event(4)}]`);
    source.offer(event(5));
    expect(rows(source.next(10)).map((r) => r.ts)).toEqual([1, 2, 3]);
    expect(source.next(10)).toBeNull();
  });

  it('keeps order across the ring buffer growing and wrapping', () => {
    const source = createMessageSource('ws', spec({ queueLimit: 6000 }));
    let expected = 0;
    const seen: number[] = [];
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 1500; i++) source.offer(event(expected++, `d${expected % 7}`));
      seen.push(...rows(source.next(700)).map((r) => r.ts as number));
    }
    for (;;) {
      const batch = source.next(997);
      if (batch === null || batch.length === 0) break;
      seen.push(...rows(batch).map((r) => r.ts as number));
    }
    expect(source.stats().dropped).toBe(0);
    expect(seen).toEqual(Array.from({ length: 9000 }, (_, i) => i));
  });

  it('assigns watermarks per event with the bound, and keeps them across batches', () => {
    const source = createMessageSource('ws', spec({ boundMs: 10 }));
    source.offer(`[${event(100)},${event(90)},${event(120)}]`);
    const first = source.next(2)!;
    expect(Array.from(first.watermark)).toEqual([-Infinity, 89]);
    expect(first.endWatermark).toBe(89);
    const second = source.next(10)!;
    expect(Array.from(second.watermark)).toEqual([89]);
    expect(second.endWatermark).toBe(109);
  });

  it('returns an empty batch while nothing is queued, and null once closed and drained', () => {
    const source = createMessageSource('ws', spec());
    expect(source.next(10)!.length).toBe(0);
    source.offer(event(5));
    source.close();
    source.offer(event(6));
    expect(rows(source.next(10)).map((r) => r.ts)).toEqual([5]);
    expect(source.next(10)).toBeNull();
    const final = source.finalBatch();
    expect(final.length).toBe(0);
    expect(final.endWatermark).toBe(Infinity);
    expect(Object.keys(final.columns)).toEqual(['ts', 'device', 'temperature', 'ok']);
  });

  it('gives the same rows however the messages and batches are cut, with stable string codes', () => {
    const events = Array.from({ length: 50 }, (_, i) => event(i * 10, `d${i % 4}`, i));
    const whole = createMessageSource('ws', spec());
    whole.offer(`[${events.join(',')}]`);
    const pieces = createMessageSource('ws', spec());
    const got: Record<string, unknown>[] = [];
    const batches: Batch[] = [];
    events.forEach((e, i) => {
      pieces.offer(e);
      if (i % 7 === 0) batches.push(pieces.next(3)!);
    });
    batches.push(pieces.next(1000)!);
    for (const b of batches) got.push(...rows(b));
    expect(got).toEqual(rows(whole.next(1000)));
    const dictOf = (b: Batch): unknown => (b.columns.device?.type === 'string' ? b.columns.device.dict : null);
    expect(dictOf(batches[0]!)).toBe(dictOf(batches.at(-1)!));
  });

  it('hands out batches that later offers cannot change', () => {
    const source = createMessageSource('ws', spec({ queueLimit: 4 }));
    for (let t = 0; t < 4; t++) source.offer(event(t, `d${t}`));
    const first = source.next(2)!;
    const before = rows(first);
    for (let t = 4; t < 20; t++) source.offer(event(t, `d${t}`));
    source.next(100);
    expect(rows(first)).toEqual(before);
  });
});
