import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLogStart } from '../../../model';
import { createMessageSource } from './messageSource';
import { carry, frame, logSpec, rowsOf, type Msg } from './testLog';
import type { MessageSource } from './types';

/** A small deterministic PRNG, so one fast-check seed drives the whole interleaving. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a server would send from `start` (next offset per partition), partitions interleaved at random. */
function connection(log: readonly Msg[][], start: ReadonlyMap<number, number>, random: () => number): () => Msg | null {
  const cursor = log.map((_, p) => start.get(p) ?? 0);
  return () => {
    const open = cursor.flatMap((o, p) => (o < log[p]!.length ? [p] : []));
    if (open.length === 0) return null;
    const p = open[Math.floor(random() * open.length)]!;
    return log[p]![cursor[p]!++]!;
  };
}

const positionOf = (source: MessageSource): Map<number, number> => {
  const start = parseLogStart(source.position()!);
  return 'error' in start || start.kind !== 'offsets' ? new Map() : new Map(start.next);
};

/*
 * The log mode's promise: whatever the interleaving of partitions, the frame
 * sizes, the reconnects (from a stale position, so the server replays what was
 * read), a queue too small for the stream, and crashes that go back to the
 * last snapshot and drop what was output since, the rows reaching the
 * pipeline are each offset of each partition exactly once, in offset order
 * per partition, and none is behind the watermark (the minimum over partitions).
 */
describe('a log-mode source under reconnects, replays and crashes', () => {
  it('delivers every offset exactly once, in order per partition, never late', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 25 }), { minLength: 1, maxLength: 4 }),
      fc.integer(), fc.constantFrom(3, 7, 10_000),
      (lengths, seed, queueLimit) => {
        const random = prng(seed);
        const int = (n: number): number => Math.floor(random() * n);
        const log: Msg[][] = lengths.map((n, p) => {
          let ts = 1000 + int(50);
          return Array.from({ length: n }, (_, offset) => ({ partition: p, offset, ts: (ts += int(30)) }));
        });
        const make = (): MessageSource => {
          const s = createMessageSource('log', logSpec({ queueLimit }));
          s.expectPartitions(log.keys());
          return s;
        };
        let source = make();
        const out: ReturnType<typeof rowsOf> = [];
        let saved: { state: MessageSource; outLength: number } | null = null;
        const reconnect = (overlap: number): (() => Msg | null) => {
          const start = new Map([...positionOf(source)].map(([p, o]) => [p, Math.max(0, o - int(overlap + 1))]));
          return connection(log, start, random);
        };
        let conn = connection(log, new Map(), random);
        const drain = (): void => { out.push(...rowsOf(source.next(1 + int(8)))); };
        for (let step = 0; step < 400; step++) {
          const action = random();
          if (action < 0.5) {
            const msgs: Msg[] = [];
            for (let k = 1 + int(5); k > 0; k--) {
              const m = conn();
              if (m !== null) msgs.push(m);
            }
            if (msgs.length > 0) source.offer(frame(msgs));
          } else if (action < 0.8) drain();
          else if (action < 0.88) conn = reconnect(3);
          else if (action < 0.94) {
            const copy = make();
            carry(source, copy);
            saved = { state: copy, outLength: out.length };
          } else if (saved !== null) {
            // A crash: what was output after the checkpoint was never committed.
            source = make();
            carry(saved.state, source);
            out.length = saved.outLength;
            conn = reconnect(2);
          }
          // The host's answer to an overflow: reconnect from the position once the queue has room.
          if (source.stats().overflowed === true && source.stats().queued < queueLimit) conn = reconnect(0);
        }
        // Read to the end: reconnect whenever the stream runs dry before every offset is in.
        for (let round = 0; round < 10_000 && [...log.keys()].some((p) => (positionOf(source).get(p) ?? 0) < log[p]!.length || source.stats().queued > 0); round++) {
          const m = conn();
          if (m === null || source.stats().overflowed === true) conn = reconnect(0);
          if (m !== null) source.offer(frame([m]));
          drain();
        }
        const byPartition = log.map((_, p) => out.filter((r) => r.p === p).map((r) => r.o));
        expect(byPartition).toEqual(log.map((msgs) => msgs.map((m) => m.offset)));
        expect(source.takeDiagnostics!()).toEqual([]);
        for (const r of out) expect(r.ts).toBeGreaterThan(r.wm);
        for (let i = 1; i < out.length; i++) expect(out[i]!.wm).toBeGreaterThanOrEqual(out[i - 1]!.wm);
        expect(source.next(0)!.endWatermark).toBe(Math.min(...log.map((msgs) => msgs.at(-1)!.ts)) - 1);
      },
    ), { numRuns: 100 });
  });
});
