import { describe, expect, it } from 'vitest';
import type { WebsocketSourceSpec } from '../engine/plan/types';
import { createMessageSource } from '../engine/sources/websocket/messageSource';
import { judgeClose, retryDelay } from './backoff';
import type { ConnectionState } from './protocol';
import type { FeedRetry } from './feeds';
import { frame } from '../engine/sources/websocket/testLog';
import { createWebsocketFeeds, type FeedSocket } from './websocketFeed';

const SPEC: WebsocketSourceSpec = {
  url: 'ws://localhost:8787/streams/sensors', format: 'auto', eventTime: 'ts', timeFormat: 'epochMillis', boundMs: 0, queueLimit: 100,
  fields: [{ name: 'ts', type: 'time' }, { name: 'v', type: 'number' }],
};

class FakeSocket implements FeedSocket {
  binaryType: BinaryType = 'blob';
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closedWith: number | null = null;
  constructor(readonly url: string) {}
  open(): void { this.onopen?.({} as Event); }
  message(data: unknown): void { this.onmessage?.({ data } as MessageEvent); }
  drop(code = 1006, reason = ''): void { this.onclose?.({ code, reason } as CloseEvent); }
  close(code?: number): void { this.closedWith = code ?? 1005; }
}

/** A fake clock with a timer queue, a fake socket factory and a log of states. */
function harness(spec: WebsocketSourceSpec = SPEC, fetchJson: (url: string) => Promise<unknown> = () => Promise.reject(new Error('no server'))) {
  let now = 0;
  const timers: { at: number; callback: () => void; id: number }[] = [];
  let nextId = 0;
  const sockets: FakeSocket[] = [];
  const states: { state: ConnectionState; detail: string; at: number; retry?: FeedRetry }[] = [];
  const openFeed = createWebsocketFeeds({
    connect: (url) => { const s = new FakeSocket(url); sockets.push(s); return s; },
    setTimer: (callback, ms) => { timers.push({ at: now + ms, callback, id: ++nextId }); return nextId; },
    clearTimer: (id) => { const i = timers.findIndex((t) => t.id === id); if (i >= 0) timers.splice(i, 1); },
    random: () => 0.5,
    now: () => 1_000_000 + now,
    fetchJson,
  });
  const source = createMessageSource('ws', spec);
  const feed = openFeed(spec, source, (state, detail, retry) => states.push({ state, detail, at: now, ...(retry === undefined ? {} : { retry }) }));
  return {
    feed, source, sockets, states, timers,
    last: () => sockets.at(-1)!,
    state: () => states.at(-1)!,
    advance(ms: number): void {
      now += ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        if (timers[0] === undefined || timers[0].at > now) break;
        timers.shift()!.callback();
      }
    },
  };
}

describe('retryDelay', () => {
  it('starts at 0.5 s, doubles, stops at 10 s, and jitters by ±20 %', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((a) => retryDelay(a, 0.5))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
    expect(retryDelay(2, 0)).toBe(1600);
    expect(retryDelay(2, 0.999_999)).toBe(2400);
  });
});

describe('judgeClose', () => {
  it('tells an ended stream, a refusal and a lost connection apart', () => {
    expect(judgeClose(1000, 'end of stream', true)).toEqual({ kind: 'ended', detail: 'the server ended the stream: end of stream' });
    expect(judgeClose(1008, "rate: expected a number, got 'x'", true).kind).toBe('refused');
    expect(judgeClose(1006, '', false)).toEqual({ kind: 'retry', why: 'cannot connect' });
    expect(judgeClose(1006, '', true)).toEqual({ kind: 'retry', why: 'connection lost' });
    expect(judgeClose(1001, 'server shutting down', true)).toEqual({ kind: 'retry', why: 'server going away: server shutting down' });
  });
});

