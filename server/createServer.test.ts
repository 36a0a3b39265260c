import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCell } from '../src/engine/batch';
import { createSampleGenerator, sampleStreamFields, type SampleParams } from '../src/engine/sources/sample';
import { createServer, type SampleServer } from './createServer';
import { eventsOf, readStream } from './testClient';

let server: SampleServer;
let base: string;

beforeAll(async () => {
  server = await createServer({ port: 0, host: '127.0.0.1' });
  base = `127.0.0.1:${server.port}`;
});
afterAll(() => server.close());

/** The same events from the engine's generator, as plain objects. */
function engineEvents(params: SampleParams): Record<string, unknown>[] {
  const generator = createSampleGenerator(params);
  const fields = sampleStreamFields(params.stream);
  const out: Record<string, unknown>[] = [];
  for (let block = generator.next(333); block !== null; block = generator.next(333)) {
    for (let r = 0; r < block.length; r++) out.push(Object.fromEntries(fields.map((f) => [f.name, readCell(block.columns[f.name]!, r)])));
  }
  return out;
}

const DEFAULTS = { rate: 1000, keys: 10, seed: 1, maxOutOfOrdernessMs: 0, lateFraction: 0, startTime: 1_700_000_000_000 } as const;

describe('sample server', () => {
  it('streams the same events as the engine generator for the same seed and params', async () => {
    for (const stream of ['sensors', 'clicks', 'payments', 'trades', 'bids'] as const) {
      const read = await readStream(`ws://${base}/streams/${stream}?seed=7&keys=5&limit=1200&maxOutOfOrderness=2s&lateFraction=0.05&speed=max&batch=100`);
      expect(read.code).toBe(1000);
      expect(read.reason).toBe('end of stream');
      const events = eventsOf(read.messages);
      expect(events).toEqual(engineEvents({ ...DEFAULTS, stream, seed: 7, keys: 5, limit: 1200, maxOutOfOrdernessMs: 2000, lateFraction: 0.05 }));
      expect(read.messages.length).toBe(12);
    }
  });

  it('sends JSON arrays when format=array, and paces by event time', async () => {
    const started = performance.now();
    // 40 events at 200 per second of event time, twice as fast: about 100 ms.
    const read = await readStream(`ws://${base}/streams/sensors?rate=200&speed=2&limit=40&format=array`);
    const elapsed = performance.now() - started;
    expect(read.messages.every((m) => m.startsWith('['))).toBe(true);
    expect(eventsOf(read.messages)).toEqual(engineEvents({ ...DEFAULTS, stream: 'sensors', rate: 200, limit: 40 }));
    expect(elapsed).toBeGreaterThan(80);
    expect(elapsed).toBeLessThan(3000);
  });

  it('adds unparseable messages at the corrupt fraction, the same ones for the same seed', async () => {
    const url = `ws://${base}/streams/payments?limit=2000&batch=10&corrupt=0.2&speed=max&seed=3`;
    const [a, b] = await Promise.all([readStream(url), readStream(url)]);
    expect(a.messages).toEqual(b.messages);
    const bad = a.messages.filter((m) => { try { JSON.parse(m.split('\n')[0]!); return false; } catch { return true; } });
    expect(bad.length).toBeGreaterThan(20);
    expect(bad.length).toBeLessThan(80);
    expect(eventsOf(a.messages)).toHaveLength(2000);
  });

  it('closes the socket with 1008 and the reason for an unknown stream or a bad parameter', async () => {
    expect(await readStream(`ws://${base}/streams/weather`)).toMatchObject({ code: 1008, reason: expect.stringMatching(/^unknown stream 'weather'; streams: sensors/) });
    expect(await readStream(`ws://${base}/streams/sensors?rate=fast`)).toMatchObject({ code: 1008, reason: "rate: expected a number in 0.001..10000000, got 'fast'" });
    expect(await readStream(`ws://${base}/streams/sensors?maxOutOfOrderness=5 minutes`)).toMatchObject({ code: 1008, reason: expect.stringMatching(/^maxOutOfOrderness: expected a duration/) });
    expect(await readStream(`ws://${base}/streams/sensors?sped=2`)).toMatchObject({ code: 1008, reason: expect.stringMatching(/^sped: unknown parameter/) });
  });

  it('lists its streams with fields and CORS headers, and answers health', async () => {
    const list = await fetch(`http://${base}/api/streams`);
    expect(list.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await list.json()) as { streams: { name: string; fields: { name: string; type: string }[] }[] };
    expect(body.streams.map((s) => s.name)).toEqual(['sensors', 'clicks', 'payments', 'trades', 'bids']);
    expect(body.streams[0]!.fields).toEqual(sampleStreamFields('sensors'));
    const health = await fetch(`http://${base}/health`);
    expect(await health.json()).toMatchObject({ ok: true });
  });

  it('answers plain HTTP errors with a status and a sentence', async () => {
    const unknown = await fetch(`http://${base}/streams/weather`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: expect.stringMatching(/unknown stream 'weather'/) });
    const bad = await fetch(`http://${base}/streams/sensors?keys=0`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "keys: expected an integer in 1..1000000, got '0'" });
    expect((await fetch(`http://${base}/nothing`)).status).toBe(404);
    expect((await fetch(`http://${base}/streams/sensors`)).status).toBe(426);
  });
});
