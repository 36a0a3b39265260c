/**
 * The integration test: a log-mode WebSocket source read by
 * `windowpane run` against the real sample server, which is restarted on the
 * same data directory mid-run. Every event of the topic reaches the sink once,
 * in offset order per partition: no gap, no duplicate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type SampleServer } from '../server/createServer';
import type { TopicStoreOptions } from '../server/log/topicStore';
import { readCell } from '../src/engine/batch';
import { createSampleGenerator, sampleStreamFields } from '../src/engine/sources/sample';
import { partitionOf } from '../src/model';
import { main } from './main';
import { memoryIo, ndjson } from './testIo';

const COUNT = 40_000;
const PARTITIONS = 4;
let dir: string;
let server: SampleServer;

const options = (): TopicStoreOptions => ({ dataDir: dir, partitions: PARTITIONS, segmentRecords: 5000, topics: [{ name: 'readings', stream: 'sensors', limit: COUNT, seed: 11 }] });

async function start(port: number): Promise<void> {
  server = await createServer({ port, host: '127.0.0.1', topics: options() });
  await server.topics!.ready();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wp-log-resume-'));
  await start(0);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The topic's events as the generator made them, in order. */
function topicEvents(): Record<string, unknown>[] {
  const generator = createSampleGenerator({ stream: 'sensors', rate: 1000, keys: 10, seed: 11, limit: COUNT, maxOutOfOrdernessMs: 0, lateFraction: 0, startTime: 1_700_000_000_000 });
  const fields = sampleStreamFields('sensors');
  const out: Record<string, unknown>[] = [];
  for (let block = generator.next(4096); block !== null; block = generator.next(4096)) {
    for (let r = 0; r < block.length; r++) out.push(Object.fromEntries(fields.map((f) => [f.name, readCell(block.columns[f.name]!, r)])));
  }
  return out;
}

describe('a log-mode source against the sample server restarted mid-run', () => {
  it('reads every offset once, in order per partition', async () => {
    const port = server.port;
    const doc = JSON.stringify({
      format: 'windowpane.pipeline', version: 1, name: 'log restart',
      nodes: [
        { id: 'log', kind: 'source.websocket', position: { x: 0, y: 0 }, params: {
          url: `ws://127.0.0.1:${port}/topics/readings`, eventTime: 'ts', maxOutOfOrderness: '0s', fields: sampleStreamFields('sensors'),
          log: { from: 'earliest' }, retry: { retries: 50, initialBackoff: '20ms', maxBackoff: '200ms', jitter: 0 },
        } },
        { id: 'results', kind: 'sink.collect', position: { x: 200, y: 0 } },
      ],
      edges: [{ id: 'e1', from: 'log', to: 'results' }],
    });
    const io = memoryIo();
    io.files.set('/doc.json', doc);
    const stderr = io.stderr;
    let restart: Promise<void> | null = null;
    io.stderr = (text) => {
      stderr(text);
      // The restart, as soon as the first connection is up: the rest of the topic comes from the new process.
      if (restart === null && text.includes('connected to')) restart = server.close().then(() => start(port));
    };
    const code = await main(['run', '/doc.json', '--limit', String(COUNT)], io);
    await restart;
    const err = io.err.join('');
    expect(code, err).toBe(0);
    expect(err).toMatch(/connected to ws:\/\/127\.0\.0\.1:\d+\/topics\/readings\?from=offsets:0=\d+,1=\d+,2=\d+,3=\d+/);
    const rows = ndjson(io.out.join('')).map(({ sink: _sink, ...row }) => row);
    const events = topicEvents();
    expect(rows).toHaveLength(COUNT);
    for (let p = 0; p < PARTITIONS; p++) {
      const mine = (list: Record<string, unknown>[]): Record<string, unknown>[] => list.filter((e) => partitionOf(String(e['device']), PARTITIONS) === p);
      expect(mine(rows)).toEqual(mine(events));
    }
  });
});
