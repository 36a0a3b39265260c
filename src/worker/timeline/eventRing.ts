/**
 * The recent events at the followed window node, in arrival order, in
 * columns of a fixed-size ring (the oldest drop out), with the fields of the
 * most recent ones for the hover detail: read on demand from the batches
 * they came in (a host with a tap gives every batch fresh arrays, see
 * OperatorContext.outputsKept, so they may be kept), and copied out for late
 * and revision events, which are kept longer.
 */
import { readCell, type Batch } from '../../engine/batch';
import type { PreviewRecord } from '../protocol';

export class EventRing {
  readonly position: Float64Array;
  readonly time: Float64Array;
  readonly arrivedAt: Float64Array;
  readonly watermark: Float64Array;
  /** The recorder's key id. */
  readonly key: Int32Array;
  readonly fate: Uint8Array;
  /** Per slot: the serial of the batch the event came in, and its row there. */
  private readonly batchOf: Float64Array;
  private readonly rowOf: Int32Array;
  /** Batches the newest fieldCapacity events came in, by serial. */
  private readonly batches = new Map<number, Batch>();
  private batchSerial = 0;
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
    this.batchOf = new Float64Array(capacity).fill(-1);
    this.rowOf = new Int32Array(capacity);
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

  /** Starts a batch whose events are pushed next (with their rows in it: see setRow). */
  beginBatch(batch: Batch): void {
    this.batches.set(++this.batchSerial, batch);
    // Batches older than the newest fieldCapacity events' are let go.
    const oldest = this.lastSeq - this.fieldCapacity + 1;
    if (this.has(oldest)) {
      const keep = this.batchOf[this.slot(oldest)]!;
      for (const serial of this.batches.keys()) {
        if (serial >= keep) break;
        this.batches.delete(serial);
      }
    }
  }

  /** Event `seq` is row `row` of the batch begun last. */
  setRow(seq: number, row: number): void {
    const i = this.slot(seq);
    this.batchOf[i] = this.batchSerial;
    this.rowOf[i] = row;
  }

  /** Keeps a copy of a late or revision event's fields (they outlive its batch). */
  keepFields(seq: number): void {
    const record = this.readFields(seq);
    if (record === null) return;
    this.specialFields.set(seq, record);
    if (this.specialFields.size > this.fieldCapacity) this.specialFields.delete(this.specialFields.keys().next().value!);
  }

  private readFields(seq: number): PreviewRecord | null {
    if (!this.has(seq) || seq <= this.lastSeq - this.fieldCapacity) return null;
    const i = this.slot(seq);
    const batch = this.batches.get(this.batchOf[i]!);
    if (batch === undefined) return null;
    // No prototype: a field called __proto__ is a field like any other.
    const record = Object.create(null) as Record<string, string | number | boolean | null>;
    for (const name of Object.keys(batch.columns)) record[name] = readCell(batch.columns[name]!, this.rowOf[i]!);
    return record;
  }

  fieldsOf(seq: number): PreviewRecord | null {
    return this.specialFields.get(seq) ?? this.readFields(seq);
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
    this.lastSeq = seq;
    if (seq < this.firstSeq) this.firstSeq = seq + 1;
  }
}
