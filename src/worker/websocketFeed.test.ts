import { describe, expect, it } from 'vitest';
import type { WebsocketSourceSpec } from '../engine/plan/types';
import { createMessageSource } from '../engine/sources/websocket/messageSource';
import { judgeClose, retryDelay } from './backoff';
import type { ConnectionState } from './protocol';
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
function harness() {
  let now = 0;
  const timers: { at: number; callback: () => void; id: number }[] = [];
  let nextId = 0;
  const sockets: FakeSocket[] = [];
  const states: { state: ConnectionState; detail: string; at: number }[] = [];
  const openFeed = createWebsocketFeeds({
    connect: (url) => { const s = new FakeSocket(url); sockets.push(s); return s; },
    setTimer: (callback, ms) => { timers.push({ at: now + ms, callback, id: ++nextId }); return nextId; },
    clearTimer: (id) => { const i = timers.findIndex((t) => t.id === id); if (i >= 0) timers.splice(i, 1); },
    random: () => 0.5,
  });
  const source = createMessageSource('ws', SPEC);
  const feed = openFeed(SPEC, source, (state, detail) => states.push({ state, detail, at: now }));
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
    expect(h.state()).toMatchObject({ state: 'reconnecting', detail: 'retry in 0.5 s (cannot connect)' });
    h.advance(499);
    expect(h.sockets).toHaveLength(1);
    h.advance(1);
    expect(h.sockets).toHaveLength(2);
    h.last().drop();
    expect(h.state().detail).toBe('retry in 1 s (cannot connect)');
    h.advance(1000);
    h.last().drop();
    expect(h.state().detail).toBe('retry in 2 s (cannot connect)');
    h.advance(2000);
    h.last().open();
    // Open but no data yet: a server that drops us at once keeps the backoff growing.
    h.last().drop();
    expect(h.state().detail).toBe('retry in 4 s (connection lost)');
    h.advance(4000);
    h.last().open();
    h.last().message('{"ts": 1, "v": 1}');
    h.last().drop(1001, 'server shutting down');
    expect(h.state().detail).toBe('retry in 0.5 s (server going away: server shutting down)');
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
});
