import { describe, expect, it } from 'vitest';
import { pipeline } from '../testing/documents';
import { compareWhatIf } from './compareRuns';
import type { ReplayEntry } from './types';

/** Readings with every seventh one 4 s behind, so lateness decides their fate. */
const readings = Array.from({ length: 300 }, (_, i) => ({ ts: 1_700_000_000_000 + i * 100 - (i % 7 === 0 ? 4000 : 0), device: `d${i % 3}`, v: i }));

function windowed(source: { id: string; kind: string; params: Record<string, unknown> }) {
  return pipeline([
    source,
    { id: 'k', kind: 'transform.keyBy', params: { fields: ['device'] } },
    { id: 'w', kind: 'window.tumbling', params: { size: '2s', allowedLateness: '0s' } },
    { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 's', fn: 'sum', field: 'v' }] } },
    { id: 'out', kind: 'sink.collect' },
  ]);
}

const wsDoc = windowed({ id: 'live', kind: 'source.websocket', params: { url: 'ws://localhost:1/x', fields: [{ name: 'ts', type: 'time' }, { name: 'device', type: 'string' }, { name: 'v', type: 'number' }], maxOutOfOrderness: '500ms' } });
const fileDoc = windowed({ id: 'live', kind: 'source.file', params: { format: 'ndjson', eventTime: 'ts', data: readings.map((r) => JSON.stringify(r)).join('\n'), maxOutOfOrderness: '500ms' } });
const change = { nodeId: 'w', param: 'allowedLateness', value: '5s' } as const;

describe('what-if over recorded WebSocket input', () => {
  it('replays the messages into both runs and finds what the same events from a file give', () => {
    // Messages of one to five readings, with steps between some of them, as a live run records them.
    const replay: ReplayEntry[] = [];
    for (let i = 0; i < readings.length; i += 1 + (i % 5)) {
      replay.push({ kind: 'message', sourceId: 'live', text: JSON.stringify(readings.slice(i, i + 1 + (i % 5))) });
      if (i % 3 === 0) replay.push({ kind: 'step', rows: 64 });
    }
    const live = compareWhatIf(wsDoc, change, { replay, listAll: true });
    const file = compareWhatIf(fileDoc, change, { listAll: true });
    if (!live.ok || !file.ok) throw new Error(live.ok ? (file.ok ? '' : file.message) : live.message);
    const strip = (c: typeof live.comparison) => c.nodes.map((n) => ({ ...n, all: n.all?.map((d) => ({ ...d, a: d.a?.values, b: d.b?.values })) }));
    expect(strip(live.comparison)).toEqual(strip(file.comparison));
    const node = live.comparison.nodes[0]!;
    expect(node.lateA).toBeGreaterThan(node.lateB);
    expect(node.changed).toBeGreaterThan(0);
    expect(live.comparison.eventsA).toBe(readings.length);
  });

  it('needs a recording for a WebSocket source, and ends its input where the recording ends', () => {
    const none = compareWhatIf(wsDoc, change);
    expect(none.ok ? '' : none.message).toMatch(/reads a WebSocket and none of its input was recorded/);
    const empty = compareWhatIf(wsDoc, change, { replay: [] });
    expect(empty.ok && empty.comparison.eventsA).toBe(0);
  });
});
