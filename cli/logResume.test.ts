import { afterEach, describe, expect, it } from 'vitest';
import type { LogMessage } from '../src/model';
import { main } from './main';
import { memoryIo, ndjson } from './testIo';
import { sampleLog, startFakeLog, type FakeLogServer } from './testLogServer';

const servers: FakeLogServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

function logDocument(port: number, retry?: Record<string, unknown>): string {
  return JSON.stringify({
    format: 'windowpane.pipeline', version: 1, name: 'log resume',
    nodes: [
      { id: 'log', kind: 'source.websocket', position: { x: 0, y: 0 }, params: {
        url: `ws://127.0.0.1:${port}/topics/sensors`, eventTime: 'ts', maxOutOfOrderness: '0s',
        fields: [{ name: 'ts', type: 'number' }, { name: 'p', type: 'number' }, { name: 'o', type: 'number' }],
        log: { from: 'earliest' }, ...(retry === undefined ? {} : { retry }),
      } },
      { id: 'results', kind: 'sink.collect', position: { x: 200, y: 0 } },
    ],
    edges: [{ id: 'e1', from: 'log', to: 'results' }],
  });
}

async function run(doc: string, limit: number): Promise<{ code: number; rows: Record<string, unknown>[]; err: string }> {
  const io = memoryIo();
  io.files.set('/doc.json', doc);
  const code = await main(['run', '/doc.json', '--limit', String(limit)], io);
  return { code, rows: ndjson(io.out.join('')), err: io.err.join('') };
}

/** Each partition's offsets as the run output them, in output order. */
const offsetsByPartition = (rows: Record<string, unknown>[], partitions: number): number[][] =>
  Array.from({ length: partitions }, (_, p) => rows.filter((r) => r['p'] === p).map((r) => r['o'] as number));

const everyOffset = (log: readonly (readonly LogMessage[])[]): number[][] => log.map((msgs) => msgs.map((m) => m.offset));

describe('windowpane run with a log-mode WebSocket source', () => {
  it('resumes from its offsets after lost connections, with no gap and no duplicate even when the server replays', async () => {
    const log = sampleLog(3, 40);
    const server = await startFakeLog('sensors', log, 0, { dropAfter: [25, 10, 31], replay: 2 });
    servers.push(server);
    const got = await run(logDocument(server.port, { retries: 5, initialBackoff: '10ms', maxBackoff: '50ms', jitter: 0 }), 120);
    expect(got.code, got.err).toBe(0);
    expect(offsetsByPartition(got.rows, 3)).toEqual(everyOffset(log));
    expect(server.starts[0]).toBe('earliest');
    expect(server.starts.slice(1)).toHaveLength(3);
    for (const start of server.starts.slice(1)) expect(start).toMatch(/^offsets:0=\d+,1=\d+,2=\d+$/);
    expect(got.err).toMatch(/node 'log': retry 1 of 5 in 0\.0 s/);
  });

  it('resumes after the server restarts on the same port', async () => {
    const log = sampleLog(2, 30);
    const starts: string[] = [];
    const first = await startFakeLog('sensors', log, 0, { dropAfter: [17] }, starts);
    const port = first.port;
    let settled = false;
    const running = run(logDocument(port, { retries: 20, initialBackoff: '20ms', maxBackoff: '100ms', jitter: 0 }), 60).finally(() => { settled = true; });
    // The restart: the first server goes away once it has served its part, another takes the port.
    while (starts.length === 0 && !settled) await new Promise((done) => setTimeout(done, 5));
    await first.stop();
    servers.push(await startFakeLog('sensors', log, port, {}, starts));
    const got = await running;
    expect(got.code, got.err).toBe(0);
    expect(offsetsByPartition(got.rows, 2)).toEqual(everyOffset(log));
    expect(starts.at(-1)).toMatch(/^offsets:0=\d+,1=\d+$/);
  });

  it('fails the run naming the source and the last error when the retries are used up', async () => {
    const log = sampleLog(1, 10);
    const server = await startFakeLog('sensors', log, 0, { dropAfter: [3, 0, 0] });
    servers.push(server);
    const got = await run(logDocument(server.port, { retries: 2, initialBackoff: '10ms', maxBackoff: '10ms', jitter: 0 }), 10);
    expect(got.code).toBe(3);
    expect(got.err).toMatch(/a live source ended early \(node 'log': connection closed \(code 1006\), after 2 retries\)/);
    expect(offsetsByPartition(got.rows, 1)).toEqual([[0, 1, 2]]);
  });
});
