/**
 * The windows of the followed node, per key: which events went into each
 * (as the engine's window shape assigns them; sessions grow and merge as the
 * engine's rule has them, event by event in arrival order), and each firing
 * with its result row. Bounded: the oldest windows drop out.
 */
import type { PreviewRecord } from '../protocol';
import type { TimelineNodeInfo } from './nodeInfo';
import { slicedWindowsOf } from './nodeInfo';

/** Events whose arrival numbers a window keeps (its count goes on). */
export const WINDOW_EVENTS_KEPT = 500;

export interface ResultRec {
  readonly revision: number;
  /** Arrival number after which it fired. */
  readonly seq: number;
  readonly position: number;
  readonly watermark: number;
  readonly result: PreviewRecord;
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
  /** Arrival numbers, run positions and "arrived behind the watermark" of the first WINDOW_EVENTS_KEPT events. */
  readonly seqs: number[] = [];
  readonly positions: number[] = [];
  readonly behind: boolean[] = [];
  readonly results: ResultRec[] = [];
  readonly mergedFrom: number[] = [];
  mergedInto: number | null = null;
  mergedAt = Infinity;
  constructor(readonly id: number, readonly key: number, readonly keyText: string, start: number, end: number, readonly firstPosition: number) {
    this.start = start;
    this.end = end;
  }
}

export interface AssignedEvent {
  readonly key: number;
  readonly keyText: string;
  readonly time: number;
  readonly watermark: number;
  /** Went to the late port / revised a fired window (the engine's verdict). */
  readonly late: boolean;
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
  /** Count windows: events per key so far, and the window each is filling. */
  private readonly countOf = new Map<number, number>();

  constructor(readonly info: TimelineNodeInfo, readonly maxWindows: number) {}

  private create(key: number, keyText: string, start: number, end: number, position: number): WindowRec {
    const rec = new WindowRec(this.nextId++, key, keyText, start, end, position);
    this.byId.set(rec.id, rec);
    this.byExtent.set(extentKey(keyText, start, end), rec);
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

  private forget(rec: WindowRec): void {
    this.byId.delete(rec.id);
    const ek = extentKey(rec.keyText, rec.start, rec.end);
    if (this.byExtent.get(ek) === rec) this.byExtent.delete(ek);
    const live = this.sessionsOf.get(rec.key);
    if (live !== undefined) {
      const i = live.indexOf(rec);
      if (i >= 0) live.splice(i, 1);
    }
  }

  private move(rec: WindowRec, start: number, end: number): void {
    if (rec.start === start && rec.end === end) return;
    const old = extentKey(rec.keyText, rec.start, rec.end);
    if (this.byExtent.get(old) === rec) this.byExtent.delete(old);
    rec.start = start;
    rec.end = end;
    this.byExtent.set(extentKey(rec.keyText, start, end), rec);
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

  /** Adds an accepted event to its windows; returns them. */
  assign(e: AssignedEvent): WindowRec[] {
    if (e.late) return [];
    const { shape, kind } = this.info;
    if (shape !== null) {
      return this.windowsOf(e.time, e.watermark, false).map((w) => {
        const rec = this.find(e.keyText, w.start, w.end) ?? this.create(e.key, e.keyText, w.start, w.end, e.position);
        this.add(rec, e, e.watermark >= w.end - 1);
        return rec;
      });
    }
    if (kind === 'session') return [this.assignSession(e)];
    return [this.assignCount(e)];
  }

  private add(rec: WindowRec, e: AssignedEvent, behind: boolean): void {
    rec.events++;
    if (!behind) rec.onTimeEvents++;
    if (rec.seqs.length >= WINDOW_EVENTS_KEPT) return;
    rec.seqs.push(e.seq);
    rec.positions.push(e.position);
    rec.behind.push(behind);
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
        target.events += other.events;
        target.onTimeEvents += other.onTimeEvents;
        live.splice(live.indexOf(other), 1);
      }
      this.move(target, start, end);
    }
    this.sessionsOf.set(e.key, live);
    this.add(target, e, e.revision);
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
    this.add(rec, e, false);
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
  addResult(key: number, keyText: string, start: number, end: number, r: Omit<ResultRec, 'seq' | 'eventCount'>, firedAfter: number): WindowRec {
    let rec = this.find(keyText, start, end);
    if (rec === undefined && this.info.kind === 'session') {
      rec = (this.sessionsOf.get(key) ?? []).find((s) => s.start < end && s.end > start);
      if (rec !== undefined) this.move(rec, start, end);
    }
    rec ??= this.create(key, keyText, start, end, r.position);
    // The n-th firing after the first watermark-driven one was caused by the n-th event that arrived behind the watermark.
    const onTime = rec.onTimeEvents > 0;
    const cause = rec.results.length - (onTime ? 1 : 0);
    // A count window fires on its last event.
    let seq = this.info.kind === 'count' ? (rec.seqs.at(-1) ?? firedAfter) : firedAfter;
    const eventCount = this.info.kind === 'count' ? rec.events : Math.min(rec.events, rec.onTimeEvents + Math.max(0, cause + 1));
    if (cause >= 0 && this.info.kind !== 'count') {
      let seen = -1;
      for (let i = 0; i < rec.behind.length; i++) {
        if (rec.behind[i] && ++seen === cause) {
          seq = rec.seqs[i]!;
          break;
        }
      }
    }
    rec.results.push({ ...r, seq, eventCount });
    return rec;
  }

  /** Forgets what happened after run position `position` (time travel replays from there). */
  rewind(position: number): void {
    for (const rec of [...this.byId.values()]) {
      if (rec.firstPosition > position) {
        this.forget(rec);
        continue;
      }
      while (rec.positions.length > 0 && rec.positions.at(-1)! > position) {
        rec.positions.pop();
        rec.seqs.pop();
        if (rec.behind.pop() === false) rec.onTimeEvents--;
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
    for (const rec of this.byId.values()) {
      if (this.info.kind === 'session') {
        rec.mergedFrom.splice(0, rec.mergedFrom.length, ...rec.mergedFrom.filter((id) => this.byId.get(id)?.mergedInto === rec.id));
        if (rec.mergedInto === null) this.sessionsOf.set(rec.key, [...(this.sessionsOf.get(rec.key) ?? []), rec]);
      }
      if (this.info.kind === 'count') {
        this.countOf.set(rec.key, (this.countOf.get(rec.key) ?? 0) + rec.events);
        if (rec.events < this.info.countSize) this.openCount.set(rec.key, rec);
      }
    }
  }
}
