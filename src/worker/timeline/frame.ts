/**
 * Views of a recorder for the page: the timeline frame (rows of the top keys,
 * a focused key or all keys folded; the span of event time; marks sampled to
 * maxMarks keeping every late and revision mark; windows with lanes and
 * their state; the watermark's path), as it is now or as it was at a run
 * position, and the details of one event or one window.
 */
import { FATE_CODES, type TimelineEventDetail, type TimelineFrame, type TimelineInput, type TimelineQuery, type TimelineWindow, type TimelineWindowDetail, type WindowState } from '../timelineTypes';
import type { TimelineRecorder } from './recorder';
import { verdict } from './verdict';
import { countUpTo, resultRecord, type WindowRec } from './windowBook';

/** The row of every key when folded. */
export const FOLDED_KEY = 'all keys';
/** Events in the default span: the stretch of event time the most recent ones cover. */
const RECENT_EVENTS = 2000;
/** Watermark points at most in a frame. */
const MAX_POINTS = 2000;
/** Events a window's detail lists. */
const DETAIL_EVENTS = 300;

const ON_TIME = 0;

function stateAt(r: TimelineRecorder, rec: WindowRec, fired: number, watermark: number): WindowState {
  if (fired === 0) return 'open';
  if (r.info.kind !== 'count' && watermark >= rec.end - 1 + r.info.latenessMs) return 'closed';
  return 'fired';
}

/** A window as it stood at run position `position` (Infinity: now), or null when it did not exist yet. */
export function windowAt(r: TimelineRecorder, rec: WindowRec, position: number, lane = 0): TimelineWindow | null {
  if (rec.firstPosition > position) return null;
  const results = position === Infinity ? rec.results : rec.results.filter((x) => x.position <= position);
  const watermark = position === Infinity ? r.watermark : r.watermarkAt(position);
  let events = rec.events;
  if (position !== Infinity) events -= rec.seqs.length - countUpTo(rec.seqs, r.seqAt(position));
  return {
    id: rec.id, key: rec.keyText, start: rec.start, end: rec.end, lane,
    state: stateAt(r, rec, results.length, watermark),
    revisions: Math.max(0, results.length - 1),
    events,
    label: results.at(-1)?.label ?? null,
    mergedFrom: rec.mergedFrom.filter((id) => { const m = r.book.byId.get(id); return m !== undefined && m.mergedAt <= position; }),
  };
}

