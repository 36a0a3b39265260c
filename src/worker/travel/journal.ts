/**
 * The journal of a run: everything its runtime was given, in order, so a
 * run restored from a snapshot can be replayed to any later position and
 * come out the same. Pacing (how much event time each slice let through),
 * processing time (the clock at each step and tick), the rows asked for,
 * and WebSocket messages as they arrived. It is bounded: the oldest entries
 * go (with the snapshots they lead from), see `dropBefore`.
 */

export type JournalEntry =
  /** A slice let `eventMs` of event time through the paced sources. */
  | { readonly kind: 'advance'; readonly eventMs: number; readonly maxWaitEventMs: number }
  | { readonly kind: 'tick'; readonly now: number }
  /** runtime.step(rows) with the pace gate `free` and the clock at `now`; the run stood at `after` when it returned. */
  | { readonly kind: 'step'; readonly rows: number; readonly free: boolean; readonly now: number; readonly after: number }
  | { readonly kind: 'message'; readonly sourceId: string; readonly text: string }
  | { readonly kind: 'close'; readonly sourceId: string };

export interface Journal {
  /** Index of the first entry kept (entries before it were dropped). */
  readonly start: number;
  /** Index one past the last entry. */
  readonly end: number;
  /** Characters of message text held, the costly part. */
  readonly chars: number;
  append(entry: JournalEntry): void;
  at(index: number): JournalEntry;
  /** Forgets entries before `index` (they can no longer be replayed). */
  dropBefore(index: number): void;
  /** Forgets entries from `index` on (the old future, when a run goes on from the past); returns them. */
  cut(index: number): JournalEntry[];
}

export function createJournal(): Journal {
  let entries: JournalEntry[] = [];
  let start = 0;
  let chars = 0;
  const weigh = (e: JournalEntry): number => (e.kind === 'message' ? e.text.length : 0);
  return {
    get start() { return start; },
    get end() { return start + entries.length; },
    get chars() { return chars; },
    append(entry) {
      entries.push(entry);
      chars += weigh(entry);
    },
    at(index) {
      const entry = entries[index - start];
      if (entry === undefined) throw new RangeError(`journal entry ${index} is not kept (${start}..${start + entries.length})`);
      return entry;
    },
    dropBefore(index) {
      const n = Math.min(Math.max(0, index - start), entries.length);
      if (n === 0) return;
      for (let i = 0; i < n; i++) chars -= weigh(entries[i]!);
      entries = entries.slice(n);
      start += n;
    },
    cut(index) {
      const from = Math.max(0, index - start);
      const removed = entries.slice(from);
      entries.length = from;
      for (const e of removed) chars -= weigh(e);
      return removed;
    },
  };
}
