/**
 * A deliberately naive model of Flink's event-time window semantics, one event
 * at a time with plain objects and no slicing. Tests compare the real
 * operators against it; it is written from ARCHITECTURE.md, not from the operators.
 */
export interface RefEvent {
  readonly t: number;
  readonly key: number;
  readonly v: number;
}

export interface RefResult {
  start: number;
  end: number;
  key: number;
  count: number;
  sum: number;
  min: number;
  max: number;
  revision: number;
}

export type RefWindow =
  /** Tumbling and hopping; with `cumulative`, Flink's CUMULATE (size = maxSize, slide = step). */
  | { type: 'sliced'; size: number; slide: number; offset: number; cumulative?: boolean }
  | { type: 'session'; gap: number };

interface Pane {
  start: number;
  end: number;
  key: number;
  values: number[];
  firings: number;
  /** Changed since it last fired: a merged session extended past the watermark must fire again. */
  dirty: boolean;
}

function assign(w: Extract<RefWindow, { type: 'sliced' }>, t: number): [number, number][] {
  const out: [number, number][] = [];
  if (w.cumulative === true) {
    // The period of maxSize holding t, then every window [periodStart, periodStart + j * step) that reaches past t.
    const periodStart = t - ((((t - w.offset) % w.size) + w.size) % w.size);
    for (let end = periodStart + w.slide; end <= periodStart + w.size; end += w.slide) if (end > t) out.push([periodStart, end]);
    return out;
  }
  const rem = (((t - w.offset + w.slide) % w.slide) + w.slide) % w.slide;
  for (let start = t - rem; start > t - w.size; start -= w.slide) out.push([start, start + w.size]);
  return out;
}

function result(p: Pane): RefResult {
  return {
    start: p.start, end: p.end, key: p.key, count: p.values.length,
    sum: p.values.reduce((a, b) => a + b, 0), min: Math.min(...p.values), max: Math.max(...p.values), revision: p.firings,
  };
}

/** Runs the reference model; returns results and the events sent to the late port. */
export function referenceRun(events: readonly RefEvent[], window: RefWindow, boundMs: number, lateness: number): { results: RefResult[]; late: RefEvent[] } {
  const results: RefResult[] = [];
  const late: RefEvent[] = [];
  let panes: Pane[] = [];
  let maxSeen = -Infinity;
  const fire = (p: Pane): void => { results.push(result(p)); p.firings++; p.dirty = false; };
  const advance = (w: number): void => {
    const due = panes.filter((p) => p.end - 1 <= w && p.dirty).sort((a, b) => a.end - b.end);
    for (const p of due) fire(p);
    panes = panes.filter((p) => p.end - 1 + lateness > w);
  };
  for (const e of events) {
    const w = maxSeen - boundMs - 1;
    advance(w);
    maxSeen = Math.max(maxSeen, e.t);
    if (window.type === 'sliced') {
      const windows = assign(window, e.t);
      const live = windows.filter(([, end]) => end - 1 + lateness > w);
      // An event between windows (size < slide) is late only when its own time is, as in Flink.
      if (live.length === 0) { if (windows.length > 0 || e.t + lateness <= w) late.push(e); continue; }
      for (const [start, end] of live) {
        let p = panes.find((q) => q.start === start && q.end === end && q.key === e.key);
        if (p === undefined) panes.push((p = { start, end, key: e.key, values: [], firings: 0, dirty: true }));
        p.values.push(e.v);
        p.dirty = true;
        if (end - 1 <= w) fire(p);
      }
    } else {
      let start = e.t;
      let end = e.t + window.gap;
      const overlapping = panes.filter((p) => p.key === e.key && p.start <= end && p.end >= start);
      if (overlapping.length === 0 && end - 1 + lateness <= w) { late.push(e); continue; }
      for (const p of overlapping) { start = Math.min(start, p.start); end = Math.max(end, p.end); }
      const merged: Pane = { start, end, key: e.key, values: overlapping.flatMap((p) => p.values), firings: Math.max(0, ...overlapping.map((p) => p.firings)), dirty: true };
      merged.values.push(e.v);
      panes = panes.filter((p) => !overlapping.includes(p));
      panes.push(merged);
      if (end - 1 <= w) fire(merged);
    }
  }
  advance(Infinity);
  return { results, late };
}
