/**
 * The timeline recorder of one followed window node: what the engine's trace
 * says about every event that reached it (its key, time, fate and the
 * watermark it met), its windows and their results (from the node's output
 * batches), and the watermark's path. Memory is bounded: a ring of recent
 * events (fields for the newest), a bounded window book, a bounded path.
 */
import { readCell, type Batch } from '../../engine/batch';
import type { RowsTraceEvent, TraceEvent } from '../../engine/operators/types';
import type { PreviewRecord } from '../protocol';
import type { WatermarkPoint } from '../timelineTypes';
import { EventRing } from './eventRing';
import type { TimelineNodeInfo } from './nodeInfo';
import { WindowBook } from './windowBook';

export interface RecorderLimits {
  readonly events: number;
  readonly eventFields: number;
  readonly windows: number;
  readonly watermarkPoints: number;
}

export const DEFAULT_LIMITS: RecorderLimits = { events: 200_000, eventFields: 20_000, windows: 20_000, watermarkPoints: 20_000 };

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
  /** The newest rows batch's arrival numbers and watermarks, to date a watermark-driven firing. */
  private lastBatch: { firstSeq: number; watermark: Float64Array } = { firstSeq: 1, watermark: new Float64Array(0) };

  constructor(readonly info: TimelineNodeInfo, private readonly now: () => number, private readonly position: () => number, readonly limits: RecorderLimits = DEFAULT_LIMITS) {
    this.ring = new EventRing(limits.events, limits.eventFields);
    this.book = new WindowBook(info, limits.windows);
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

  onTrace(e: TraceEvent): void {
    if (e.type === 'rows') this.onRows(e);
  }

  private onRows(e: RowsTraceEvent): void {
    const position = this.position();
    const arrivedAt = this.now();
    const n = e.rows.length;
    const names = Object.keys(e.batch.columns);
    const keyCache = new Map<number, number>();
    const firstSeq = this.ring.lastSeq + 1;
    // Fields are read only for the rows the field ring keeps, and for late and revision rows.
    const fieldsFrom = n - this.limits.eventFields;
    for (let j = 0; j < n; j++) {
      const engineKey = e.keys[j]!;
      let key = keyCache.get(engineKey);
      if (key === undefined) keyCache.set(engineKey, (key = this.keyId(e.keyText(engineKey))));
      const fate = e.fates[j]!;
      // Rows between windows (ROW_DROPPED) reached no window: they are not marks.
      if (fate > 2) continue;
      const time = e.time[j]!;
      const watermark = e.watermark[j]!;
      const seq = this.ring.push(position, time, arrivedAt, watermark, key, fate);
      this.keyEvents[key]!++;
      if (time > this.maxEventTime) this.maxEventTime = time;
      if (j >= fieldsFrom || fate !== 0) {
        const i = e.rows[j]!;
        const record = Object.create(null) as Record<string, string | number | boolean | null>;
        for (const name of names) record[name] = readCell(e.batch.columns[name]!, i);
        this.ring.setFields(seq, record, fate !== 0);
      }
      this.book.assign({ key, keyText: this.keyNames[key]!, time, watermark, late: fate === 2, revision: fate === 1, seq, position });
    }
    this.lastBatch = { firstSeq, watermark: e.watermark.slice() };
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
    const { firstSeq, watermark } = this.lastBatch;
    for (let j = 0; j < watermark.length; j++) if (watermark[j]! >= w) return firstSeq + j - 1;
    return this.ring.lastSeq;
  }

  /** A batch the node emitted on `out`: its result rows. */
  onResults(batch: Batch, rows: Int32Array | null): void {
    const n = rows === null ? batch.length : rows.length;
    if (n === 0) return;
    const { columns } = batch;
    const start = columns['window_start'];
    const end = columns['window_end'];
    if (start === undefined || end === undefined) return;
    const names = Object.keys(columns);
    const firstAggregate = names.find((name) => !NOT_AGGREGATES.has(name) && !this.info.keyFields.includes(name));
    const position = this.position();
    for (let j = 0; j < n; j++) {
      const i = rows === null ? j : rows[j]!;
      const result = Object.create(null) as Record<string, string | number | boolean | null>;
      for (const name of names) result[name] = readCell(columns[name]!, i);
      const keyText = this.info.keyFields.map((f) => { const v = result[f]; return v === null || v === undefined ? 'null' : String(v); }).join(', ');
      const s = result['window_start'] as number;
      const e = result['window_end'] as number;
      const revision = typeof result['revision'] === 'number' ? result['revision'] : 0;
      const value = firstAggregate === undefined ? null : result[firstAggregate] ?? null;
      this.book.addResult(this.keyId(keyText), keyText, s, e, {
        revision, position, watermark: this.watermark, result: result as PreviewRecord,
        label: value === null ? null : typeof value === 'number' ? formatLabel(value) : String(value),
      }, this.firedAfter(e - 1));
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
    for (let s = Math.max(seq + 1, this.ring.firstSeq); s <= this.ring.lastSeq; s++) this.keyEvents[this.ring.key[this.ring.slot(s)]!]!--;
    this.ring.truncate(seq);
    this.watermarks = this.watermarks.filter((p) => p.position <= position);
    this.book.rewind(position);
    let max = -Infinity;
    for (let s = this.ring.firstSeq; s <= this.ring.lastSeq; s++) max = Math.max(max, this.ring.time[this.ring.slot(s)]!);
    this.maxEventTime = max;
    this.lastBatch = { firstSeq: seq + 1, watermark: new Float64Array(0) };
  }
}

/** A result's first aggregate on its bar: integers whole, others to four significant digits. */
function formatLabel(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}
