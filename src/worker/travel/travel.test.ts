import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { validate, type PipelineDocument } from '../../model';
import { createPipelineWorker } from '../pipelineWorker';
import type { Frame, NodeStats, PreviewRecord } from '../protocol';
import { createFakeClock } from '../testing/fakeClock';
import { sensorDocument } from '../testing/documents';
import type { Limits } from './timeMachine';

/** Few snapshots close together, so travel restores them, thins them and replays from them. */
const SMALL: Limits = { snapshots: 4, interval: 700, entries: 100_000, chars: 1_000_000 };
let limits: Limits = SMALL;

function worker() {
  const clock = createFakeClock();
  return { clock, api: createPipelineWorker({ ...clock, openFeed: () => ({ close: () => undefined }), travelLimits: limits }) };
}

/** Two sample streams into one union, keyed, late data kept (1 s lateness) and the late port counted. */
function unionDocument(): PipelineDocument {
  const checked = validate({
    format: 'windowpane.pipeline', version: 1, name: 'union',
    nodes: [
      { id: 'a', kind: 'source.sample', position: { x: 0, y: 0 }, params: { stream: 'sensors', rate: 400, keys: 4, seed: 3 } },
      { id: 'b', kind: 'source.sample', position: { x: 0, y: 0 }, params: { stream: 'sensors', rate: 300, keys: 3, seed: 9 } },
      { id: 'u', kind: 'transform.union', position: { x: 0, y: 0 }, params: {} },
      { id: 'key', kind: 'transform.keyBy', position: { x: 0, y: 0 }, params: { fields: ['device'] } },
      { id: 'win', kind: 'window.tumbling', position: { x: 0, y: 0 }, params: { size: '1s', allowedLateness: '1s' } },
      { id: 'agg', kind: 'aggregate', position: { x: 0, y: 0 }, params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 'hi', fn: 'max', field: 'temperature' }] } },
      { id: 'out', kind: 'sink.collect', position: { x: 0, y: 0 }, params: {} },
    ],
    edges: [
      { id: 'e1', from: 'a', to: 'u' }, { id: 'e2', from: 'b', to: 'u' }, { id: 'e3', from: 'u', to: 'key' },
      { id: 'e4', from: 'key', to: 'win' }, { id: 'e5', from: 'win', to: 'agg' }, { id: 'e6', from: 'agg', to: 'out' },
    ],
  });
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('; '));
  return checked.document;
}

/** The figures a badge shows, without the rates (wall-clock, not state). */
function totals(frame: Frame): Record<string, Omit<NodeStats, 'inPerSecond' | 'outPerSecond'>> {
  const out: Record<string, Omit<NodeStats, 'inPerSecond' | 'outPerSecond'>> = {};
  for (const [id, s] of Object.entries(frame.metrics?.nodes ?? {})) {
    out[id] = { rowsIn: s.rowsIn, rowsOut: s.rowsOut, watermark: s.watermark, keys: s.keys, openWindows: s.openWindows, lateEvents: s.lateEvents };
  }
  return out;
}

/** Every row a sink got, as records with their run position. */
function rowsOf(frames: readonly Frame[], sinkId: string): { at: number; row: PreviewRecord }[] {
  const rows: { at: number; row: PreviewRecord }[] = [];
  for (const f of frames) {
    for (const c of f.outputs) {
      if (c.sinkId !== sinkId) continue;
      for (let i = 0; i < c.length; i++) {
        const row: Record<string, string | number | boolean | null> = {};
        for (const col of c.columns) row[col.name] = col.values[i] ?? null;
        rows.push({ at: c.positions![i]!, row });
      }
    }
  }
  return rows;
}

/** Runs `doc` paced at 20x for `ms` of the fake clock, keeping every frame (one per 50 ms). */
function runFor(doc: PipelineDocument, ms: number, watched: string | null = null) {
  const w = worker();
  w.api.load(doc, false);
  w.api.watch(watched);
  w.api.setSpeed(20);
  w.api.start();
  const frames: Frame[] = [];
  for (let t = 0; t < ms; t += 50) {
    w.clock.advance(50);
    frames.push(w.api.drain());
  }
  return { ...w, frames };
}

