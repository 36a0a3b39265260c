import { describe, expect, it } from 'vitest';
import { parseServerArgs } from './serverArgs';
import { parseStreamName, parseStreamRequest } from './streamParams';

const parse = (query: string) => parseStreamRequest('sensors', new URLSearchParams(query));

describe('parseStreamRequest', () => {
  it('fills the source.sample defaults', () => {
    expect(parse('')).toEqual({
      ok: true,
      value: {
        sample: { stream: 'sensors', rate: 1000, keys: 10, limit: null, seed: 1, maxOutOfOrdernessMs: 0, lateFraction: 0, startTime: 1_700_000_000_000 },
        speed: 1, format: 'ndjson', batch: 500, corrupt: 0,
      },
    });
  });

  it('reads durations or milliseconds, speed=max, and every other parameter', () => {
    const got = parse('rate=50&keys=3&limit=7&seed=-4&maxOutOfOrderness=1.5s&lateFraction=0.1&startTime=0&speed=max&format=array&batch=2&corrupt=0.5');
    expect(got).toMatchObject({ ok: true, value: { sample: { rate: 50, keys: 3, limit: 7, seed: -4, maxOutOfOrdernessMs: 1500, lateFraction: 0.1, startTime: 0 }, speed: 'max', format: 'array', batch: 2, corrupt: 0.5 } });
    expect(parse('maxOutOfOrderness=250')).toMatchObject({ ok: true, value: { sample: { maxOutOfOrdernessMs: 250 } } });
    const now = parseStreamRequest('sensors', new URLSearchParams('startTime=now'), 1_800_000_000_123);
    expect(now).toMatchObject({ ok: true, value: { sample: { startTime: 1_800_000_000_000 } } });
  });

  it('names the parameter and what it expected', () => {
    expect(parse('keys=2.5')).toEqual({ ok: false, status: 400, message: "keys: expected an integer in 1..1000000, got '2.5'" });
    expect(parse('rate=')).toMatchObject({ message: "rate: expected a number in 0.001..10000000, got ''" });
    expect(parse('speed=fast')).toMatchObject({ message: "speed: expected a number in (0, 10000] or 'max', got 'fast'" });
    expect(parse('format=xml')).toMatchObject({ message: "format: expected ndjson or array, got 'xml'" });
    expect(parse('lateFraction=2')).toMatchObject({ message: "lateFraction: expected a number in 0..1, got '2'" });
    expect(parse('colour=red')).toMatchObject({ message: expect.stringMatching(/^colour: unknown parameter; known: rate, seed/) });
  });

  it('refuses an unknown stream with 404 and the list', () => {
    expect(parseStreamName('weather')).toEqual({ ok: false, status: 404, message: "unknown stream 'weather'; streams: sensors, clicks, payments, trades, bids" });
    expect(parseStreamName('bids')).toEqual({ ok: true, value: 'bids' });
  });
});

describe('parseServerArgs', () => {
  it('takes --port, then WINDOWPANE_SERVER_PORT, then 8787', () => {
    expect(parseServerArgs([], {})).toMatchObject({ port: 8787, host: undefined });
    expect(parseServerArgs([], { WINDOWPANE_SERVER_PORT: '9000' })).toMatchObject({ port: 9000, host: undefined });
    expect(parseServerArgs(['--port', '9001', '--host=127.0.0.1'], { WINDOWPANE_SERVER_PORT: '9000' })).toMatchObject({ port: 9001, host: '127.0.0.1' });
  });

  it('says what is wrong with the command line', () => {
    expect(parseServerArgs(['--port', 'x'], {})).toEqual({ error: "port: expected an integer in 0..65535, got 'x'" });
    expect(parseServerArgs(['--port'], {})).toEqual({ error: '--port needs a value' });
    expect(parseServerArgs(['--verbose'], {})).toMatchObject({ error: expect.stringMatching(/^unknown argument '--verbose'/) });
  });
});

describe('parseServerArgs: topics', () => {
  it('reads the data directory, partitions, retention and finite topics, with defaults', () => {
    expect(parseServerArgs([], {})).toMatchObject({ dataDir: '.windowpane-data', partitions: 4, retention: { maxRecords: 100_000, maxAgeMs: null }, topics: [], liveRate: 100 });
    expect(parseServerArgs(['--data-dir', '/tmp/x', '--partitions=8', '--retention-records', 'none', '--retention-age', '1h', '--topic', 't1:sensors:5000', '--topic=t2:bids:10', '--no-live-topics'], {})).toMatchObject({
      dataDir: '/tmp/x', partitions: 8, retention: { maxRecords: null, maxAgeMs: 3_600_000 },
      topics: [{ name: 't1', stream: 'sensors', limit: 5000 }, { name: 't2', stream: 'bids', limit: 10 }], liveRate: null,
    });
    expect(parseServerArgs(['--no-topics'], {})).toMatchObject({ dataDir: null, liveRate: null });
  });

  it('says what is wrong with a topic option', () => {
    expect(parseServerArgs(['--topic', 'a:weather:5'], {})).toMatchObject({ error: expect.stringMatching(/^--topic: expected NAME:STREAM:N/) });
    expect(parseServerArgs(['--topic', '../x:sensors:5'], {})).toMatchObject({ error: expect.stringMatching(/^--topic: /) });
    expect(parseServerArgs(['--partitions', '0'], {})).toEqual({ error: "--partitions: expected an integer in 1..64, got '0'" });
    expect(parseServerArgs(['--retention-records', '-3'], {})).toMatchObject({ error: expect.stringMatching(/^--retention-records: /) });
    expect(parseServerArgs(['--retention-age', 'soon'], {})).toMatchObject({ error: expect.stringMatching(/^--retention-age: /) });
  });
});
