/**
 * Which snapshots a run keeps. One is taken every `interval` events; when
 * more than `capacity` are held, every other one goes (the first, position
 * 0, stays) and the interval doubles. So the snapshots stay evenly spaced
 * over the whole run, however long it gets, and a replay to any position
 * starts at most one interval before it: a random scrub costs the same
 * anywhere in the run, which exponentially thinned (recent-heavy) spacing
 * would not give.
 */

export interface Snapshot<S> {
  /** Run position (events read from all sources) at which it was taken. */
  readonly position: number;
  /** Journal index of the first entry after it. */
  readonly index: number;
  readonly state: S;
}

export interface SnapshotRing<S> {
  readonly interval: number;
  readonly list: readonly Snapshot<S>[];
  /** True when a snapshot is due at `position`. */
  due(position: number): boolean;
  add(snapshot: Snapshot<S>): void;
  /** The latest snapshot at or before `position`, if any is kept. */
  before(position: number): Snapshot<S> | undefined;
  /** Forgets the oldest one (the journal before the next one goes with it); returns the new oldest. */
  dropOldest(): Snapshot<S> | undefined;
  /** Forgets those taken after journal index `index` (the old future). */
  dropAfter(index: number): void;
}

export function createSnapshotRing<S>(capacity: number, firstInterval: number): SnapshotRing<S> {
  if (capacity < 2) throw new RangeError('a snapshot ring keeps two snapshots at least');
  let list: Snapshot<S>[] = [];
  let interval = firstInterval;
  return {
    get interval() { return interval; },
    get list() { return list; },
    due(position) {
      const last = list.at(-1);
      return last === undefined || position - last.position >= interval;
    },
    add(snapshot) {
      list.push(snapshot);
      if (list.length <= capacity) return;
      // Keep the first and every other one after it: spacing doubles, evenly.
      list = list.filter((_, i) => i % 2 === 0);
      interval *= 2;
    },
    before(position) {
      let lo = 0;
      let hi = list.length - 1;
      let found: Snapshot<S> | undefined;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.position <= position) {
          found = list[mid];
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found;
    },
    dropOldest() {
      list.shift();
      return list[0];
    },
    dropAfter(index) {
      list = list.filter((s) => s.index <= index);
    },
  };
}
