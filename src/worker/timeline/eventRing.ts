/**
 * The recent events at the followed window node, in arrival order, in
 * columns of a fixed-size ring (the oldest drop out), with the fields of the
 * most recent ones kept for the hover detail.
 */
import type { PreviewRecord } from '../protocol';

export class EventRing {
  readonly position: Float64Array;
  readonly time: Float64Array;
  readonly arrivedAt: Float64Array;
  readonly watermark: Float64Array;
  /** The recorder's key id. */
  readonly key: Int32Array;
  readonly fate: Uint8Array;
  private readonly fields: (PreviewRecord | undefined)[];
  private readonly fieldSeq: Float64Array;
  /** Fields of late and revision events, kept longer than the others' (they are what people ask about), oldest first. */
  private readonly specialFields = new Map<number, PreviewRecord>();
  /** Arrival number of the oldest kept event (1-based); events are numbered without gaps. */
  firstSeq = 1;
  /** Arrival number of the newest event (0 before the first). */
  lastSeq = 0;

  constructor(readonly capacity: number, readonly fieldCapacity: number) {
    this.position = new Float64Array(capacity);
    this.time = new Float64Array(capacity);
    this.arrivedAt = new Float64Array(capacity);
    this.watermark = new Float64Array(capacity);
    this.key = new Int32Array(capacity);
    this.fate = new Uint8Array(capacity);
    this.fields = new Array<PreviewRecord | undefined>(fieldCapacity).fill(undefined);
    this.fieldSeq = new Float64Array(fieldCapacity).fill(-1);
  }

  get length(): number {
    return this.lastSeq - this.firstSeq + 1;
  }

  /** Slot of event `seq` (which must be kept). */
  slot(seq: number): number {
    return seq % this.capacity;
  }

  has(seq: number): boolean {
    return seq >= this.firstSeq && seq <= this.lastSeq;
  }

  /** Appends an event; returns its arrival number. */
  push(position: number, time: number, arrivedAt: number, watermark: number, key: number, fate: number): number {
    const seq = ++this.lastSeq;
    if (this.length > this.capacity) this.firstSeq = seq - this.capacity + 1;
    const i = seq % this.capacity;
    this.position[i] = position;
    this.time[i] = time;
    this.arrivedAt[i] = arrivedAt;
    this.watermark[i] = watermark;
    this.key[i] = key;
    this.fate[i] = fate;
    return seq;
  }

  setFields(seq: number, record: PreviewRecord, special: boolean): void {
    if (special) {
      this.specialFields.set(seq, record);
      if (this.specialFields.size > this.fieldCapacity) this.specialFields.delete(this.specialFields.keys().next().value!);
    }
    const i = seq % this.fieldCapacity;
    this.fields[i] = record;
    this.fieldSeq[i] = seq;
  }

  fieldsOf(seq: number): PreviewRecord | null {
    const i = seq % this.fieldCapacity;
    return this.fieldSeq[i] === seq ? (this.fields[i] ?? null) : (this.specialFields.get(seq) ?? null);
  }

  /** The newest kept event whose position is at most `position` (positions never decrease), or firstSeq - 1. */
  lastAtOrBefore(position: number): number {
    let lo = this.firstSeq;
    let hi = this.lastSeq;
    if (hi < lo || this.position[this.slot(lo)]! > position) return this.firstSeq - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.position[this.slot(mid)]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Forgets the events after `seq`; the next one pushed is seq + 1 (a rewind before the kept events keeps none). */
  truncate(seq: number): void {
    for (const s of [...this.specialFields.keys()]) if (s > seq) this.specialFields.delete(s);
    for (let s = Math.max(seq + 1, this.firstSeq); s <= this.lastSeq; s++) {
      const i = s % this.fieldCapacity;
      if (this.fieldSeq[i] === s) {
        this.fieldSeq[i] = -1;
        this.fields[i] = undefined;
      }
    }
    this.lastSeq = seq;
    if (seq < this.firstSeq) this.firstSeq = seq + 1;
  }
}