describe('the WebSocket feed', () => {
  it('goes connecting, live, and feeds text and binary frames to the source', () => {
    const h = harness();
    expect(h.state().state).toBe('connecting');
    expect(h.last().binaryType).toBe('arraybuffer');
    h.last().open();
    expect(h.state()).toMatchObject({ state: 'live', detail: `connected to ${SPEC.url}` });
    h.last().message('{"ts": 1, "v": 2}');
    h.last().message(new TextEncoder().encode('{"ts": 2, "v": 3}').buffer);
    h.last().message('garbage');
    expect(h.source.stats()).toMatchObject({ messages: 3, queued: 2, deadLetters: 1 });
  });

  it('reconnects with a doubling delay while the server is down, and resets it once data flows', () => {
    const h = harness();
    h.last().drop();
    expect(h.state()).toMatchObject({ state: 'reconnecting', detail: 'retry 1 of 5 in 0.5 s (cannot connect)' });
    h.advance(499);
    expect(h.sockets).toHaveLength(1);
    h.advance(1);
    expect(h.sockets).toHaveLength(2);
    h.last().drop();
    expect(h.state().detail).toBe('retry 2 of 5 in 1 s (cannot connect)');
    h.advance(1000);
    h.last().drop();
    expect(h.state().detail).toBe('retry 3 of 5 in 2 s (cannot connect)');
    h.advance(2000);
    h.last().open();
    // Open but no data yet: a server that drops us at once keeps the backoff growing.
    h.last().drop();
    expect(h.state().detail).toBe('retry 4 of 5 in 4 s (connection lost)');
    h.advance(4000);
    h.last().open();
    h.last().message('{"ts": 1, "v": 1}');
    h.last().drop(1001, 'server shutting down');
    expect(h.state().detail).toBe('retry 1 of 5 in 0.5 s (server going away: server shutting down)');
    expect(h.sockets).toHaveLength(5);
  });

  it('closes the source when the server ends the stream, and stops without retrying on a refusal', () => {
    const ended = harness();
    ended.last().open();
    ended.last().message('{"ts": 1, "v": 1}');
    ended.last().drop(1000, 'end of stream');
    expect(ended.state()).toMatchObject({ state: 'closed', detail: 'the server ended the stream: end of stream' });
    expect(ended.source.next(10)!.length).toBe(1);
    expect(ended.source.next(10)).toBeNull();
    const refused = harness();
    refused.last().drop(1008, 'unknown stream');
    expect(refused.state()).toMatchObject({ state: 'closed', detail: 'refused by the server (code 1008): unknown stream' });
    expect(refused.timers).toHaveLength(0);
  });

  it('closes the socket and cancels a pending retry when the run stops', () => {
    const h = harness();
    h.last().open();
    h.feed.close();
    expect(h.last().closedWith).toBe(1000);
    expect(h.state()).toMatchObject({ state: 'closed', detail: 'run stopped' });
    const waiting = harness();
    waiting.last().drop();
    waiting.feed.close();
    waiting.advance(60_000);
    expect(waiting.sockets).toHaveLength(1);
    expect(waiting.state().state).toBe('closed');
  });

  it('retries by the source\'s policy, says which attempt and when, and fails the run on the source when they are used up', () => {
    const h = harness({ ...SPEC, retry: { retries: 2, initialBackoff: '1s', maxBackoff: '1m', jitter: 0 } });
    h.last().drop();
    expect(h.state()).toEqual({ state: 'reconnecting', detail: 'retry 1 of 2 in 1 s (cannot connect)', at: 0, retry: { attempt: 1, maxAttempts: 2, nextAttemptAt: 1_001_000 } });
    h.advance(1000);
    expect(h.state()).toMatchObject({ state: 'reconnecting', detail: `reconnecting to ${SPEC.url} (attempt 1 of 2)` });
    h.last().open();
    h.last().drop();
    expect(h.state()).toMatchObject({ detail: 'retry 2 of 2 in 2 s (connection lost)', retry: { attempt: 2, maxAttempts: 2, nextAttemptAt: 1_003_000 } });
    h.advance(2000);
    h.last().drop();
    const message = `${SPEC.url}: cannot connect, after 2 retries`;
    expect(h.state()).toMatchObject({ state: 'closed', detail: message });
    expect(h.timers).toHaveLength(0);
    expect(() => h.source.next(10)).toThrow(message);
    expect(h.sockets).toHaveLength(3);
  });

  it('fails at once with no retries', () => {
    const h = harness({ ...SPEC, retry: { retries: 0, initialBackoff: '1s', maxBackoff: '1s', jitter: 0 } });
    h.last().drop();
    expect(h.state()).toMatchObject({ state: 'closed', detail: `${SPEC.url}: cannot connect` });
    expect(() => h.source.next(10)).toThrow('cannot connect');
  });
});

