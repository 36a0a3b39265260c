/**
 * The offsets a log-mode source has read, per partition: the next one it
 * expects. A message below it is a duplicate (a reconnect or a restored
 * snapshot replays what was read: drop it); above it is a gap (retention
 * dropped records while we were away, or the log was rewritten: say so). The
 * map is plain state, so snapshots, checkpoints and time travel carry it, and
 * reconnecting from `position()` resumes with no gap and no duplicate.
 */
import { formatLogStart, parseLogStart } from '../../../model';

export type OffsetVerdict =
  | { readonly kind: 'next' }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'gap'; readonly expected: number };

export interface LogOffsets {
  /** Snapshotted state: next offset by partition. */
  readonly next: Map<number, number>;
  judge(partition: number, offset: number): OffsetVerdict;
  /** The message at `offset` of `partition` was read. */
  advance(partition: number, offset: number): void;
  /** Where to reconnect: `offsets:P=O,...` once anything was read (or named), else the configured start. */
  position(): string;
}

/** Offsets starting at `from` (a LogStart text; `offsets:` seeds the map). */
export function createLogOffsets(from: string): LogOffsets {
  const next = new Map<number, number>();
  const start = parseLogStart(from);
  if (!('error' in start) && start.kind === 'offsets') for (const [p, o] of start.next) next.set(p, o);
  return {
    next,
    judge(partition, offset) {
      const expected = next.get(partition);
      // A partition first met starts wherever the server began it (earliest retained, latest, a time).
      if (expected === undefined || offset === expected) return { kind: 'next' };
      return offset < expected ? { kind: 'duplicate' } : { kind: 'gap', expected };
    },
    advance(partition, offset) {
      next.set(partition, offset + 1);
    },
    position: () => (next.size === 0 ? from : formatLogStart({ kind: 'offsets', next })),
  };
}
