/**
 * The partitioned log end to end: a real server on its own port and data
 * directory, real `ws` consumers, a restart on the same directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCell } from '../../src/engine/batch';
import { createSampleGenerator, sampleStreamFields } from '../../src/engine/sources/sample';
import { partitionOf, type LogMessage } from '../../src/model/logProtocol';
import { createServer, type SampleServer } from '../createServer';
import { readStream } from '../testClient';
import { startLogSession, HIGH_WATER } from './consumerSession';
import type { TopicStoreOptions } from './topicStore';

const COUNT = 3000;
let dir: string;
let server: SampleServer;
let base: string;

const options = (): TopicStoreOptions => ({ dataDir: dir, segmentRecords: 500, topics: [{ name: 't1', stream: 'sensors', limit: COUNT, seed: 7 }] });

async function start(): Promise<void> {
  server = await createServer({ port: 0, host: '127.0.0.1', topics: options() });
  await server.topics!.ready();
  base = `127.0.0.1:${server.port}`;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wp-topics-'));
  await start();
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The stream's events from the engine's generator, as plain objects. */
function engineEvents(limit: number): Record<string, unknown>[] {
  const generator = createSampleGenerator({ stream: 'sensors', rate: 1000, keys: 10, seed: 7, limit, maxOutOfOrdernessMs: 0, lateFraction: 0, startTime: 1_700_000_000_000 });
  const fields = sampleStreamFields('sensors');
  const out: Record<string, unknown>[] = [];
  for (let block = generator.next(500); block !== null; block = generator.next(500)) {
    for (let r = 0; r < block.length; r++) out.push(Object.fromEntries(fields.map((f) => [f.name, readCell(block.columns[f.name]!, r)])));
  }
  return out;
}

/** Reads `topic` from `from` until `count` messages came. */
async function consume(from: string, count: number, topic = 't1'): Promise<LogMessage[]> {
  const read = await readStream(`ws://${base}/topics/${topic}?from=${from}`, (messages) => messages.reduce((n, m) => n + (JSON.parse(m) as unknown[]).length, 0) >= count);
  return read.messages.flatMap((m) => JSON.parse(m) as LogMessage[]);
}

const byPartition = (messages: readonly LogMessage[], p: number): LogMessage[] => messages.filter((m) => m.partition === p);
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

describe('topics: the partitioned log', () => {
  it('partitions the stream by key hash, numbers each partition from 0, and replays it all from earliest', async () => {
    const messages = await consume('earliest', COUNT);
    expect(messages).toHaveLength(COUNT);
    const events = engineEvents(COUNT);
    for (let p = 0; p < 4; p++) {
      const mine = byPartition(messages, p);
      expect(mine.map((m) => m.offset)).toEqual(range(0, mine.length));
      // The partition holds exactly its keys' events, in the generator's order.
      expect(mine.map((m) => m.value)).toEqual(events.filter((e) => partitionOf(String(e.device), 4) === p));
      expect(mine.every((m) => m.ts === m.value.ts)).toBe(true);
    }
  });

  it('starts each partition where offsets: says, clamped to earliest..next, others at earliest', async () => {
    const topic = server.topics!.get('t1')!;
    const next = topic.partitions.map((log) => log.next);
    const messages = await consume(`offsets:0=5,2=${next[2]! - 3},3=99999999`, COUNT - 5 - (next[2]! - 3) - next[3]!);
    expect(byPartition(messages, 0).map((m) => m.offset)).toEqual(range(5, next[0]!));
    expect(byPartition(messages, 1).map((m) => m.offset)).toEqual(range(0, next[1]!));
    expect(byPartition(messages, 2).map((m) => m.offset)).toEqual(range(next[2]! - 3, next[2]!));
    expect(byPartition(messages, 3)).toEqual([]);
  });

  it('starts each partition at its first record of event time at least time:', async () => {
    const at = 1_700_000_000_000 + 2000;
    const all = await consume('earliest', COUNT);
    const expected = all.filter((m) => m.offset >= (all.find((f) => f.partition === m.partition && f.ts >= at)?.offset ?? Infinity));
    const messages = await consume(`time:${at}`, expected.length);
    expect(messages.map((m) => `${m.partition}:${m.offset}`).sort()).toEqual(expected.map((m) => `${m.partition}:${m.offset}`).sort());
    expect(messages.every((m) => m.ts >= at)).toBe(true);
  });

  it('sends only what is appended after the connection with latest, then tails every append', async () => {
    const topic = server.topics!.get('t1')!;
    const before = topic.partitions.map((log) => log.next);
    const reading = consume('latest', 3);
    // The server takes the session's positions as it accepts the socket; append once it has.
    await waitForConsumers(1);
    topic.append([{ key: 'sensor-001', ts: 1, json: '{"ts":1,"device":"sensor-001"}' }, { key: 'sensor-002', ts: 2, json: '{"ts":2,"device":"sensor-002"}' }, { key: 'sensor-001', ts: 3, json: '{"ts":3,"device":"sensor-001"}' }]);
    const messages = await reading;
    expect(messages.map((m) => m.value.ts)).toEqual(expect.arrayContaining([1, 2, 3]));
    for (const m of messages) expect(m.offset).toBeGreaterThanOrEqual(before[m.partition]!);
    expect(messages.filter((m) => m.partition === partitionOf('sensor-001', 4)).map((m) => m.value.ts)).toEqual([1, 3]);
  });

  it('refuses an unknown topic, a bad from and a partition it does not have with 1008 and a reason', async () => {
    expect(await readStream(`ws://${base}/topics/nope`)).toMatchObject({ code: 1008, reason: "unknown topic 'nope'; topics: t1" });
    expect(await readStream(`ws://${base}/topics/t1?from=yesterday`)).toMatchObject({ code: 1008, reason: expect.stringMatching(/^from: 'yesterday' is not a start: use earliest, latest/) });
    expect(await readStream(`ws://${base}/topics/t1?from=offsets:9=0`)).toMatchObject({ code: 1008, reason: "from: partition 9 does not exist: topic 't1' has partitions 0..3" });
    expect(await readStream(`ws://${base}/topics/t1?rate=5`)).toMatchObject({ code: 1008, reason: 'rate: unknown parameter; a topic takes only from=' });
  });

  it('lists topics with partitions, offsets, retention and fields under /api/streams, and creates one by POST', async () => {
    const body = (await (await fetch(`http://${base}/api/streams`)).json()) as { streams: unknown[]; topics: { name: string; url: string; partitions: { earliest: number; next: number }[]; fields: unknown[]; retention: unknown }[] };
    expect(body.streams).toHaveLength(5);
    const t1 = body.topics.find((t) => t.name === 't1')!;
    expect(t1.url).toBe(`ws://${base}/topics/t1`);
    expect(t1.partitions.reduce((n, p) => n + p.next, 0)).toBeGreaterThanOrEqual(COUNT);
    expect(t1.partitions.every((p) => p.earliest === 0)).toBe(true);
    expect(t1.retention).toEqual({ maxRecords: 100_000, maxAgeMs: null });
    expect(t1.fields).toEqual(sampleStreamFields('sensors'));
    const post = (json: unknown): Promise<Response> => fetch(`http://${base}/api/topics`, { method: 'POST', body: JSON.stringify(json) });
    const created = await post({ name: 'posted', stream: 'payments', count: 1000, partitions: 2 });
    expect(created.status).toBe(201);
    const info = (await created.json()) as { partitions: { next: number }[] };
    expect(info.partitions.reduce((n, p) => n + p.next, 0)).toBe(1000);
    expect((await consume('earliest', 1000, 'posted')).length).toBe(1000);
    expect((await post({ name: 'posted', stream: 'payments', count: 5 })).status).toBe(409);
    expect(await (await post({ name: 'x', stream: 'weather', count: 5 })).json()).toEqual({ error: expect.stringMatching(/^stream: /) });
    expect((await post({ name: 'x', stream: 'sensors', count: 5_000_000 })).status).toBe(400);
  });

  it('still has every record after a restart on the same data directory, and continues the offsets', async () => {
    const before = await consume('earliest', COUNT);
    const topic = server.topics!.get('t1')!;
    const next = topic.partitions.map((log) => log.next);
    await server.close();
    await start();
    const again = server.topics!.get('t1')!;
    expect(again.partitions.map((log) => log.next)).toEqual(next);
    const after = await consume('earliest', next.reduce((a, b) => a + b, 0));
    for (let p = 0; p < 4; p++) expect(byPartition(after, p).slice(0, byPartition(before, p).length)).toEqual(byPartition(before, p));
    again.append([{ key: 'sensor-001', ts: 5, json: '{"ts":5}' }]);
    const p = partitionOf('sensor-001', 4);
    expect(again.partitions[p]!.next).toBe(next[p]! + 1);
  });
});