const LOG_SPEC: WebsocketSourceSpec = {
  url: 'ws://localhost:8787/topics/sensors', format: 'auto', eventTime: 'ts', timeFormat: 'epochMillis', boundMs: 0, queueLimit: 100,
  fields: [{ name: 'ts', type: 'time' }, { name: 'p', type: 'number' }, { name: 'o', type: 'number' }],
  log: { from: 'earliest' },
};

const TOPICS = { topics: [{ name: 'other', partitions: [] }, { name: 'sensors', partitions: [{ partition: 0, earliest: 0, next: 9 }, { partition: 1, earliest: 0, next: 9 }] }] };

/** Lets the fetch of /api/streams settle. */
const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 0));

describe('the WebSocket feed in log mode', () => {
  it('learns the partitions, connects from the start, and reconnects from the next offset of each partition', async () => {
    const asked: string[] = [];
    const h = harness(LOG_SPEC, (url) => { asked.push(url); return Promise.resolve(TOPICS); });
    expect(h.sockets).toHaveLength(0);
    await settle();
    expect(asked).toEqual(['http://localhost:8787/api/streams']);
    expect(h.last().url).toBe('ws://localhost:8787/topics/sensors?from=earliest');
    h.last().open();
    h.last().message(frame([{ partition: 0, offset: 0, ts: 10 }, { partition: 0, offset: 1, ts: 20 }]));
    // Partition 1 is known and holds the watermark before its first event.
    expect(h.source.next(10)!.endWatermark).toBe(-Infinity);
    h.last().message(frame([{ partition: 1, offset: 0, ts: 15 }]));
    h.last().drop(1001, 'server restarting');
    h.advance(500);
    expect(h.last().url).toBe('ws://localhost:8787/topics/sensors?from=offsets:0=2,1=1');
    // The server replays a little: nothing twice.
    h.last().message(frame([{ partition: 0, offset: 1, ts: 20 }, { partition: 0, offset: 2, ts: 30 }]));
    expect(h.source.next(10)!.length).toBe(2);
    expect(h.source.stats()).toMatchObject({ duplicates: 1, position: 'offsets:0=3,1=1' });
  });

  it('reconnects from the offsets a restored snapshot holds, replacing a from= in the URL', async () => {
    const h = harness({ ...LOG_SPEC, url: 'ws://localhost:8787/topics/sensors?from=latest', log: { from: 'offsets:0=7,3=2' } });
    await settle();
    expect(h.last().url).toBe('ws://localhost:8787/topics/sensors?from=offsets:0=7,3=2');
  });

  it('opens without the partition list when the server has none', async () => {
    const h = harness(LOG_SPEC);
    await settle();
    expect(h.last().url).toBe('ws://localhost:8787/topics/sensors?from=earliest');
  });

  it('catches up a full queue by reconnecting from its position instead of dropping', async () => {
    const h = harness({ ...LOG_SPEC, queueLimit: 4 });
    await settle();
    h.last().open();
    h.last().message(frame([0, 1, 2, 3, 4, 5].map((o) => ({ partition: 0, offset: o, ts: o }))));
    expect(h.last().closedWith).toBe(1000);
    expect(h.state()).toMatchObject({ state: 'reconnecting' });
    h.advance(1000);
    expect(h.sockets).toHaveLength(1);
    expect(h.source.next(3)!.length).toBe(3);
    h.advance(50);
    expect(h.last().url).toBe('ws://localhost:8787/topics/sensors?from=offsets:0=4');
    expect(h.source.stats().dropped).toBe(0);
  });
});
