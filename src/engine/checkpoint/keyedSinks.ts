/**
 * Exactly-once sinks. Each result a sink receives is keyed by its sink and
 * its output position (the n-th result that sink was given in the run), the
 * sequence number of Kafka's idempotent producer. A checkpoint records every
 * sink's output position with the runtime's snapshot; a run resumed from it
 * produces the results after it again, at the same output positions, and
 * they replace the ones delivered before the crash instead of being added
 * twice. Restored state is deterministic (sources are seeded, replayed or
 * re-read from their recorded offsets), so the n-th result is the same result.
 *
 * Why the output position and not the result's window, key and revision: a
 * sink after a union of two aggregates (or after a map that drops the window
 * fields, or a filter, or a log) receives results with no identity of their
 * own, or two with the same one; the position tells every result apart, and
 * windowed results keep their window, key and revision as fields (the
 * table marks superseded revisions by them).
 *
 * Results arrive in runs (a batch, a list of rows): the store holds segments
 * of them, [from, to) of an item, and splits one when a replacement starts
 * or ends inside it, so items are never copied here. Pure: the worker's
 * checkpoints and the exactly-once property test use this one module.
 */

/** Rows [from, to) of one delivered item, at output positions [start, start + to - from). */
export interface HeldSegment<T> {
  readonly start: number;
  readonly item: T;
  readonly from: number;
  readonly to: number;
}

interface SinkLedger<T> {
  /** The producer's next output position (results produced by this sink so far). */
  produced: number;
  /** Held segments in output order, contiguous. */
  held: HeldSegment<T>[];
}

export interface KeyedSinks<T> {
  /** Delivers `length` results (the item) as `sinkId`'s next; those at positions held already are replaced. */
  deliver(sinkId: string, item: T, length: number): void;
  /** Every sink's output position, as a checkpoint records it. */
  positions(): [string, number][];
  /** A resumed run produces again from `positions` (a sink not named: from 0). */
  rewind(positions: readonly (readonly [string, number])[]): void;
  /** The segments `sinkId` holds, oldest first. */
  contents(sinkId: string): readonly HeldSegment<T>[];
  /** Results held for `sinkId`. */
  size(sinkId: string): number;
  /** The sinks that were delivered to. */
  sinks(): string[];
  /** Drops what a run that went back to output positions `positions` will not produce again (time travel's old future). */
  truncate(positions: readonly (readonly [string, number])[]): void;
  /** Replaces every item, in place (the worker turns batches into chunks for a checkpoint). */
  mapItems(map: (item: T, from: number, to: number) => T, sinkId: string): void;
}

const lengthOf = (s: HeldSegment<unknown>): number => s.to - s.from;

/** The segments of `held` before output position `at`, the one straddling it cut there. */
function before<T>(held: readonly HeldSegment<T>[], at: number): HeldSegment<T>[] {
  const out: HeldSegment<T>[] = [];
  for (const s of held) {
    if (s.start >= at) break;
    out.push(s.start + lengthOf(s) <= at ? s : { start: s.start, item: s.item, from: s.from, to: s.from + (at - s.start) });
  }
  return out;
}

/** The segments of `held` from output position `at` on, the one straddling it cut there. */
function from<T>(held: readonly HeldSegment<T>[], at: number): HeldSegment<T>[] {
  const out: HeldSegment<T>[] = [];
  for (const s of held) {
    const end = s.start + lengthOf(s);
    if (end <= at) continue;
    out.push(s.start >= at ? s : { start: at, item: s.item, from: s.from + (at - s.start), to: s.to });
  }
  return out;
}

/**
 * Creates an empty store. `capOf` bounds what a sink holds (a table keeps
 * its newest maxRows): whole segments the newest `cap` results no longer
 * reach are let go, so a sink may hold up to one segment more than `cap`.
 */
export function createKeyedSinks<T>(capOf: (sinkId: string) => number = () => Infinity): KeyedSinks<T> {
  const ledgers = new Map<string, SinkLedger<T>>();
  const ledger = (id: string): SinkLedger<T> => {
    let l = ledgers.get(id);
    if (l === undefined) ledgers.set(id, (l = { produced: 0, held: [] }));
    return l;
  };
  const heldRows = (l: SinkLedger<T>): number => l.held.reduce((n, s) => n + lengthOf(s), 0);
  return {
    deliver(sinkId, item, length) {
      if (length <= 0) return;
      const l = ledger(sinkId);
      const start = l.produced;
      const end = start + length;
      const first = l.held[0]?.start ?? start;
      if (start > first + heldRows(l)) throw new Error(`keyed sink '${sinkId}': output position ${start} leaves a gap after ${first + heldRows(l)}`);
      // Positions before the oldest held were let go by the cap: the replacement of those parts is let go too.
      const skip = Math.max(0, first - start);
      const segment: HeldSegment<T> = { start: start + skip, item, from: skip, to: length };
      l.held = skip >= length ? l.held : [...before(l.held, start), segment, ...from(l.held, end)];
      l.produced = end;
      const cap = capOf(sinkId);
      let rows = heldRows(l);
      while (l.held.length > 1 && rows - lengthOf(l.held[0]!) >= cap) rows -= lengthOf(l.held.shift()!);
    },
    positions: () => [...ledgers].map(([id, l]) => [id, l.produced]),
    rewind(positions) {
      const at = new Map(positions);
      for (const [id, l] of ledgers) l.produced = at.get(id) ?? 0;
      for (const [id, n] of at) ledger(id).produced = n;
    },
    contents: (sinkId) => ledgers.get(sinkId)?.held ?? [],
    size: (sinkId) => {
      const l = ledgers.get(sinkId);
      return l === undefined ? 0 : heldRows(l);
    },
    sinks: () => [...ledgers.keys()],
    truncate(positions) {
      const at = new Map(positions);
      for (const [id, l] of ledgers) {
        const n = at.get(id) ?? 0;
        l.held = before(l.held, n);
        l.produced = Math.min(l.produced, n);
      }
    },
    mapItems(map, sinkId) {
      const l = ledgers.get(sinkId);
      if (l === undefined) return;
      l.held = l.held.map((s) => ({ start: s.start, item: map(s.item, s.from, s.to), from: 0, to: lengthOf(s) }));
    },
  };
}

/** The rows `sinkId` holds, oldest first, for items that are arrays of rows. */
export function heldRows<R>(sinks: KeyedSinks<readonly R[]>, sinkId: string): R[] {
  const out: R[] = [];
  for (const s of sinks.contents(sinkId)) for (let i = s.from; i < s.to; i++) out.push(s.item[i]!);
  return out;
}
