/**
 * Issue 12, finding 2: nothing one client sends may crash, hang or bloat the
 * server. Real `ws` clients against a server started here; every refusal is
 * close code 1008 with a reason naming the parameter.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type SampleServer } from './createServer';
import { startStreamSession } from './streamSession';
import { eventsOf, readStream } from './testClient';

let server: SampleServer;
let base: string;

/** seed=666 throws while opening; seed=667 throws from its socket in a later turn. */
const startSession: typeof startStreamSession = (socket, request, now, onError) => {
  if (request.sample.seed === 666) throw new Error('injected failure while opening');
  if (request.sample.seed !== 667) return startStreamSession(socket, request, now, onError);
  const failing = {
    get bufferedAmount() { return socket.bufferedAmount; },
    get readyState() { return socket.readyState; },
    send(): void { throw new Error('injected failure while sending'); },
    close: (code: number, reason: string) => socket.close(code, reason),
  };
  return startStreamSession(failing, request, now, onError);
};

beforeAll(async () => {
  server = await createServer({ port: 0, host: '127.0.0.1', startSession });
  base = `ws://127.0.0.1:${server.port}/streams/sensors`;
});
afterAll(() => server.close());

const NINES = '9'.repeat(400);
const ABSURD: Record<string, readonly string[]> = {
  // 5e-324 is > 0, yet its second event would be at time Infinity (found by the fuzz suite).
  rate: [NINES, '-5', 'NaN', '', '0', '1e9', 'Infinity', '5e-324', '0.0009'],
  keys: [NINES, '-1', 'NaN', '', '0', '2000000', '1.5'],
  seed: [NINES, 'NaN', '', '1.5', '1e300'],
  maxOutOfOrderness: [NINES, '99999999999999', '-1', '-5s', 'NaN', '', '1e400', '1000000h', 'Infinity'],
  lateFraction: [NINES, '-0.1', 'NaN', '', '1.5'],
  limit: [NINES, '-1', 'NaN', '', '1.5', '1e300'],
  // 8.64e15 is the last Date: every later event would be past it (found by the fuzz suite); the engine accepts years 1900 to 2300.
  startTime: [NINES, 'NaN', '', '1.5', '9007199254740991', '-9007199254740991', '8640000000000000', '-2208988800001', '10445328000000'],
  speed: [NINES, '-1', 'NaN', '', '0', '1e9', 'Infinity'],
  batch: [NINES, '-1', 'NaN', '', '0', '1e9', '2.5'],
  format: [NINES, '', 'xml'],
  corrupt: [NINES, '-1', 'NaN', '', '2'],
};

describe('sample server boundaries', () => {
  it('refuses every absurd parameter value with 1008 and a reason naming the parameter', async () => {
    for (const [name, values] of Object.entries(ABSURD)) {
      for (const value of values) {
        const read = await readStream(`${base}?${name}=${encodeURIComponent(value)}`);
        expect({ name, value, code: read.code }).toEqual({ name, value, code: 1008 });
        expect(read.reason, `${name}=${value}`).toMatch(new RegExp(`^${name}: expected `));
        expect(Buffer.byteLength(read.reason)).toBeLessThanOrEqual(123);
      }
    }
  });

  it('refuses a disorder whose reorder buffer would be too large for the rate, and a repeated parameter', async () => {
    for (const query of ['rate=10000000&maxOutOfOrderness=1h', 'maxOutOfOrderness=10m&lateFraction=0.1', 'rate=1000000&maxOutOfOrderness=1s']) {
      const read = await readStream(`${base}?${query}`);
      expect(read.code, query).toBe(1008);
      expect(read.reason, query).toMatch(/^maxOutOfOrderness: .*events/);
    }
    const twice = await readStream(`${base}?rate=5&rate=6`);
    expect(twice).toMatchObject({ code: 1008, reason: 'rate: given more than once' });
    // Generous bounds still hold a long disorder at a modest rate, and any disorder when the limit is small.
    for (const query of ['maxOutOfOrderness=60s&lateFraction=0.1&limit=50&speed=max', 'rate=10000000&maxOutOfOrderness=1d&limit=50&speed=max']) {
      const read = await readStream(`${base}?${query}`);
      expect(read.code, `${query}: ${read.reason}`).toBe(1000);
      expect(eventsOf(read.messages)).toHaveLength(50);
    }
  });

  it('keeps streaming to one client while others misbehave, and survives errors in a connection', async () => {
    let received = 0;
    const steady = readStream(`${base}?rate=2000&batch=20`, (messages) => {
      received = eventsOf(messages).length;
      return received >= 600;
    });
    const bad = await Promise.all([
      readStream(`${base}?maxOutOfOrderness=${NINES}`),
      readStream(`${base}?maxOutOfOrderness=99999999999999`),
      readStream(`${base}?seed=666`),
      readStream(`${base}?seed=667`),
      readStream(`${base}?keys=-1`),
    ]);
    expect(bad.map((r) => r.code)).toEqual([1008, 1008, 1011, 1011, 1008]);
    expect(bad[2]!.reason).toBe('internal error: injected failure while opening');
    expect(bad[3]!.reason).toBe('internal error: injected failure while sending');
    const read = await steady;
    expect(read.code).toBe(1000);
    expect(received).toBeGreaterThanOrEqual(600);
    // And the server still takes new streams.
    const after = await readStream(`${base}?limit=10&speed=max`);
    expect(eventsOf(after.messages)).toHaveLength(10);
  });

  it('answers a request target that is not a URL with 400 over HTTP and 1008 on a socket, and stays up', async () => {
    const get = (path: string): Promise<number> => new Promise((done, fail) => {
      request({ host: '127.0.0.1', port: server.port, path }, (res) => { res.resume(); done(res.statusCode ?? 0); }).on('error', fail).end();
    });
    expect(await get('//')).toBe(400);
    expect(await get('//a%20b/streams/sensors')).toBe(400);
    const read = await readStream(`ws://127.0.0.1:${server.port}//`);
    expect(read).toMatchObject({ code: 1008 });
    expect(await get('/health')).toBe(200);
  });
});
