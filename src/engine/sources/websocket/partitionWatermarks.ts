/**
 * A watermark per partition of a log, and the source's as their minimum
 * (Flink's Kafka source: one slow partition holds the watermark, or events of
 * it would all be late). Each partition's bound is the source's
 * maxOutOfOrderness after the largest event time it delivered; a partition
 * silent longer than `idleMs` on the wall clock stops holding the others back
 * (as an idle source stops holding back a union, ../../run/idleInputs.ts) and
 * holds again from its next event. The combined watermark never goes back.
 */
import type { Batch, RowBlock } from '../../batch';

export interface PartitionWatermarks {
  /** Snapshotted state: largest event time per partition, and the last combined watermark. */
  readonly state: { readonly maxTime: Map<number, number>; readonly combined: { value: number } };
  /** An event of `partition` arrived at `now` (the clock's, for idleness). */
  heard(partition: number, now: number): void;
  /** The batch of `block`, whose row i came from `partitions[i]`, each row carrying the watermark before it. */
  assign(block: RowBlock, partitions: ArrayLike<number>): Batch;
  /**
   * The log has these partitions: each holds the watermark from now on, even
   * before its first event (else a partition whose backlog comes later would
   * find the watermark already past it), until it is idle.
   */
  expect(partitions: Iterable<number>): void;
  /** After a restore: idleness starts afresh (wall-clock times of another session mean nothing). */
  forgetSilence(): void;
}

export function createPartitionWatermarks(boundMs: number, idleMs: number | undefined, clock: () => number): PartitionWatermarks {
  const maxTime = new Map<number, number>();
  const combined = { value: -Infinity };
  const lastHeard = new Map<number, number>();
  const bound = boundMs + 1;

  /** The minimum over partitions not idle at `now` (over all of them when every one is idle). */
  function lowest(now: number, active: ReadonlySet<number>): number {
    let low = Infinity;
    let lowAll = Infinity;
    for (const [p, t] of maxTime) {
      if (t < lowAll) lowAll = t;
      if (t >= low) continue;
      const heard = lastHeard.get(p);
      const idle = idleMs !== undefined && !active.has(p) && heard !== undefined && now - heard >= idleMs;
      if (!idle) low = t;
    }
    return low === Infinity ? lowAll : low;
  }

  return {
    state: { maxTime, combined },
    heard(partition, now) {
      lastHeard.set(partition, now);
    },
    assign(block, partitions) {
      const n = block.length;
      const now = clock();
      const watermark = new Float64Array(n);
      // A partition known from a snapshot but not heard since starts its silence now.
      for (const p of maxTime.keys()) if (!lastHeard.has(p)) lastHeard.set(p, now);
      const active = new Set<number>();
      let current = combined.value;
      const raise = (): void => {
        const low = lowest(now, active);
        if (low !== Infinity && low - bound > current) current = low - bound;
      };
      raise();
      for (let i = 0; i < n; i++) {
        watermark[i] = current;
        const p = partitions[i]!;
        const t = block.time[i]!;
        const was = maxTime.get(p);
        const joined = !active.has(p);
        if (joined) active.add(p);
        const higher = was === undefined || t > was;
        if (higher) maxTime.set(p, t);
        if (joined || higher) raise();
      }
      combined.value = current;
      return { length: n, time: block.time, columns: block.columns, watermark, endWatermark: current, keys: null, keyBound: undefined };
    },
    expect(partitions) {
      for (const p of partitions) if (!maxTime.has(p)) maxTime.set(p, -Infinity);
    },
    forgetSilence() {
      lastHeard.clear();
    },
  };
}
