import { describe, expect, it } from 'vitest';
import { createMessageSource } from './messageSource';
import { carry, frame, logSpec, rowsOf } from './testLog';

describe('a WebSocket source in log mode', () => {
  it('reads frames of log messages and tracks the next offset per partition', () => {
    const source = createMessageSource('log', logSpec());
    expect(source.position()).toBe('earliest');
    source.offer(frame([{ partition: 0, offset: 0, ts: 10 }, { partition: 1, offset: 0, ts: 11 }, { partition: 0, offset: 1, ts: 12 }]));
    expect(rowsOf(source.next(10)).map((r) => [r.p, r.o])).toEqual([[0, 0], [1, 0], [0, 1]]);
    expect(source.position()).toBe('offsets:0=2,1=1');
    expect(source.stats()).toMatchObject({ position: 'offsets:0=2,1=1', duplicates: 0, deadLetters: 0 });
  });

  it('drops a message whose offset was read already, and counts it', () => {
    const source = createMessageSource('log', logSpec());
    source.offer(frame([{ partition: 0, offset: 0, ts: 1 }, { partition: 0, offset: 1, ts: 2 }]));
    // A reconnect that replays from an older position.
    source.offer(frame([{ partition: 0, offset: 0, ts: 1 }, { partition: 0, offset: 1, ts: 2 }, { partition: 0, offset: 2, ts: 3 }]));
    expect(rowsOf(source.next(10)).map((r) => r.o)).toEqual([0, 1, 2]);
    expect(source.stats().duplicates).toBe(2);
    expect(source.takeDiagnostics!()).toEqual([]);
  });

  it('reports a gap naming the partition and the missing offsets, and reads on', () => {
    const source = createMessageSource('log', logSpec());
    source.offer(frame([{ partition: 3, offset: 4, ts: 1 }, { partition: 3, offset: 9, ts: 2 }]));
    expect(rowsOf(source.next(10)).map((r) => r.o)).toEqual([4, 9]);
    expect(source.takeDiagnostics!()).toEqual(['partition 3: offsets 5 to 8 are missing from the log (expected offset 5, received 9)']);
    expect(source.takeDiagnostics!()).toEqual([]);
  });

  it('starts from the offsets it is configured with: below is a duplicate, above a gap', () => {
    const source = createMessageSource('log', logSpec({}, 'offsets:0=5'));
    expect(source.position()).toBe('offsets:0=5');
    source.offer(frame([{ partition: 0, offset: 4, ts: 1 }, { partition: 0, offset: 5, ts: 2 }]));
    expect(rowsOf(source.next(10)).map((r) => r.o)).toEqual([5]);
    expect(source.stats().duplicates).toBe(1);
  });

  it('makes a dead letter of what is not a log message, and keeps the offset of an unreadable value', () => {
    const source = createMessageSource('log', logSpec());
    source.offer('not json');
    source.offer(JSON.stringify([{ partition: -1, offset: 0, ts: 0, value: {} }, { partition: 0, offset: 0, ts: 0, value: { p: 0 } }]));
    expect(source.stats().deadLetters).toBe(3);
    expect(source.stats().lastDeadLetters.map((d) => d.reason)).toEqual([
      expect.stringMatching(/^not JSON/),
      'element 0: partition: expected a whole number >= 0',
      expect.stringMatching(/^partition 0 offset 0: event time "ts" is missing/),
    ]);
    // The unreadable record was consumed: a replay of it is a duplicate, not read again.
    expect(source.position()).toBe('offsets:0=1');
  });

  it('holds the watermark at the slowest partition, each known partition from before its first event', () => {
    const source = createMessageSource('log', logSpec({ boundMs: 10 }));
    source.expectPartitions([0, 1]);
    source.offer(frame([{ partition: 0, offset: 0, ts: 1000 }, { partition: 0, offset: 1, ts: 5000 }, { partition: 1, offset: 0, ts: 100 }]));
    const batch = source.next(10)!;
    expect(rowsOf(batch).map((r) => r.wm)).toEqual([-Infinity, -Infinity, -Infinity]);
    expect(batch.endWatermark).toBe(100 - 11);
    source.offer(frame([{ partition: 1, offset: 1, ts: 3000 }]));
    expect(source.next(10)!.endWatermark).toBe(3000 - 11);
  });

  it('counts a partition only once seen when nobody said which partitions there are, and never goes back', () => {
    const source = createMessageSource('log', logSpec({ boundMs: 10 }));
    source.offer(frame([{ partition: 0, offset: 0, ts: 1000 }, { partition: 1, offset: 0, ts: 100 }]));
    const batch = source.next(10)!;
    expect(rowsOf(batch).map((r) => r.wm)).toEqual([-Infinity, 1000 - 11]);
    expect(batch.endWatermark).toBe(1000 - 11);
  });

  it('lets partitions named by an offsets start hold the watermark', () => {
    const source = createMessageSource('log', logSpec({}, 'offsets:0=0,1=0'));
    source.offer(frame([{ partition: 0, offset: 0, ts: 1000 }]));
    expect(source.next(10)!.endWatermark).toBe(-Infinity);
  });

  it('lets a partition silent past the idle timeout stop holding the watermark, until it speaks again', () => {
    let now = 0;
    const source = createMessageSource('log', logSpec({}, 'earliest', 1000), () => now);
    source.expectPartitions([0, 1]);
    source.offer(frame([{ partition: 0, offset: 0, ts: 100 }, { partition: 1, offset: 0, ts: 50 }]));
    expect(source.next(10)!.endWatermark).toBe(49);
    now = 500;
    source.offer(frame([{ partition: 0, offset: 1, ts: 900 }]));
    expect(source.next(10)!.endWatermark).toBe(49);
    now = 1200; // partition 1 silent for 1200 ms, partition 0 for 700
    expect(source.next(10)!.endWatermark).toBe(899);
    // Its next event makes it count again; the watermark does not go back.
    source.offer(frame([{ partition: 1, offset: 1, ts: 60 }]));
    const back = source.next(10)!;
    expect(rowsOf(back).map((r) => r.wm)).toEqual([899]);
    expect(back.endWatermark).toBe(899);
  });

  it('carries offsets and partition watermarks through a snapshot, so a restored source drops what it read', () => {
    const first = createMessageSource('log', logSpec({ boundMs: 0 }));
    first.offer(frame([{ partition: 0, offset: 0, ts: 10 }, { partition: 1, offset: 0, ts: 20 }]));
    first.next(10);
    const restored = createMessageSource('log', logSpec({ boundMs: 0 }));
    carry(first, restored);
    expect(restored.position()).toBe('offsets:0=1,1=1');
    restored.offer(frame([{ partition: 0, offset: 0, ts: 10 }, { partition: 0, offset: 1, ts: 30 }]));
    const batch = restored.next(10)!;
    expect(rowsOf(batch).map((r) => [r.p, r.o, r.wm])).toEqual([[0, 1, 9]]);
    expect(batch.endWatermark).toBe(19);
    expect(restored.stats().duplicates).toBe(1);
  });

  it('leaves what does not fit in a full queue unread instead of dropping it, and reads it again from its position', () => {
    const source = createMessageSource('log', logSpec({ queueLimit: 2 }));
    source.offer(frame([0, 1, 2, 3].map((o) => ({ partition: 0, offset: o, ts: o }))));
    expect(source.stats()).toMatchObject({ queued: 2, dropped: 0, overflowed: true, position: 'offsets:0=2' });
    expect(rowsOf(source.next(10)).map((r) => r.o)).toEqual([0, 1]);
    // The rest of that connection's stream is skipped without a gap; the reconnect from the position reads on.
    source.offer(frame([{ partition: 0, offset: 5, ts: 5 }]));
    source.offer(frame([2, 3].map((o) => ({ partition: 0, offset: o, ts: o }))));
    expect(rowsOf(source.next(10)).map((r) => r.o)).toEqual([2, 3]);
    expect(source.takeDiagnostics!()).toEqual([]);
    expect(source.stats().overflowed).toBe(false);
  });
});
