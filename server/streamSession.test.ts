import { describe, expect, it } from 'vitest';
import { parseStreamRequest } from './streamParams';
import { startStreamSession, type StreamSocket } from './streamSession';

describe('startStreamSession', () => {
  it('sends at most 100,000 events per turn of the event loop, however large the batch', async () => {
    const request = parseStreamRequest('sensors', new URLSearchParams('speed=max&batch=100000'));
    if (!request.ok) throw new Error(request.message);
    const messages: number[] = [];
    const socket: StreamSocket = {
      bufferedAmount: 0, readyState: 1,
      send: (data) => { messages.push(data.length); },
      close: () => {},
    };
    const session = startStreamSession(socket, request.value);
    // The session's first turn was queued first, so it has run once this resolves.
    await new Promise((done) => setImmediate(done));
    session.stop();
    expect(session.sent).toBe(100_000);
    expect(messages).toHaveLength(1);
  });

  it('closes its socket with 1011 when a turn throws, and stops', async () => {
    const request = parseStreamRequest('sensors', new URLSearchParams('speed=max'));
    if (!request.ok) throw new Error(request.message);
    const closed: [number, string][] = [];
    const socket: StreamSocket = {
      bufferedAmount: 0, readyState: 1,
      send: () => { throw new Error('socket gone'); },
      close: (code, reason) => { closed.push([code, reason]); },
    };
    const session = startStreamSession(socket, request.value);
    await new Promise((done) => setImmediate(done));
    await new Promise((done) => setImmediate(done));
    expect(closed).toEqual([[1011, 'internal error']]);
    expect(session.sent).toBe(0);
  });
});
