/**
 * The timeline recorder of one followed window node: what the engine's trace
 * says about every event that reached it (its key, time, fate and the
 * watermark it met), its windows and their results (from the node's output
 * batches), and the watermark's path. Memory is bounded: a ring of recent
 * events (fields for the newest), a bounded window book, a bounded path.
 */
import { readCell, type Batch } from '../../engine/batch';
import type { RowsTraceEvent, TraceEvent } from '../../engine/operators/types';
import type { WatermarkPoint } from '../timelineTypes';
import { ownBatch } from '../ownBatch';
import { EventRing } from './eventRing';
import type { TimelineNodeInfo } from './nodeInfo';
import { WindowBook } from './windowBook';

export interface RecorderLimits {
  readonly events: number;
  readonly eventFields: number;
  readonly windows: number;
  readonly watermarkPoints: number;
}

export const DEFAULT_LIMITS: RecorderLimits = { events: 100_000, eventFields: 20_000, windows: 10_000, watermarkPoints: 20_000 };

/** Columns of a result row that are not its aggregates. */
const NOT_AGGREGATES = new Set(['window_start', 'window_end', 'revision']);

export class TimelineRecorder {
  readonly ring: EventRing;
  readonly book: WindowBook;
  /** Key text -> the recorder's key id; keyNames[id] is the text, keyEvents[id] its events so far. */
  readonly keyIds = new Map<string, number>();
  readonly keyNames: string[] = [];
  readonly keyEvents: number[] = [];
  /** Where the node's watermark moved, oldest first (bounded: older points thinned to every other one). */
  watermarks: WatermarkPoint[] = [];
  maxEventTime = -Infinity;
  /** The run position when recording began (events before it were not traced). */
  recordedFrom: number;
  /** The run position where recording stopped at its limit (RunTimeline.setLimit), or null while it goes on. */
  recordedTo: number | null = null;
  /** The newest rows batch's arrival numbers and watermarks, to date a watermark-driven firing. */
  private lastBatch: { before: Float64Array; watermark: Float64Array } = { before: new Float64Array(0), watermark: new Float64Array(0) };

  constructor(readonly info: TimelineNodeInfo, private readonly now: () => number, private readonly position: () => number, readonly limits: RecorderLimits = DEFAULT_LIMITS) {
    this.ring = new EventRing(limits.events, limits.eventFields);
    this.book = new WindowBook(info, limits.windows);
    this.recordedFrom = position();
  }

  get watermark(): number {
    return this.watermarks.at(-1)?.watermark ?? -Infinity;
  }

  keyId(text: string): number {
    let id = this.keyIds.get(text);
    if (id === undefined) {
      id = this.keyNames.length;
      this.keyIds.set(text, id);
      this.keyNames.push(text);
      this.keyEvents.push(0);
    }
    return id;
  }

  /** Sessions' firings traced during the batch at hand, waiting for its rows to say after which event each came. */
  private pendingFirings: { key: number; start: number; end: number; row: number; caused: boolean }[] = [];
  /** Resolved firings by extent: the arrival number after which each fired, for its result row. */
  private readonly firingSeqs = new Map<string, number[]>();

  onTrace(e: TraceEvent): void {
    if (e.type === 'rows') this.onRows(e);
    else if ((e.type === 'fired' || e.type === 'revised') && e.row !== undefined) {
      this.pendingFirings.push({ key: e.keys ?? 0, start: e.windowStart, end: e.windowEnd, row: e.row, caused: e.caused === true });
    }
  }

  private resolveFirings(keyText: (id: number) => string, seqOfRow: ReadonlyMap<number, number>): void {
    for (const f of this.pendingFirings) {
      const at = f.row < 0 ? undefined : seqOfRow.get(f.row);
      const seq = at === undefined ? this.ring.lastSeq : f.caused ? at : at - 1;
      const id = `${keyText(f.key)}\u0000${f.start}\u0000${f.end}`;
      const list = this.firingSeqs.get(id);
      if (list === undefined) this.firingSeqs.set(id, [seq]);
      else list.push(seq);
    }
    this.pendingFirings = [];
  }

  /** The engine's key ids (stable for the operator's life) -> the recorder's, -1 until seen. */
  private engineKeys = new Int32Array(64).fill(-1);

  private keyOfEngine(id: number, keyText: (id: number) => string): number {
    if (id >= this.engineKeys.length) {
      const grown = new Int32Array(Math.max(id + 1, this.engineKeys.length * 2)).fill(-1);
      grown.set(this.engineKeys);
      this.engineKeys = grown;
    }
    let key = this.engineKeys[id]!;
    if (key < 0) key = this.engineKeys[id] = this.keyId(keyText(id));
    return key;
  }

  private onRows(e: RowsTraceEvent): void {
    const position = this.position();
    const arrivedAt = this.now();
    const n = e.rows.length;
    const ring = this.ring;
    // Per row: the arrival number of the last event before it (rows between windows get none of their own).
    const before = new Float64Array(n);
    // The ring reads events' fields later; the engine reuses the batch's arrays (valid during the call only).
    ring.beginBatch(ownBatch(e.batch));
    const pending = this.pendingFirings.length > 0;
    const seqOfRow = new Map<number, number>();
    for (let j = 0; j < n; j++) {
      before[j] = ring.lastSeq;
      const fate = e.fates[j]!;
      // Rows between windows (ROW_DROPPED) reached no window: they are not marks.
      if (fate > 2) continue;
      const key = this.keyOfEngine(e.keys[j]!, e.keyText);
      const time = e.time[j]!;
      const watermark = e.watermark[j]!;
      const seq = ring.push(position, time, arrivedAt, watermark, key, fate);
      ring.setRow(seq, e.rows[j]!);
      if (pending) seqOfRow.set(e.rows[j]!, seq);
      this.keyEvents[key]!++;
      if (time > this.maxEventTime) this.maxEventTime = time;
      if (fate !== 0) ring.keepFields(seq);
      this.book.assign(key, this.keyNames[key]!, time, watermark, fate, seq, position);
    }
    if (pending) this.resolveFirings(e.keyText, seqOfRow);
    this.lastBatch = { before, watermark: e.watermark.slice() };
    const end = Math.max(n > 0 ? e.watermark[n - 1]! : -Infinity, e.batch.endWatermark, this.watermark);
    if (end > this.watermark || this.watermarks.length === 0) this.addWatermark({ seq: this.ring.lastSeq, position, arrivedAt, watermark: end });
  }

