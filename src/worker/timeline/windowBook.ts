/**
 * The windows of the followed node, per key: which events went into each
 * (as the engine's window shape assigns them; sessions grow and merge as the
 * engine's rule has them, event by event in arrival order), and each firing
 * with its result row. Bounded: the oldest windows drop out.
 */
import { readCell, type Batch } from '../../engine/batch';
import type { PreviewRecord } from '../protocol';
import { sliceOf } from '../../engine/window/sliceCache';
import { inGap, newestWindowOf, oldestWindowOf, windowEnd, windowLastMs, windowStart } from '../../engine/window/windowShape';
import type { TimelineNodeInfo } from './nodeInfo';
import { slicedWindowsOf } from './nodeInfo';

/** Events whose arrival numbers a window keeps (its count goes on). */
export const WINDOW_EVENTS_KEPT = 300;

export interface ResultRec {
  readonly revision: number;
  /** Arrival number after which it fired. */
  readonly seq: number;
  readonly position: number;
  readonly watermark: number;
  /** The result row: row `row` of `batch` (read by resultRecord). */
  readonly batch: Batch;
  readonly row: number;
  readonly label: string | null;
  /** Events it included. */
  readonly eventCount: number;
}

export class WindowRec {
  start: number;
  end: number;
  events = 0;
  /** Events that arrived before the watermark reached the window's end (sessions: did not revise it). */
  onTimeEvents = 0;
  /** Arrival numbers of its first WINDOW_EVENTS_KEPT events, ascending (a run position maps to one through the recorder). */
  readonly seqs: number[] = [];
  /** Of those, the ones that arrived behind the watermark (after the window's end; sessions: that revised it). */
  readonly behindSeqs: number[] = [];
  readonly results: ResultRec[] = [];
  readonly mergedFrom: number[] = [];
  /** Per entry of mergedFrom: the arrival number of the event that merged it in (its events count from then on). */
  readonly mergedSeqs: number[] = [];
  mergedInto: number | null = null;
  mergedAt = Infinity;
  /** Every extent it had (a session grows; each firing's result names the extent it had then). */
  readonly extents: string[] = [];
  /** A sliced window's index (see windowShape); NaN for sessions and count windows. */
  k = NaN;
  constructor(readonly id: number, readonly key: number, readonly keyText: string, start: number, end: number, readonly firstPosition: number) {
    this.start = start;
    this.end = end;
  }
}

/** An event as the book takes it. */
interface AssignedEvent {
  readonly key: number;
  readonly keyText: string;
  readonly time: number;
  readonly watermark: number;
  /** Revised a fired window (the engine's verdict). */
  readonly revision: boolean;
  readonly seq: number;
  readonly position: number;
}

const extentKey = (keyText: string, start: number, end: number): string => `${keyText}\u0000${start}\u0000${end}`;

export class WindowBook {
  private nextId = 1;
  /** The largest id of a window dropped for room (ids are not given out again). */
  private evictedUpTo = 0;
  readonly byId = new Map<number, WindowRec>();
  private readonly byExtent = new Map<string, WindowRec>();
  /** Sessions: the live sessions of each key (by recorder key id). */
  private readonly sessionsOf = new Map<number, WindowRec[]>();
  /** Sliced windows of each key by window index (a number lookup per event, not a string). */
  private readonly slicedOf: Map<number, WindowRec>[] = [];
  /** Count windows: events per key so far, and the window each is filling. */
  private readonly countOf = new Map<number, number>();

  constructor(readonly info: TimelineNodeInfo, readonly maxWindows: number) {}

  private create(key: number, keyText: string, start: number, end: number, position: number): WindowRec {
    const rec = new WindowRec(this.nextId++, key, keyText, start, end, position);
    this.byId.set(rec.id, rec);
    this.index(rec);
    if (this.byId.size > this.maxWindows) this.evictOldest();
    return rec;
  }

  private evictOldest(): void {
    for (const rec of this.byId.values()) {
      this.forget(rec);
      this.evictedUpTo = Math.max(this.evictedUpTo, rec.id);
      if (this.byId.size <= this.maxWindows) return;
    }
  }

  private index(rec: WindowRec): void {
    const ek = extentKey(rec.keyText, rec.start, rec.end);
    this.byExtent.set(ek, rec);
    if (!rec.extents.includes(ek)) rec.extents.push(ek);
  }

  private forget(rec: WindowRec): void {
    this.byId.delete(rec.id);
    for (const ek of rec.extents) if (this.byExtent.get(ek) === rec) this.byExtent.delete(ek);
    if (!Number.isNaN(rec.k) && this.slicedOf[rec.key]?.get(rec.k) === rec) this.slicedOf[rec.key]!.delete(rec.k);
    const live = this.sessionsOf.get(rec.key);
    if (live !== undefined) {
      const i = live.indexOf(rec);
      if (i >= 0) live.splice(i, 1);
    }
  }

