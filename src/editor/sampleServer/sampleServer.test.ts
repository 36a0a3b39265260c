import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type SampleServer } from '../../../server/createServer';
import { websocketSourceParamsSchema } from '../../model';
import { resolveServerBase, servedServerAddress, streamOfUrl, streamUrl, topicOfUrl, topicUrl } from './serverUrl';
import { topicSummary } from './LiveTopics';
import { fetchCatalog, liveSourceParams, topicSourceParams } from './streamCatalog';

describe('resolveServerBase', () => {
  it('takes ?server= first, then the build variable, then localhost:8787', () => {
    expect(resolveServerBase('http://example.org:9000/x', 'http://other:1')).toBe('http://example.org:9000');
    expect(resolveServerBase('box:9000', undefined)).toBe('http://box:9000');
    expect(resolveServerBase('wss://secure.example', undefined)).toBe('https://secure.example');
    expect(resolveServerBase(null, 'http://env:7000')).toBe('http://env:7000');
    expect(resolveServerBase('ftp://nope', '')).toBe('http://localhost:8787');
    expect(resolveServerBase(null, undefined)).toBe('http://localhost:8787');
  });

  it('puts the port the serving process announces before the build variable, after ?server=', () => {
    expect(resolveServerBase(null, 'http://env:7000', 'http://localhost:9123')).toBe('http://localhost:9123');
    expect(resolveServerBase('box:9000', 'http://env:7000', 'http://localhost:9123')).toBe('http://box:9000');
    expect(servedServerAddress(9123, 'localhost')).toBe('http://localhost:9123');
    expect(servedServerAddress(9123, '::1')).toBe('http://[::1]:9123');
  });
});

describe('stream addresses', () => {
  it('builds ws:// (or wss://) stream URLs and reads the stream back', () => {
    const url = streamUrl('http://localhost:8787', 'sensors', { rate: 1000, seed: 1 });
    expect(url).toBe('ws://localhost:8787/streams/sensors?rate=1000&seed=1');
    expect(streamUrl('https://host', 'bids', {})).toBe('wss://host/streams/bids');
    expect(streamOfUrl('http://localhost:8787', url)).toBe('sensors');
    expect(streamOfUrl('http://localhost:8787', 'ws://elsewhere:8787/streams/sensors')).toBeNull();
    expect(streamOfUrl('http://localhost:8787', 'not a url')).toBeNull();
    expect(topicUrl('http://localhost:8787', 'sensors')).toBe('ws://localhost:8787/topics/sensors');
    expect(topicUrl('https://host', 'a-b')).toBe('wss://host/topics/a-b');
    expect(topicOfUrl('http://localhost:8787', 'ws://localhost:8787/topics/sensors')).toBe('sensors');
    expect(topicOfUrl('http://localhost:8787', url)).toBeNull();
  });
});

describe('the stream catalog', () => {
  let server: SampleServer;
  beforeAll(async () => { server = await createServer({ port: 0, host: '127.0.0.1' }); });
  afterAll(() => server.close());

  it('fetches the real server\'s streams and makes valid source.websocket params of each', async () => {
    const base = `http://127.0.0.1:${server.port}`;
    const { streams, topics } = await fetchCatalog(base);
    expect(topics).toEqual([]);
    expect(streams.map((s) => s.name)).toEqual(['sensors', 'clicks', 'payments', 'trades', 'bids']);
    for (const stream of streams) {
      const params = liveSourceParams(base, stream);
      expect(websocketSourceParamsSchema.safeParse(params).success).toBe(true);
      expect(params.url).toBe(`ws://127.0.0.1:${server.port}/streams/${stream.name}?rate=1000&keys=10&seed=1&maxOutOfOrderness=2s`);
    }
  });

  it('refuses an address that does not answer with a listing', async () => {
    const base = `http://127.0.0.1:${server.port}`;
    await expect(fetchCatalog(`${base}/nothing`)).rejects.toThrow(/answered 404/);
  });
});

describe('the topic catalog', () => {
  let server: SampleServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wp-catalog-'));
    server = await createServer({ port: 0, host: '127.0.0.1', topics: { dataDir: dir, topics: [{ name: 'orders', stream: 'payments', limit: 500 }] } });
    await server.topics!.ready();
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fetches the topics with partitions and offsets, and makes a log-mode source.websocket of each', async () => {
    const base = `http://127.0.0.1:${server.port}`;
    const { topics } = await fetchCatalog(base);
    expect(topics.map((t) => [t.name, t.stream, t.partitions.length])).toEqual([['orders', 'payments', 4]]);
    const topic = topics[0]!;
    expect(topic.partitions.reduce((n, p) => n + p.next, 0)).toBe(500);
    expect(topicSummary(topic)).toBe('4p · 500');
    const params = topicSourceParams(base, topic);
    const parsed = websocketSourceParamsSchema.safeParse(params);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.log).toEqual({ from: 'earliest' });
    expect(params.url).toBe(`ws://127.0.0.1:${server.port}/topics/orders`);
    expect(params.fields).toEqual([{ name: 'ts', type: 'time' }, { name: 'card', type: 'string' }, { name: 'merchant', type: 'string' }, { name: 'amount', type: 'number' }, { name: 'country', type: 'string' }]);
  });
});