/** The timeline frame for `query` (see the file comment); `inputs` are the node's sources with their watermarks. */
export function buildFrame(r: TimelineRecorder, query: TimelineQuery, inputs: readonly TimelineInput[]): TimelineFrame {
  const position = query.atPosition ?? Infinity;
  const ring = r.ring;
  const lastSeq = position === Infinity ? ring.lastSeq : r.seqAt(position);
  const firstSeq = ring.firstSeq;
  const watermark = position === Infinity ? r.watermark : r.watermarkAt(position);
  // Rows rank keys by their events in the run; as of an earlier position, by those kept up to it (one pass over the ring).
  let maxEventTime = r.maxEventTime;
  let perKey: ArrayLike<number> = r.keyEvents;
  if (position !== Infinity) {
    maxEventTime = -Infinity;
    const kept = new Float64Array(r.keyNames.length);
    for (let s = firstSeq; s <= lastSeq; s++) {
      const i = ring.slot(s);
      const t = ring.time[i]!;
      if (t > maxEventTime) maxEventTime = t;
      kept[ring.key[i]!]!++;
    }
    perKey = kept;
  }
  const counts = new Map<number, number>();
  for (let k = 0; k < perKey.length; k++) if (perKey[k]! > 0) counts.set(k, perKey[k]!);

  // Rows: one per key (most events first), the focused key alone, or all folded into one.
  const focused = query.key === null ? undefined : r.keyIds.get(query.key);
  let rows: number[];
  if (query.fold) rows = [];
  else if (query.key !== null) rows = focused === undefined ? [] : [focused];
  else rows = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, Math.max(0, query.maxKeys)).map(([k]) => k);
  const rowOf = new Map(rows.map((k, i) => [k, i]));
  const keys = query.fold ? [{ key: FOLDED_KEY, events: lastSeq - firstSeq + 1 }] : rows.map((k) => ({ key: r.keyNames[k]!, events: counts.get(k) ?? 0 }));
  const rowOfKey = (k: number): number => (query.fold ? 0 : rowOf.get(k) ?? -1);

  const span = query.span ?? defaultSpan(r, firstSeq, lastSeq, maxEventTime, watermark);

  // Marks in the span (of the focused key): every late and revision mark, on-time ones sampled evenly.
  const picked: number[] = [];
  let onTime = 0;
  for (let s = firstSeq; s <= lastSeq; s++) {
    const i = ring.slot(s);
    const t = ring.time[i]!;
    if (t < span.from || t > span.to) continue;
    if (query.key !== null && ring.key[i] !== focused) continue;
    picked.push(s);
    if (ring.fate[i] === ON_TIME) onTime++;
  }
  const special = picked.length - onTime;
  const room = Math.max(0, query.maxMarks - special);
  const sampled = onTime > room;
  let kept = picked;
  if (sampled) {
    kept = [];
    // Keep on-time marks at an even stride, ending at the newest one.
    let seen = 0;
    for (const s of picked) {
      if (ring.fate[ring.slot(s)] !== ON_TIME) kept.push(s);
      else {
        if (Math.floor(((seen + 1) * room) / onTime) > Math.floor((seen * room) / onTime)) kept.push(s);
        seen++;
      }
    }
    if (kept.length > query.maxMarks) kept = kept.slice(kept.length - query.maxMarks);
  }
  const n = kept.length;
  const marks = {
    length: n, seq: new Float64Array(n), position: new Float64Array(n), time: new Float64Array(n), arrivedAt: new Float64Array(n),
    watermark: new Float64Array(n), keyIndex: new Int32Array(n), fate: new Uint8Array(n),
  };
  kept.forEach((s, j) => {
    const i = ring.slot(s);
    marks.seq[j] = s;
    marks.position[j] = ring.position[i]!;
    marks.time[j] = ring.time[i]!;
    marks.arrivedAt[j] = ring.arrivedAt[i]!;
    marks.watermark[j] = ring.watermark[i]!;
    marks.keyIndex[j] = rowOfKey(ring.key[i]!);
    marks.fate[j] = ring.fate[i]!;
  });

  const windows = frameWindows(r, query, position, span, rowOfKey);
  const watermarks = thin(r.watermarks.filter((p) => p.position <= position), MAX_POINTS);
  // An idle input holds nothing back (the union no longer waits for it).
  const active = inputs.filter((x) => !x.idle);
  const heldBackBy = inputs.length > 1 && active.length > 0 ? active.reduce((a, b) => (b.watermark < a.watermark ? b : a)) : null;
  const holds = heldBackBy !== null && inputs.some((x) => x.watermark > heldBackBy.watermark) ? heldBackBy.sourceId : null;
  return {
    nodeId: r.info.nodeId, kind: r.info.kind, timeDomain: r.info.timeDomain, latenessMs: r.info.latenessMs, outOfOrdernessMs: r.info.outOfOrdernessMs,
    watermark, maxEventTime, totalEvents: lastSeq, recordedFrom: r.recordedFrom, recordedTo: r.recordedTo, keys, marks, sampled, windows, watermarks, span, inputs, heldBackBy: holds,
  };
}

/** The most recent stretch: what the newest RECENT_EVENTS events cover, and the watermark with the allowed lateness behind it. */
function defaultSpan(r: TimelineRecorder, firstSeq: number, lastSeq: number, maxEventTime: number, watermark: number): { from: number; to: number } {
  if (lastSeq < firstSeq) return { from: 0, to: 0 };
  let from = Infinity;
  for (let s = Math.max(firstSeq, lastSeq - RECENT_EVENTS + 1); s <= lastSeq; s++) from = Math.min(from, r.ring.time[r.ring.slot(s)]!);
  if (Number.isFinite(watermark)) from = Math.min(from, watermark - r.info.latenessMs - r.info.sizeMs);
  let to = Math.max(maxEventTime, Number.isFinite(watermark) ? watermark : -Infinity);
  if (!(to > from)) to = from + 1;
  return { from, to: to + (to - from) * 0.02 };
}