  /** Grows a session or count window; its older extents still find it (results name the extent at their firing). */
  private move(rec: WindowRec, start: number, end: number): void {
    if (rec.start === start && rec.end === end) return;
    rec.start = start;
    rec.end = end;
    this.index(rec);
  }

  find(keyText: string, start: number, end: number): WindowRec | undefined {
    return this.byExtent.get(extentKey(keyText, start, end));
  }

  /**
   * The windows an event belongs to as [start, end), oldest first: those it
   * went into, or for a late event those it would have belonged to (a
   * session: the one it would have opened). Count windows: see countPlace.
   */
  windowsOf(time: number, watermark: number, late: boolean): { start: number; end: number }[] {
    const { shape, latenessMs, gapMs } = this.info;
    if (shape !== null) {
      const all = slicedWindowsOf(shape, time);
      // A window past end - 1 + lateness has dropped its state: the event is not in it (the engine's expiry rule).
      return late ? all : all.filter((w) => w.lastMs + latenessMs > watermark);
    }
    if (this.info.kind === 'session' && late) return [{ start: time, end: time + gapMs }];
    return [];
  }

  /** Adds an event (fate as in FATE_CODES) to the windows it went into; a late one to none. */
  assign(key: number, keyText: string, time: number, watermark: number, fate: number, seq: number, position: number): void {
    if (fate === 2) return;
    const { shape, kind, latenessMs } = this.info;
    if (shape === null) {
      const e: AssignedEvent = { key, keyText, time, watermark, revision: fate === 1, seq, position };
      if (kind === 'session') this.assignSession(e);
      else this.assignCount(e);
      return;
    }
    // The engine's shape, without a list per event: the windows of the event's slice still within allowed lateness.
    const s = sliceOf(time - shape.offset, shape.g, 1 / shape.g, false);
    if (inGap(shape, s)) return;
    let windows = this.slicedOf[key];
    if (windows === undefined) windows = this.slicedOf[key] = new Map();
    for (let k = oldestWindowOf(shape, s), newest = newestWindowOf(shape, s); k <= newest; k++) {
      const lastMs = windowLastMs(shape, k);
      // A window past end - 1 + lateness has dropped its state: the event is not in it (the engine's expiry rule).
      if (lastMs + latenessMs <= watermark) continue;
      let rec = windows.get(k);
      if (rec === undefined) {
        const start = windowStart(shape, k);
        const end = windowEnd(shape, k);
        // Known from its result when following began after it opened.
        rec = this.find(keyText, start, end) ?? this.create(key, keyText, start, end, position);
        rec.k = k;
        windows.set(k, rec);
      }
      this.add(rec, seq, watermark >= lastMs);
    }
  }

  private add(rec: WindowRec, seq: number, behind: boolean): void {
    rec.events++;
    if (!behind) rec.onTimeEvents++;
    if (rec.seqs.length >= WINDOW_EVENTS_KEPT) return;
    rec.seqs.push(seq);
    if (behind) rec.behindSeqs.push(seq);
  }

  private assignSession(e: AssignedEvent): WindowRec {
    const { gapMs, latenessMs } = this.info;
    // Sessions the engine has dropped (past end - 1 + lateness) take no events; those the event touches merge.
    const live = (this.sessionsOf.get(e.key) ?? []).filter((s) => s.end - 1 + latenessMs > e.watermark);
    const touching = live.filter((s) => s.start <= e.time + gapMs && s.end >= e.time).sort((a, b) => a.start - b.start);
    let target: WindowRec;
    if (touching.length === 0) {
      target = this.create(e.key, e.keyText, e.time, e.time + gapMs, e.position);
      live.push(target);
    } else {
      target = touching[0]!;
      let start = Math.min(target.start, e.time);
      let end = Math.max(target.end, e.time + gapMs);
      for (const other of touching.slice(1)) {
        start = Math.min(start, other.start);
        end = Math.max(end, other.end);
        other.mergedInto = target.id;
        other.mergedAt = e.position;
        target.mergedFrom.push(other.id, ...other.mergedFrom);
        target.mergedSeqs.push(e.seq, ...other.mergedFrom.map(() => e.seq));
        target.events += other.events;
        target.onTimeEvents += other.onTimeEvents;
        live.splice(live.indexOf(other), 1);
      }
      this.move(target, start, end);
    }
    this.sessionsOf.set(e.key, live);
    this.add(target, e.seq, e.revision);
    return target;
  }

  private assignCount(e: AssignedEvent): WindowRec {
    const n = this.countOf.get(e.key) ?? 0;
    this.countOf.set(e.key, n + 1);
    const size = this.info.countSize;
    let rec = n % size === 0 ? undefined : this.countWindow(e.key);
    if (rec === undefined) {
      rec = this.create(e.key, e.keyText, e.time, e.time + 1, e.position);
      this.openCount.set(e.key, rec);
    } else this.move(rec, Math.min(rec.start, e.time), Math.max(rec.end, e.time + 1));
    this.add(rec, e.seq, false);
    return rec;
  }

