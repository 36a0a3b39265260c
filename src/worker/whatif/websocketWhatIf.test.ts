import { describe, expect, it } from 'vitest';
import { compareWhatIf } from '../../engine/compare/compareRuns';
import type { MessageSource } from '../../engine/sources/websocket/types';
import { pipeline } from '../../engine/testing/documents';
import { createPipelineWorker } from '../pipelineWorker';
import { createFakeClock } from '../testing/fakeClock';
import type { WhatIfAnswer } from './whatIfTypes';

const readings = Array.from({ length: 200 }, (_, i) => ({ ts: 1_700_000_000_000 + i * 100 - (i % 6 === 0 ? 3000 : 0), device: `d${i % 2}` }));

function windowed(source: { id: string; kind: string; params: Record<string, unknown> }) {
  return pipeline([
    source,
    { id: 'k', kind: 'transform.keyBy', params: { fields: ['device'] } },
    { id: 'w', kind: 'window.tumbling', params: { size: '1s' } },
    { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }] } },
    { id: 'out', kind: 'sink.collect' },
  ]);
}
const wsDoc = windowed({ id: 'live', kind: 'source.websocket', params: { url: 'ws://localhost:1/x', fields: [{ name: 'ts', type: 'time' }, { name: 'device', type: 'string' }] } });
const fileDoc = windowed({ id: 'live', kind: 'source.file', params: { format: 'ndjson', eventTime: 'ts', data: readings.map((r) => JSON.stringify(r)).join('\n') } });
const change = { nodeId: 'w', param: 'allowedLateness', value: '4s' } as const;

async function settle(clock: ReturnType<typeof createFakeClock>, pending: Promise<WhatIfAnswer>): Promise<WhatIfAnswer> {
  for (let i = 0; i < 1000 && clock.pending() > 0; i++) clock.advance(10);
  return pending;
}

describe("the worker's what-if of a WebSocket run", () => {
  it('replays the messages the run has received into both runs', async () => {
    const clock = createFakeClock();
    let feed: MessageSource | null = null;
    const api = createPipelineWorker({ ...clock, openFeed: (_spec, source) => ((feed = source), { close: () => undefined }) });
    expect(await api.compareWhatIf({ doc: wsDoc, change, listAll: false })).toEqual({ ok: false, message: expect.stringMatching(/^run the pipeline first/) as unknown });
    api.load(wsDoc, false);
    api.start();
    for (let i = 0; i < readings.length; i += 10) {
      feed!.offer(JSON.stringify(readings.slice(i, i + 10)));
      clock.advance(100);
    }
    api.pause();
    const answer = await settle(clock, api.compareWhatIf({ doc: wsDoc, change, listAll: false }));
    const file = compareWhatIf(fileDoc, change);
    if (!answer.ok || !file.ok) throw new Error('a comparison failed');
    expect(answer.comparison.eventsA).toBe(readings.length);
    const counts = (c: typeof file.comparison) => c.nodes.map(({ windowsA, windowsB, same, changed, onlyA, onlyB, lateA, lateB, revisionsA, revisionsB }) => ({ windowsA, windowsB, same, changed, onlyA, onlyB, lateA, lateB, revisionsA, revisionsB }));
    expect(counts(answer.comparison)).toEqual(counts(file.comparison));
    expect(answer.comparison.nodes[0]!.lateA).toBeGreaterThan(0);
    expect(answer.comparison.nodes[0]!.lateB).toBe(0);
  });
});
