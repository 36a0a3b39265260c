/**
 * The bounded queue between a WebSocket and the pipeline: a columnar ring
 * buffer. When the pipeline falls behind, the oldest events go (and are
 * counted), because live data is worth more fresh than complete; memory stays
 * at `limit` rows whatever the server sends.
 */
import { createStringDict, newColumns, type Field, type RowBlock, type StringDict } from '../../batch';
import { heldNumber, snapshotMethods, type Held } from '../../snapshot/operatorState';
import type { Snapshottable } from '../../snapshot/types';

type Storage = Float64Array | Int32Array | Uint8Array;

/** Capacity grows by doubling up to the limit, so a small stream never holds a million-row buffer. */
const INITIAL_CAPACITY = 1024;

export interface EventQueue extends Pick<Snapshottable, 'snapshot' | 'restore'> {
  /** Events waiting. */
  readonly size: number;
  /** Events dropped (oldest first) because the queue was full. */
  readonly dropped: number;
  /** The per-field dictionaries, stable for the life of the queue, so codes never renumber. */
  readonly dicts: ReadonlyMap<string, StringDict>;
  /**
   * Appends one event: its time and, per field of `fields` (in order), a number,
   * a string code or 0/1. The event-time field's slot is ignored (it is `time`).
   */
  push(time: number, row: Float64Array): void;
  /** Removes the oldest `n` (<= size) events as a block of fresh arrays (no view into the ring). */
  take(n: number): RowBlock;
}

function allocate(type: Field['type'], capacity: number): Storage {
  if (type === 'string') return new Int32Array(capacity);
  if (type === 'boolean') return new Uint8Array(capacity);
  return new Float64Array(capacity);
}

/** Copies `n` slots starting at ring position `from` into a fresh array, unwrapping. */
function unwrap<T extends Storage>(ring: T, from: number, n: number, make: (length: number) => T): T {
  const out = make(n);
  const first = Math.min(n, ring.length - from);
  out.set(ring.subarray(from, from + first));
  if (first < n) out.set(ring.subarray(0, n - first), first);
  return out;
}

function fresh(ring: Storage): (length: number) => Storage {
  if (ring instanceof Int32Array) return (n) => new Int32Array(n);
  if (ring instanceof Uint8Array) return (n) => new Uint8Array(n);
  return (n) => new Float64Array(n);
}

/** Creates a queue of at most `limit` (>= 1) events of `fields`; `eventTime` names the time field. */
export function createEventQueue(fields: readonly Field[], eventTime: string, limit: number): EventQueue {
  const dicts = new Map<string, StringDict>();
  for (const f of fields) if (f.type === 'string') dicts.set(f.name, createStringDict());
  let capacity = Math.min(limit, INITIAL_CAPACITY);
  let time = new Float64Array(capacity);
  let rings = fields.map((f) => (f.name === eventTime ? null : allocate(f.type, capacity)));
  let head = 0;
  let size = 0;
  let dropped = 0;

  function grow(): void {
    const next = Math.min(limit, capacity * 2);
    const resize = <T extends Storage>(ring: T, make: (n: number) => T): T => {
      const out = make(next);
      out.set(unwrap(ring, head, size, make));
      return out;
    };
    time = resize(time, (n) => new Float64Array(n));
    rings = rings.map((ring) => (ring === null ? null : resize(ring, fresh(ring))));
    capacity = next;
    head = 0;
  }

  // The rings are replaced as they grow, so they are held like the numbers; the dictionaries belong to the source.
  const heldRings: Held = {
    get: () => ({ time: time.slice(), rings: rings.map((ring) => (ring === null ? null : ring.slice())) }),
    set(value) {
      const v = value as { time?: unknown; rings?: unknown };
      if (!(v.time instanceof Float64Array) || !Array.isArray(v.rings) || v.rings.length !== rings.length) throw new Error('snapshot: not the rings of this queue');
      time = v.time.slice();
      rings = (v.rings as (Storage | null)[]).map((ring) => (ring === null ? null : ring.slice()));
    },
  };
  return {
    ...snapshotMethods({}, [], {
      rings: heldRings,
      capacity: heldNumber(() => capacity, (n) => { capacity = n; }),
      head: heldNumber(() => head, (n) => { head = n; }),
      size: heldNumber(() => size, (n) => { size = n; }),
      dropped: heldNumber(() => dropped, (n) => { dropped = n; }),
    }),
    get size() { return size; },
    get dropped() { return dropped; },
    dicts,
    push(t: number, row: Float64Array): void {
      if (size === capacity && capacity < limit) grow();
      if (size === capacity) {
        head = (head + 1) % capacity;
        size--;
        dropped++;
      }
      const slot = (head + size) % capacity;
      time[slot] = t;
      for (let f = 0; f < rings.length; f++) {
        const ring = rings[f];
        if (ring !== null && ring !== undefined) ring[slot] = row[f]!;
      }
      size++;
    },
    take(n: number): RowBlock {
      const count = Math.min(n, size);
      const times = unwrap(time, head, count, (k) => new Float64Array(k));
      const columns = newColumns();
      fields.forEach((f, i) => {
        const ring = rings[i];
        if (ring === null || ring === undefined) columns[f.name] = { type: 'time', values: times };
        else if (f.type === 'string') columns[f.name] = { type: 'string', codes: unwrap(ring as Int32Array, head, count, (k) => new Int32Array(k)), dict: dicts.get(f.name)! };
        else if (f.type === 'boolean') columns[f.name] = { type: 'boolean', values: unwrap(ring as Uint8Array, head, count, (k) => new Uint8Array(k)) };
        else columns[f.name] = { type: f.type, values: unwrap(ring as Float64Array, head, count, (k) => new Float64Array(k)) };
      });
      head = capacity === 0 ? 0 : (head + count) % capacity;
      size -= count;
      return { length: count, time: times, columns };
    },
  };
}