  private readonly openCount = new Map<number, WindowRec>();
  private countWindow(key: number): WindowRec | undefined {
    const rec = this.openCount.get(key);
    return rec !== undefined && this.byId.has(rec.id) ? rec : undefined;
  }

  /** Count windows: the event's place (1-based) in its window. */
  countPlace(rec: WindowRec, seq: number): number {
    const i = rec.seqs.indexOf(seq);
    return i >= 0 ? i + 1 : rec.events;
  }

  /**
   * A result row of window [start, end) of key `keyText`. `firedAfter` is the
   * arrival number after which a watermark-driven firing happened.
   */
  addResult(key: number, keyText: string, start: number, end: number, r: Omit<ResultRec, 'seq' | 'eventCount'>, firedAfter: number, exact: boolean): WindowRec {
    // A window the recorder did not see open (followed since) is recorded from its result.
    const rec = this.find(keyText, start, end) ?? this.create(key, keyText, start, end, r.position);
    let seq = firedAfter;
    if (!exact && this.info.kind === 'count') seq = rec.seqs.at(-1) ?? firedAfter; // a count window fires on its last event
    else if (!exact) {
      // Sliced windows: the n-th firing after the first watermark-driven one was caused by the n-th event that arrived behind the watermark.
      const cause = rec.results.length - (rec.onTimeEvents > 0 ? 1 : 0);
      const caused = cause >= 0 ? rec.behindSeqs[cause] : undefined;
      if (caused !== undefined) seq = caused;
    }
    const members = this.membersAt(rec, seq);
    const capped = members.some((m) => m.seqs.length >= WINDOW_EVENTS_KEPT);
    const eventCount = capped ? rec.events : members.reduce((n, m) => n + countUpTo(m.seqs, seq), 0);
    rec.results.push({ ...r, seq, eventCount });
    return rec;
  }

  /** The window and the sessions merged into it by arrival number `seq`. */
  membersAt(rec: WindowRec, seq: number): WindowRec[] {
    const members = [rec];
    rec.mergedFrom.forEach((id, i) => {
      const m = this.byId.get(id);
      if (m !== undefined && rec.mergedSeqs[i]! <= seq) members.push(m);
    });
    return members;
  }

  /** Forgets what happened after run position `position`, the arrival of event `seq` (time travel replays from there). */
  rewind(position: number, seq: number): void {
    for (const rec of [...this.byId.values()]) {
      if (rec.firstPosition > position) {
        this.forget(rec);
        continue;
      }
      while (rec.seqs.length > 0 && rec.seqs.at(-1)! > seq) {
        const popped = rec.seqs.pop();
        if (rec.behindSeqs.at(-1) === popped) rec.behindSeqs.pop();
        else rec.onTimeEvents--;
        rec.events--;
      }
      while (rec.results.length > 0 && rec.results.at(-1)!.position > position) rec.results.pop();
      if (rec.mergedAt > position) {
        rec.mergedInto = null;
        rec.mergedAt = Infinity;
      }
    }
    // A deterministic replay then numbers the windows it opens again as the first time.
    let maxId = 0;
    for (const id of this.byId.keys()) maxId = Math.max(maxId, id);
    this.nextId = Math.max(maxId, this.evictedUpTo) + 1;
    // Merges and count windows are rebuilt from what is left: sessions from their own events, count windows per key.
    this.sessionsOf.clear();
    this.countOf.clear();
    this.openCount.clear();
    // Sliced windows keep their index; sessions and count windows are rebuilt from what is left.
    for (const rec of this.byId.values()) {
      if (this.info.kind === 'session') {
        // Merges undone by the rewind (joined after `seq`) are forgotten.
        const kept = rec.mergedFrom.flatMap((id, i) => (this.byId.has(id) && rec.mergedSeqs[i]! <= seq ? [[id, rec.mergedSeqs[i]!] as const] : []));
        rec.mergedFrom.splice(0, rec.mergedFrom.length, ...kept.map(([id]) => id));
        rec.mergedSeqs.splice(0, rec.mergedSeqs.length, ...kept.map(([, joined]) => joined));
        if (rec.mergedInto === null) this.sessionsOf.set(rec.key, [...(this.sessionsOf.get(rec.key) ?? []), rec]);
      }
      if (this.info.kind === 'count') {
        this.countOf.set(rec.key, (this.countOf.get(rec.key) ?? 0) + rec.events);
        if (rec.events < this.info.countSize) this.openCount.set(rec.key, rec);
      }
    }
  }
}

/** How many of the ascending `seqs` are at most `seq`. */
export function countUpTo(seqs: readonly number[], seq: number): number {
  let lo = 0;
  let hi = seqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seqs[mid]! <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A result as a record: field name -> value. */
export function resultRecord(r: ResultRec): PreviewRecord {
  // No prototype: a field called __proto__ is a field like any other.
  const record = Object.create(null) as Record<string, string | number | boolean | null>;
  for (const name of Object.keys(r.batch.columns)) record[name] = readCell(r.batch.columns[name]!, r.row);
  return record;
}
