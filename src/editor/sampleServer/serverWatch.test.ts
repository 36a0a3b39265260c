import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Scheduler } from './retrySchedule';
import { checkServerNow, streamsKey, watchServer } from './serverWatch';

const BASE = 'http://sample.test:1';
const LISTING = { streams: [{ name: 'sensors', description: 'Sensors', fields: [{ name: 'ts', type: 'time' }] }] };

/** Timers that run only when told, and fetch answers the test decides. */
function harness() {
  const timers: (() => void)[] = [];
  const scheduler: Scheduler = { setTimeout: (run) => timers.push(run), clearTimeout: () => undefined };
  let up = false;
  const calls: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    calls.push(url);
    return up ? Promise.resolve(new Response(JSON.stringify(LISTING))) : Promise.reject(new TypeError('Failed to fetch'));
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { scheduler, timers, calls, settle, start: () => { up = true; } };
}

afterEach(() => vi.unstubAllGlobals());

describe('watching the sample server', () => {
  it('knocks once however many components watch, and stops when the last one goes', async () => {
    const h = harness();
    const client = new QueryClient();
    const stopPalette = watchServer(client, BASE, h.scheduler);
    const stopPicker = watchServer(client, BASE, h.scheduler);
    await h.settle();
    expect(h.calls).toEqual([`${BASE}/api/streams`]);
    expect(h.timers).toHaveLength(1);
    expect(client.getQueryState(streamsKey(BASE))?.errorUpdateCount).toBe(1);

    stopPalette();
    h.timers.shift()!();
    await h.settle();
    expect(h.calls).toHaveLength(2);
    stopPicker();
    h.timers.shift()?.();
    await h.settle();
    expect(h.calls).toHaveLength(2);
  });

  it('puts the streams in react-query once the server answers, and then stops looking', async () => {
    const h = harness();
    const client = new QueryClient();
    const stop = watchServer(client, BASE, h.scheduler);
    await h.settle();
    h.start();
    checkServerNow(client, BASE);
    await h.settle();
    expect(client.getQueryData(streamsKey(BASE))).toEqual({ streams: LISTING.streams, topics: [] });
    checkServerNow(client, BASE);
    await h.settle();
    expect(h.calls).toHaveLength(2);
    stop();
  });
});