function frameWindows(r: TimelineRecorder, query: TimelineQuery, position: number, span: { from: number; to: number }, rowOfKey: (k: number) => number): TimelineWindow[] {
  const byRow = new Map<number, WindowRec[]>();
  for (const rec of r.book.byId.values()) {
    if (rec.mergedInto !== null && rec.mergedAt <= position) continue;
    if (rec.end <= span.from || rec.start > span.to) continue;
    const row = rowOfKey(rec.key);
    if (row < 0) continue;
    const list = byRow.get(row) ?? [];
    list.push(rec);
    byRow.set(row, list);
  }
  const out: TimelineWindow[] = [];
  for (const list of byRow.values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
    // Lanes: each window in the first lane whose last window has ended (hopping and cumulate windows stack).
    const laneEnds: number[] = [];
    const lanesOfExtent = new Map<string, number>();
    for (const rec of list) {
      // Folded rows share one bar per extent: the same window of different keys stacks in one lane.
      const extent = `${rec.start}|${rec.end}`;
      let lane = query.fold ? lanesOfExtent.get(extent) : undefined;
      if (lane === undefined) {
        lane = laneEnds.findIndex((end) => end <= rec.start);
        if (lane < 0) lane = laneEnds.length;
        laneEnds[lane] = rec.end;
        lanesOfExtent.set(extent, lane);
      }
      const w = windowAt(r, rec, position, lane);
      if (w !== null) out.push(w);
    }
  }
  return out;
}

function thin<T>(list: readonly T[], max: number): T[] {
  if (list.length <= max) return [...list];
  const step = list.length / max;
  const out: T[] = [];
  for (let i = 0; i < max - 1; i++) out.push(list[Math.floor(i * step)]!);
  out.push(list.at(-1)!);
  return out;
}

/** One event as hovering its mark shows it, or null when it is no longer kept. */
export function eventDetail(r: TimelineRecorder, seq: number): TimelineEventDetail | null {
  if (!r.ring.has(seq)) return null;
  const i = r.ring.slot(seq);
  const time = r.ring.time[i]!;
  const watermark = r.ring.watermark[i]!;
  const fate = FATE_CODES[r.ring.fate[i]!]!;
  const key = r.keyNames[r.ring.key[i]!]!;
  const { kind, timeDomain, latenessMs, countSize } = r.info;
  let windows = r.book.windowsOf(time, watermark, fate === 'late');
  let countPlace: { nth: number; size: number } | undefined;
  if (r.info.shape === null && fate !== 'late') {
    const rec = containing(r, seq);
    if (rec !== undefined) {
      windows = [{ start: rec.start, end: rec.end }];
      if (kind === 'count') countPlace = { nth: r.book.countPlace(rec, seq), size: countSize };
    }
  }
  const facts = { fate, kind, timeDomain, time, watermark, latenessMs, windows, ...(countPlace === undefined ? {} : { countPlace }) };
  return {
    seq, position: r.ring.position[i]!, fields: r.ring.fieldsOf(seq) ?? {}, key, time, watermark, fate,
    windows: windows.map((w) => ({ start: w.start, end: w.end })), verdict: verdict(facts),
  };
}

/** The session or count window (not merged away) that holds event `seq`. */
function containing(r: TimelineRecorder, seq: number): WindowRec | undefined {
  let found: WindowRec | undefined;
  for (const rec of r.book.byId.values()) {
    if (rec.seqs.includes(seq)) {
      found = rec;
      break;
    }
  }
  while (found?.mergedInto != null) found = r.book.byId.get(found.mergedInto);
  return found;
}

/** One window as hovering its bar or asking "why this result" shows it, or null when it is no longer kept. */
export function windowDetail(r: TimelineRecorder, id: number): TimelineWindowDetail | null {
  const rec = r.book.byId.get(id);
  if (rec === undefined) return null;
  const window = windowAt(r, rec, Infinity);
  if (window === null) return null;
  // A session's events include those of the sessions merged into it (each from when it merged in).
  const seqsAt = (seq: number): number[] => r.book.membersAt(rec, seq).flatMap((m) => m.seqs).filter((s) => s <= seq).sort((a, b) => a - b);
  const seqs = seqsAt(Infinity);
  const revisions = rec.results.map((res) => {
    const eventSeqs = seqsAt(res.seq);
    return { revision: res.revision, seq: res.seq, watermark: res.watermark, result: resultRecord(res), eventSeqs, eventCount: Math.max(res.eventCount, eventSeqs.length) };
  });
  const events = seqs.slice(0, DETAIL_EVENTS).map((s) => eventDetail(r, s)).filter((e): e is TimelineEventDetail => e !== null);
  return { window, revisions, events };
}
