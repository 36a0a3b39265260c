import { describe, expect, it } from 'vitest';
import type { MessageSource } from '../../engine/sources/websocket/types';
import { validate } from '../../model';
import { createPipelineWorker } from '../pipelineWorker';
import { createFakeClock } from '../testing/fakeClock';

/** A WebSocket source of readings into a 1 s tumbling count per device. */
function wsDocument() {
  const checked = validate({
    format: 'windowpane.pipeline', version: 1, name: 'ws',
    nodes: [
      { id: 'live', kind: 'source.websocket', position: { x: 0, y: 0 }, params: { url: 'ws://localhost:1/streams/sensors', format: 'auto', fields: [{ name: 'ts', type: 'time' }, { name: 'device', type: 'string' }], eventTime: 'ts', timeFormat: 'auto', maxOutOfOrderness: '0ms', queueLimit: 1000, earliestYear: 1900, latestYear: 2300 } },
      { id: 'key', kind: 'transform.keyBy', position: { x: 0, y: 0 }, params: { fields: ['device'] } },
      { id: 'win', kind: 'window.tumbling', position: { x: 0, y: 0 }, params: { size: '1s' } },
      { id: 'agg', kind: 'aggregate', position: { x: 0, y: 0 }, params: { aggregations: [{ name: 'n', fn: 'count' }] } },
      { id: 'out', kind: 'sink.collect', position: { x: 0, y: 0 }, params: {} },
    ],
    edges: [
      { id: 'e1', from: 'live', to: 'key' }, { id: 'e2', from: 'key', to: 'win' }, { id: 'e3', from: 'win', to: 'agg' }, { id: 'e4', from: 'agg', to: 'out' },
    ],
  });
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('; '));
  return checked.document;
}

const reading = (i: number): string => JSON.stringify({ ts: 1_700_000_000_000 + i * 250, device: `d${i % 3}` });

describe('time travel with WebSocket input', () => {
  it('replays the messages as they arrived, and offers those of a dropped future again when the run goes on', () => {
    const clock = createFakeClock();
    let feed: MessageSource | null = null;
    const api = createPipelineWorker({ ...clock, openFeed: (_spec, source) => ((feed = source), { close: () => undefined }) });
    api.load(wsDocument(), false);
    api.start();
    const seen: { at: number; rowsOut: number; windowOut: number }[] = [];
    for (let i = 0; i < 40; i++) {
      feed!.offer(reading(i));
      // A metrics sample is due every 100 ms while running.
      clock.advance(100);
      const f = api.drain();
      seen.push({ at: f.travel!.position, rowsOut: f.metrics?.nodes.live?.rowsOut ?? -1, windowOut: f.metrics?.nodes.win?.rowsOut ?? -1 });
    }
    expect(seen.at(-1)!.at).toBe(40);
    for (const s of [seen[25]!, seen[3]!, seen[39]!, seen[10]!]) {
      expect(api.travel(s.at)).toBe(s.at);
      const f = api.drain();
      expect(f.metrics?.nodes.live?.rowsOut).toBe(s.rowsOut);
      expect(f.metrics?.nodes.win?.rowsOut).toBe(s.windowOut);
    }
    // Messages arriving while the run shows the past wait in the journal, not in the past's queue.
    feed!.offer(reading(40));
    const past = seen[10]!.at;
    expect(api.drain().travel).toMatchObject({ position: past, head: 40 });
    // Going on from the past: the messages of the old future are offered again, none lost.
    api.start();
    clock.advance(100);
    const on = api.drain();
    expect(on.travel).toMatchObject({ position: 41, head: 41, cuts: 1, droppedAfter: past });
    expect(on.metrics?.nodes.live?.rowsOut).toBe(41);
  });
});