/** Resolves once the server has `n` open sockets. */
async function waitForConsumers(n: number): Promise<void> {
  for (;;) {
    const health = (await (await fetch(`http://${base}/health`)).json()) as { clients: number };
    if (health.clients >= n) return;
  }
}

describe('a slow consumer', () => {
  it('makes the session wait at the high-water mark, not read the partition into memory', async () => {
    const topic = server.topics!.get('t1')!;
    let buffered = 0;
    let most = 0;
    let sent = 0;
    let pollsWhileFull = 0;
    let onPoll: () => void = () => {};
    const offsets = new Map<number, number[]>();
    const socket = {
      readyState: 1,
      get bufferedAmount() {
        if (buffered > HIGH_WATER) { pollsWhileFull++; onPoll(); }
        return buffered;
      },
      send(data: string) {
        buffered += data.length;
        most = Math.max(most, buffered);
        for (const m of JSON.parse(data) as LogMessage[]) {
          sent++;
          offsets.set(m.partition, [...(offsets.get(m.partition) ?? []), m.offset]);
        }
      },
      close() {},
    };
    // Enough records that a whole replay is several times the high-water mark.
    const total = topic.partitions.reduce((n, log) => n + log.next - log.earliest, 0);
    for (let i = 0; total + i * 1000 < 30_000; i++) {
      topic.append(Array.from({ length: 1000 }, (_, j) => ({ key: `sensor-${j % 10}`, ts: j, json: `{"ts":${j},"pad":"${'x'.repeat(200)}"}` })));
    }
    const all = topic.partitions.reduce((n, log) => n + log.next - log.earliest, 0);
    const session = startLogSession(socket, topic, { kind: 'earliest' }, (error) => { throw error; });
    await new Promise<void>((done) => { onPoll = () => { if (pollsWhileFull >= 5) done(); }; });
    expect(sent).toBeLessThan(all);
    expect(most).toBeLessThan(HIGH_WATER + 300 * 1024);
    // The client catches up: the rest comes, nothing twice, nothing missing.
    onPoll = () => {};
    const drained = new Promise<void>((done) => {
      const check = (): void => { buffered = 0; if (sent >= all) done(); else setImmediate(check); };
      check();
    });
    await drained;
    session.stop();
    for (const [p, list] of offsets) expect(list).toEqual(range(topic.partitions[p]!.earliest, topic.partitions[p]!.next));
  });
});