describe.each([['from thinned snapshots', SMALL], ['from the first snapshot only', { snapshots: 2, interval: 1e12, entries: 100_000, chars: 1_000_000 }]] as const)('time travel in the worker, %s', (_, kept) => {
  beforeEach(() => {
    limits = kept;
  });

  it('travels to any position a frame showed and back to the head, with the badges of then', () => {
    for (const doc of [sensorDocument({ rate: 1000 }), unionDocument()]) {
      const { api, frames } = runFor(doc, 1500);
      const seen = frames.filter((f) => f.metrics !== null).map((f) => ({ at: f.travel!.position, totals: totals(f) }));
      const head = frames.at(-1)!.travel!.head;
      expect(head).toBeGreaterThan(10_000);
      const order = fc.sample(fc.shuffledSubarray(seen, { minLength: seen.length, maxLength: seen.length }), { numRuns: 1, seed: 42 })[0]!;
      for (const { at, totals: expected } of order) {
        expect(api.travel(at)).toBe(at);
        const frame = api.drain();
        expect(frame.phase).toBe('paused');
        expect(frame.travel).toMatchObject({ position: at, head, earliest: 0 });
        expect(totals(frame)).toEqual(expected);
      }
    }
  });

  it('stands, at a random position, where a fresh run stepped to it stands: badges, preview and results', () => {
    const { api, frames } = runFor(sensorDocument({ rate: 1000 }), 1200, 'win');
    const head = frames.at(-1)!.travel!.head;
    const before = rowsOf(frames, 'out');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: head }), (target) => {
        const at = api.travel(target);
        // One source: every position is a stop.
        expect(at).toBe(target);
        const travelled = api.drain();
        const fresh = worker();
        fresh.api.load(sensorDocument({ rate: 1000 }), false);
        fresh.api.watch('win');
        const got: Frame[] = [];
        for (let n = 0; n < Math.floor(target / 1000); n++) {
          fresh.api.step('batch');
          got.push(fresh.api.drain());
        }
        for (let n = 0; n < target % 1000; n++) fresh.api.step('event');
        got.push(fresh.api.drain());
        const last = got.at(-1)!;
        expect(last.travel!.position).toBe(target);
        expect(totals(travelled)).toEqual(totals(last));
        expect(travelled.preview?.out).toEqual(last.preview?.out);
        expect(travelled.preview?.late).toEqual(last.preview?.late);
        // The results emitted by then, whatever the steps.
        expect(before.filter((r) => r.at <= target).map((r) => r.row).length).toBeLessThanOrEqual(rowsOf(got, 'out').length);
        expect(rowsOf(got, 'out').map((r) => r.row)).toEqual(expect.arrayContaining(before.filter((r) => r.at <= target).map((r) => r.row)));
      }),
      { numRuns: 12, seed: 7 },
    );
  });

  it('keeps the timeline of the followed window node as of then, and records the new future once after going on', () => {
    const { api, clock } = worker();
    api.load(sensorDocument({ rate: 1000, limit: 6000 }), false);
    api.followTimeline('win');
    api.setSpeed(20);
    api.start();
    clock.advance(200);
    const head = api.drain().travel!.position;
    const query = { nodeId: 'win', key: null, fold: false, maxKeys: 10, maxMarks: 100_000 };
    const now = api.timeline(query)!;
    expect(now.totalEvents).toBe(head);
    // A position the recording has events at (it keeps the newest events; older ones are counted only).
    const back = api.travel(now.marks.position[Math.floor(now.marks.length / 2)]!) as number;
    // Replaying adds nothing to the recording; the past is a query.
    expect(api.timeline(query)!.totalEvents).toBe(head);
    expect(api.timeline({ ...query, atPosition: back })!.totalEvents).toBe(back);
    api.setSpeed('max');
    api.start();
    for (let i = 0; i < 20 && api.drain().phase !== 'finished'; i++) clock.advance(20);
    const end = api.timeline(query)!;
    expect(end.totalEvents).toBe(6000);
    // The newest events it keeps: each once, arrival numbers in a row up to the last.
    const seqs = [...end.marks.seq];
    expect(seqs.at(-1)).toBe(6000);
    expect(seqs.every((s, i) => i === 0 || s === seqs[i - 1]! + 1)).toBe(true);
  });

  it('steps back by one event and by one batch', () => {
    const { api, frames } = runFor(sensorDocument({ rate: 1000 }), 600);
    const head = frames.at(-1)!.travel!.head;
    expect(api.stepBack('event')).toBe(head - 1);
    expect(api.stepBack('batch')).toBe(head - 1001);
    expect(api.drain().travel?.position).toBe(head - 1001);
  });

  it('goes on from the past: the old future is dropped, and an uninterrupted run agrees', () => {
    const { api, clock, frames } = runFor(sensorDocument({ rate: 1000, limit: 8000 }), 100);
    const at = frames.at(-1)!.travel!.position;
    expect(at).toBeGreaterThan(1000);
    api.travel(Math.floor(at / 2));
    api.drain();
    api.setSpeed('max');
    api.start();
    const after: Frame[] = [];
    for (let i = 0; i < 40 && after.at(-1)?.phase !== 'finished'; i++) {
      clock.advance(20);
      after.push(api.drain());
    }
    expect(after[0]!.travel).toMatchObject({ cuts: 1, droppedAfter: Math.floor(at / 2) });
    expect(after.at(-1)!.phase).toBe('finished');
    const whole = worker();
    whole.api.load(sensorDocument({ rate: 1000, limit: 8000 }), false);
    whole.api.setSpeed('max');
    whole.api.start();
    let end: Frame | null = null;
    for (let i = 0; i < 40 && end?.phase !== 'finished'; i++) {
      whole.clock.advance(20);
      end = whole.api.drain();
    }
    expect(totals(after.at(-1)!)).toEqual(totals(end!));
    // Results of the kept past plus the new future: exactly those of the uninterrupted run.
    const kept = rowsOf(frames, 'out').filter((r) => r.at <= Math.floor(at / 2));
    const replayed = [...kept, ...rowsOf(after, 'out')].map((r) => JSON.stringify(r.row)).sort();
    expect(replayed).toEqual(rowsOf([end!], 'out').map((r) => JSON.stringify(r.row)).sort());
  });

});