  private addWatermark(p: WatermarkPoint): void {
    this.watermarks.push(p);
    if (this.watermarks.length > this.limits.watermarkPoints) {
      // Thin the older half to every other point: the path keeps its whole span, coarser further back.
      const half = this.watermarks.length >> 1;
      this.watermarks = [...this.watermarks.slice(0, half).filter((_, i) => i % 2 === 1), ...this.watermarks.slice(half)];
    }
  }

  /** Arrival number after which the watermark reached `w` in the newest batch (its last when it did not). */
  private firedAfter(w: number): number {
    const { before, watermark } = this.lastBatch;
    for (let j = 0; j < watermark.length; j++) if (watermark[j]! >= w) return before[j]!;
    return this.ring.lastSeq;
  }

  /** A batch the node emitted on `out`: its result rows. */
  onResults(batch: Batch, rows: Int32Array | null): void {
    const n = rows === null ? batch.length : rows.length;
    if (n === 0) return;
    // Result rows stay in their batch until someone asks for them: a copy, as the engine may reuse its arrays.
    const kept = ownBatch(batch);
    const { columns } = kept;
    const start = columns['window_start'];
    const end = columns['window_end'];
    if (start === undefined || end === undefined) return;
    const names = Object.keys(columns);
    const firstAggregate = names.find((name) => !NOT_AGGREGATES.has(name) && !this.info.keyFields.includes(name));
    const position = this.position();
    // Firings without a rows batch after them (a tick of processing time) came after every event so far.
    if (this.pendingFirings.length > 0) this.resolveFirings((id) => this.keyNames[id] ?? '', new Map());
    const keyColumns = this.info.keyFields.map((f) => columns[f]);
    const revisionColumn = columns['revision'];
    const valueColumn = firstAggregate === undefined ? undefined : columns[firstAggregate];
    for (let j = 0; j < n; j++) {
      const i = rows === null ? j : rows[j]!;
      const keyText = keyColumns.map((c) => { const v = c === undefined ? null : readCell(c, i); return v === null ? 'null' : String(v); }).join(', ');
      const s = readCell(start, i) as number;
      const e = readCell(end, i) as number;
      const rev = revisionColumn === undefined ? 0 : readCell(revisionColumn, i);
      const value = valueColumn === undefined ? null : readCell(valueColumn, i);
      const id = `${keyText}\u0000${s}\u0000${e}`;
      const traced = this.firingSeqs.get(id)?.shift();
      if (this.firingSeqs.get(id)?.length === 0) this.firingSeqs.delete(id);
      this.book.addResult(this.keyId(keyText), keyText, s, e, {
        revision: typeof rev === 'number' ? rev : 0, position, watermark: this.watermark, batch: kept, row: i,
        label: value === null ? null : typeof value === 'number' ? formatLabel(value) : String(value),
      }, traced ?? this.firedAfter(e - 1), traced !== undefined);
    }
  }

  /** The arrival number of the last event at or before run position `position`. */
  seqAt(position: number): number {
    // Not the run's position: while time travel shows the past, the recording still reaches its head.
    const inRing = this.ring.lastAtOrBefore(position);
    if (inRing >= this.ring.firstSeq) return inRing;
    // Before the kept events: the watermark path remembers arrival numbers further back.
    let seq = 0;
    for (const p of this.watermarks) if (p.position <= position) seq = p.seq;
    return Math.min(seq, this.ring.firstSeq - 1);
  }

  /** The node's watermark at run position `position`. */
  watermarkAt(position: number): number {
    let w = -Infinity;
    for (let lo = 0, hi = this.watermarks.length - 1; lo <= hi;) {
      const mid = (lo + hi) >> 1;
      if (this.watermarks[mid]!.position <= position) {
        w = this.watermarks[mid]!.watermark;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return w;
  }

  /** Drops everything recorded after run position `position`: time travel restored an earlier state and replays from there. */
  rewind(position: number): void {
    const seq = this.seqAt(position);
    // Travelled back before the recording began: the replay from there is traced.
    this.recordedFrom = Math.min(this.recordedFrom, position);
    if (this.recordedTo !== null) this.recordedTo = Math.min(this.recordedTo, position);
    for (let s = Math.max(seq + 1, this.ring.firstSeq); s <= this.ring.lastSeq; s++) this.keyEvents[this.ring.key[this.ring.slot(s)]!]!--;
    this.ring.truncate(seq);
    this.watermarks = this.watermarks.filter((p) => p.position <= position);
    this.book.rewind(position, seq);
    let max = -Infinity;
    for (let s = this.ring.firstSeq; s <= this.ring.lastSeq; s++) max = Math.max(max, this.ring.time[this.ring.slot(s)]!);
    this.maxEventTime = max;
    this.lastBatch = { before: new Float64Array(0), watermark: new Float64Array(0) };
    this.pendingFirings = [];
    this.firingSeqs.clear();
    this.engineKeys.fill(-1);
  }
}

/** A result's first aggregate on its bar: integers whole, others to four significant digits. */
function formatLabel(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}
