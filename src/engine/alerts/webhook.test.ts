import { describe, expect, it } from 'vitest';
import { backoffDelay, createWebhookPoster, type WebhookFetch } from './webhook';

interface Call {
  readonly url: string;
  readonly body: unknown;
  readonly contentType: string | undefined;
}

/** A fake endpoint answering with the given statuses in turn ('throw' rejects like a refused connection); then 200. */
function fakeEndpoint(answers: readonly (number | 'throw')[]) {
  const calls: Call[] = [];
  let n = 0;
  const fetch: WebhookFetch = (url, init) => {
    calls.push({ url, body: JSON.parse(init.body), contentType: init.headers['content-type'] });
    const answer = answers[n++] ?? 200;
    if (answer === 'throw') return Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') }));
    return Promise.resolve({ ok: answer >= 200 && answer < 300, status: answer });
  };
  return { calls, fetch };
}

function poster(answers: readonly (number | 'throw')[], extra: { maxAttempts?: number; maxQueue?: number } = {}) {
  const endpoint = fakeEndpoint(answers);
  const waits: number[] = [];
  const p = createWebhookPoster({ url: 'http://hooks.test/alert', fetch: endpoint.fetch, sleep: (ms) => { waits.push(ms); return Promise.resolve(); }, baseDelayMs: 100, maxDelayMs: 1_000, ...extra });
  return { p, waits, calls: endpoint.calls };
}

describe('webhook poster', () => {
  it('posts each row as JSON, in order', async () => {
    const { p, calls } = poster([]);
    p.post({ alert_id: 'a:1', status: 'open' });
    p.post({ alert_id: 'a:1', status: 'resolved' });
    await p.flush();
    expect(calls).toEqual([
      { url: 'http://hooks.test/alert', body: { alert_id: 'a:1', status: 'open' }, contentType: 'application/json' },
      { url: 'http://hooks.test/alert', body: { alert_id: 'a:1', status: 'resolved' }, contentType: 'application/json' },
    ]);
    expect(p.stats()).toMatchObject({ sent: 2, failed: 0, dropped: 0, retries: 0, pending: 0 });
  });

  it('retries failures with exponential backoff, capped, until one gets through', async () => {
    const { p, waits, calls } = poster([503, 'throw', 500, 429, 200], { maxAttempts: 6 });
    p.post({ n: 1 });
    await p.flush();
    expect(calls).toHaveLength(5);
    expect(waits).toEqual([100, 200, 400, 800]);
    expect(p.stats()).toMatchObject({ sent: 1, failed: 0, retries: 4, lastError: 'HTTP 429' });
    expect(backoffDelay(12, 100, 1_000)).toBe(1_000);
  });

  it('gives up after maxAttempts and counts a failure; the endpoint is then down: the next alert gets one attempt', async () => {
    const { p, calls } = poster(['throw', 'throw', 'throw', 'throw', 200, 200], { maxAttempts: 3 });
    p.post({ n: 1 });
    p.post({ n: 2 });
    p.post({ n: 3 });
    await p.flush();
    // n1: three attempts, all failed; n2: one attempt (down), failed; n3: one attempt, sent; the endpoint is up again.
    expect(calls.map((c) => (c.body as { n: number }).n)).toEqual([1, 1, 1, 2, 3]);
    expect(p.stats()).toMatchObject({ sent: 1, failed: 2, retries: 2, lastError: 'fetch failed: connect ECONNREFUSED' });
    p.post({ n: 4 });
    await p.flush();
    expect(p.stats().sent).toBe(2);
  });

  it('does not retry an answer that will not change (400), and counts it failed', async () => {
    const { p, calls } = poster([400]);
    p.post({ n: 1 });
    await p.flush();
    expect(calls).toHaveLength(1);
    expect(p.stats()).toMatchObject({ sent: 0, failed: 1, lastError: 'HTTP 400' });
  });

  it('caps the queue: rows beyond it are dropped and counted, memory stays bounded', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const calls: string[] = [];
    const p = createWebhookPoster({
      url: 'http://hooks.test/', sleep: () => Promise.resolve(), maxQueue: 3,
      fetch: async (_url, init) => { calls.push(init.body); await gate; return { ok: true, status: 200 }; },
    });
    for (let i = 0; i < 10; i++) p.post({ i });
    expect(p.stats()).toMatchObject({ pending: 3, dropped: 7 });
    release();
    await p.flush();
    expect(calls).toEqual(['{"i":0}', '{"i":1}', '{"i":2}']);
    expect(p.stats()).toMatchObject({ sent: 3, dropped: 7, pending: 0 });
  });

  it('flush with a deadline drops what is still waiting, and close stops sending', async () => {
    const p = createWebhookPoster({ url: 'http://hooks.test/', sleep: () => Promise.resolve(), fetch: () => new Promise(() => undefined) });
    p.post({ i: 1 });
    p.post({ i: 2 });
    await p.flush(Promise.resolve());
    expect(p.stats()).toMatchObject({ sent: 0, dropped: 2, pending: 0 });
    p.post({ i: 3 });
    expect(p.stats().pending).toBe(0);
  });
});
