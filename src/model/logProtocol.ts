/**
 * The wire contract of the sample server's partitioned log (Kafka's model) and
 * of the WebSocket source in log mode that reads it. Pure TypeScript: the
 * server (Node), the worker and the CLI import it, so both ends agree on one
 * text for positions and one shape for messages.
 *
 * A topic is split into partitions by key hash; each partition is an
 * append-only sequence numbered by offsets 0, 1, 2, ... A consumer connects to
 *   ws://HOST/topics/NAME?from=START
 * where START is one of
 *   earliest                 every partition from its oldest retained record
 *   latest                   only what is appended after the connection
 *   offsets:0=12,1=40        partition 0 from offset 12, partition 1 from 40 (inclusive: the next to read);
 *                            partitions not named start at earliest
 *   time:1700000000000       per partition, the first record whose event time is at least this epoch ms
 * and receives text frames, each a JSON array of LogMessage (one or more, in
 * offset order within a partition). A START that does not parse is refused
 * with close code 1008 and a reason that says what is wrong.
 */

/** Where a consumer starts reading. */
export type LogStart =
  | { readonly kind: 'earliest' }
  | { readonly kind: 'latest' }
  | { readonly kind: 'offsets'; readonly next: ReadonlyMap<number, number> }
  | { readonly kind: 'time'; readonly at: number };

/** One record of a topic with its place in the log. */
export interface LogMessage {
  readonly partition: number;
  readonly offset: number;
  /** The record's event time, epoch ms (the server indexes partitions by it for `time:` starts). */
  readonly ts: number;
  /** The record itself, as a WebSocket source reads any JSON object. */
  readonly value: Readonly<Record<string, unknown>>;
}

/** One partition as /api/streams lists it. */
export interface PartitionInfo {
  readonly partition: number;
  /** The oldest offset still retained. */
  readonly earliest: number;
  /** The offset the next appended record will get (so earliest..next-1 are readable). */
  readonly next: number;
}

/** One topic as /api/streams lists it (under `topics`). */
export interface TopicInfo {
  readonly name: string;
  readonly partitions: readonly PartitionInfo[];
  /** Retention: records beyond this count per partition, or older than this many ms of event time, are dropped (null: unbounded). */
  readonly retention: { readonly maxRecords: number | null; readonly maxAgeMs: number | null };
  /** The consumer address, ws://HOST/topics/NAME. */
  readonly url: string;
}

/** The partition of a key: FNV-1a of its text modulo the partition count (stable across runs and machines). */
export function partitionOf(key: string, partitions: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % partitions;
}

const OFFSETS = /^offsets:(\d{1,9}=\d{1,15}(?:,\d{1,9}=\d{1,15})*)$/;
const TIME = /^time:(-?\d{1,16})$/;

/** Reads a START text; an error says what is wrong with it. */
export function parseLogStart(text: string): LogStart | { readonly error: string } {
  if (text === 'earliest') return { kind: 'earliest' };
  if (text === 'latest') return { kind: 'latest' };
  const offsets = OFFSETS.exec(text);
  if (offsets !== null) {
    const next = new Map<number, number>();
    for (const pair of offsets[1]!.split(',')) {
      const [p, o] = pair.split('=').map(Number) as [number, number];
      if (next.has(p)) return { error: `names partition ${p} twice` };
      if (!Number.isSafeInteger(o)) return { error: `offset ${o} of partition ${p} is too large` };
      next.set(p, o);
    }
    return { kind: 'offsets', next };
  }
  const time = TIME.exec(text);
  if (time !== null) return { kind: 'time', at: Number(time[1]) };
  return { error: `'${text.slice(0, 80)}' is not a start: use earliest, latest, offsets:P=O,P=O or time:EPOCH_MS` };
}

/** The START text of a position (offsets in partition order). */
export function formatLogStart(start: LogStart): string {
  switch (start.kind) {
    case 'earliest':
    case 'latest':
      return start.kind;
    case 'time':
      return `time:${start.at}`;
    case 'offsets':
      return `offsets:${[...start.next].sort((a, b) => a[0] - b[0]).map(([p, o]) => `${p}=${o}`).join(',')}`;
  }
}
