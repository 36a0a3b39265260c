/**
 * Issue 12, "keep it fixed": sample-server queries through the server's
 * boundary in the sandbox, then a few generated ones against a real server
 * started here: each is answered (events, or close code 1008 with a reason
 * naming the parameter) within 2 s, and the server still serves afterwards.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type SampleServer } from '../../server/createServer';
import { readStream, type StreamRead } from '../../server/testClient';
import { streamQueryCase } from './gen/streamQueries';
import { fuzzSeed } from './harness/fuzz';
import { CASE_LIMIT_MS } from './harness/sandbox';
import { fuzzSuite } from './harness/suite';

describe('fuzz: sample-server queries', () => {
  fuzzSuite('streamQueries', streamQueryCase, 300);
});

describe('fuzz: queries against a running sample server', () => {
  let server: SampleServer;
  beforeAll(async () => {
    server = await createServer({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  /** The first message or the close, whichever comes first, or a failure after the case limit. */
  function firstAnswer(url: string): Promise<StreamRead> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${CASE_LIMIT_MS} ms: ${url}`)), CASE_LIMIT_MS);
    });
    return Promise.race([readStream(url, (messages) => messages.length > 0), limit]).finally(() => clearTimeout(timer));
  }

  it('answers 20 generated queries within 2 s each and keeps serving', async () => {
    const cases = fc.sample(streamQueryCase, { numRuns: 20, seed: fuzzSeed() });
    for (const { stream, query } of cases) {
      // Paced at a generated rate, a first event may be minutes away: an accepted stream is read at full speed.
      const params = new URLSearchParams(query);
      if (params.getAll('speed').length <= 1) params.set('speed', 'max');
      const url = `ws://127.0.0.1:${server.port}/streams/${encodeURIComponent(stream)}?${params.toString()}`;
      const answer = await firstAnswer(url);
      if (answer.messages.length === 0) {
        // Refused (or an empty stream, limit=0, ended normally): either way, said in words.
        expect([1000, 1008], `${url}: closed ${answer.code} ${answer.reason}`).toContain(answer.code);
        expect(answer.reason.length, url).toBeGreaterThan(0);
      }
    }
    const good = await firstAnswer(`ws://127.0.0.1:${server.port}/streams/sensors?limit=5`);
    expect(good.messages.length).toBeGreaterThan(0);
  }, 60_000);
});
