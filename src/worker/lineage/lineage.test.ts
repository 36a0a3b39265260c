import { describe, expect, it } from 'vitest';
import type { Row } from '../../engine/operators/sinks';
import { cardSpend, plain, plainRun, runUntilStopped, testWorker } from '../testing/cardSpend';
import type { LineageEvent, WindowLineage } from './types';

const doc = cardSpend();
const reference = plainRun(doc);
const sorted = (rows: readonly unknown[]): string[] => rows.map((r) => JSON.stringify(r)).sort();

/** The events of a window by brute force: the source's events of its card and minute, less those the late port got. */
function expectedEvents(card: string, start: number, end: number): Row[] {
  const late = [...reference.late];
  return reference.events.filter((e) => {
    if (e['card'] !== card || (e['ts'] as number) < start || (e['ts'] as number) >= end) return false;
    const i = late.findIndex((l) => JSON.stringify(l) === JSON.stringify(e));
    if (i < 0) return true;
    late.splice(i, 1);
    return false;
  });
}

function finished() {
  const { clock, api } = testWorker();
  api.load(doc, false);
  runUntilStopped(clock, api);
  expect(api.drain().phase).toBe('finished');
  return api;
}

describe('why this result (lineage by replay)', () => {
  it('lists exactly the events of a revised window, and which of them made each revision', () => {
    const api = finished();
    const revised = reference.results.find((r) => (r['revision'] as number) === 1)!;
    const { card, window_start: start, window_end: end } = revised as { card: string; window_start: number; window_end: number };
    const lineage = api.lineage({ kind: 'window', nodeId: 'spend', key: { card }, start, end });
    expect(lineage.kind).toBe('window');
    const w = lineage as WindowLineage;
    const results = reference.results.filter((r) => r['card'] === card && r['window_start'] === start && r['window_end'] === end);
    expect(w.revisions.map((r) => plain(r.result))).toEqual(results);
    expect(sorted(w.events.map((e) => plain(e.fields)))).toEqual(sorted(expectedEvents(card, start, end)));
    expect(w.eventCount).toBe(w.events.length);
    for (const r of w.revisions) {
      // Each revision counted exactly the events the lineage says made it, and summed their amounts.
      expect(r.eventCount).toBe(r.result['payments']);
      const amounts = r.eventSeqs.map((seq) => w.events.find((e) => e.seq === seq)!.fields['amount'] as number);
      expect(amounts.reduce((a, b) => a + b, 0)).toBeCloseTo(r.result['total'] as number, 6);
    }
    // The first firing came when the watermark reached the window's end - 1; a revision within 3 s after.
    expect(w.revisions[0]!.watermark).toBeGreaterThanOrEqual(end - 1);
    const reviser = w.events.find((e) => e.fate === 'revision')!;
    expect(reviser.watermark).toBeGreaterThanOrEqual(end - 1);
    expect(reviser.watermark).toBeLessThan(end - 1 + 3000);
    expect(w.revisions[1]!.seq).toBe(reviser.seq);
  });

  it('lists every window of the run exactly (each result counts the events its lineage lists)', () => {
    const api = finished();
    const finals = new Map<string, Row>();
    for (const r of reference.results) finals.set(`${r['card']}|${r['window_start']}`, r);
    for (const r of [...finals.values()].slice(0, 40)) {
      const w = api.lineage({ kind: 'window', nodeId: 'minute', key: { card: r['card'] as string }, start: r['window_start'] as number, end: r['window_end'] as number }) as WindowLineage;
      expect(w.eventCount).toBe(r['payments']);
      expect(w.revisions.at(-1)?.eventCount).toBe(r['payments']);
    }
  });

  it('says why an event on the late port was late', () => {
    const api = finished();
    const first = reference.late[0]!;
    const lineage = api.lineage({ kind: 'late', nodeId: 'minute', record: first });
    expect(lineage.kind).toBe('late');
    if (lineage.kind !== 'late') return;
    const event: LineageEvent = lineage.event;
    expect(plain(event.fields)).toEqual(first);
    expect(event.fate).toBe('late');
    const start = Math.floor((first['ts'] as number) / 60_000) * 60_000;
    expect(lineage.windows).toEqual([{ start, end: start + 60_000 }]);
    // Late means the watermark had passed the window's end - 1 plus its 3 s of allowed lateness.
    expect(event.watermark).toBeGreaterThanOrEqual(start + 60_000 - 1 + 3000);
    expect(lineage.verdict).toMatch(/^late: the watermark \d\d:\d\d:\d\d(\.\d{3})? had passed the window \[\d\d:\d\d:\d\d, \d\d:\d\d:\d\d\) plus its 3 s of allowed lateness; sent to the late port$/);
  });

  it('answers as of where a paused run stands: only the revisions emitted so far', () => {
    const revised = reference.results.filter((r) => (r['revision'] as number) === 1)[3]!;
    const { card, window_start: start, window_end: end } = revised as { card: string; window_start: number; window_end: number };
    const { clock, api } = testWorker();
    api.load(doc, false);
    api.setBreakpoints([{ id: 'r', spec: { kind: 'revision', nodeId: 'minute' } }]);
    // Stop at each revision until this window's; just before it, the lineage has its first firing only.
    for (let i = 0; i < 500; i++) {
      runUntilStopped(clock, api);
      const hit = api.breakpointHit()!;
      if (hit.record?.['card'] === card && hit.record['window_start'] === start) break;
      const before = api.lineage({ kind: 'window', nodeId: 'minute', key: { card }, start, end }) as WindowLineage;
      expect(before.revisions.length).toBeLessThanOrEqual(1);
    }
    const at = api.lineage({ kind: 'window', nodeId: 'minute', key: { card }, start, end }) as WindowLineage;
    expect(at.revisions.map((r) => r.revision)).toEqual([0, 1]);
  });

  it('says when it cannot answer', () => {
    const { api } = testWorker();
    expect(api.lineage({ kind: 'window', nodeId: 'minute', key: {}, start: 0, end: 1 }).kind).toBe('unavailable');
    api.load(doc, false);
    expect(api.lineage({ kind: 'window', nodeId: 'byCard', key: {}, start: 0, end: 1 })).toEqual({ kind: 'unavailable', reason: 'that node is not a window' });
  });
});
