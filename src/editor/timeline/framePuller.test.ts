import { describe, expect, it, vi } from 'vitest';
import type { TimelineFrame, TimelineQuery } from '../../worker/timelineTypes';
import { createFramePuller } from './framePuller';
import type { TimelineSource } from './timelineSource';
import { frameOf } from './testing/frameOf';

const query = (nodeId: string): TimelineQuery => ({ nodeId, key: null, fold: false, maxKeys: 10, maxMarks: 100 });

/** A source whose answers the test releases, and whose changes it announces. */
function harness() {
  const asked: { query: TimelineQuery; answer: (f: TimelineFrame | null) => void }[] = [];
  const listeners = new Set<() => void>();
  const source: TimelineSource = {
    frame: (q) => new Promise((resolve) => asked.push({ query: q, answer: resolve })),
    event: async () => null,
    window: async () => null,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const frames: (() => void)[] = [];
  const shown: (string | null)[] = [];
  const puller = createFramePuller({
    source,
    onFrame: (f, q) => shown.push(f === null ? null : `${q.nodeId}:${f.totalEvents}`),
    requestFrame: (cb) => frames.push(cb),
    cancelFrame: () => undefined,
  });
  const animate = () => {
    for (const cb of frames.splice(0)) cb();
  };
  return { asked, frames, shown, puller, animate, change: () => listeners.forEach((l) => l()), listeners };
}

describe('the timeline frame puller', () => {
  it('keeps one request in flight, however many frames and changes come', async () => {
    const h = harness();
    h.puller.setQuery(query('w'));
    h.animate();
    h.change();
    h.change();
    h.animate();
    h.animate();
    expect(h.asked).toHaveLength(1);
    h.asked[0]!.answer(frameOf([{ time: 1 }]));
    await vi.waitFor(() => expect(h.shown).toEqual(['w:1']));
    // The changes during the request make one more.
    h.animate();
    expect(h.asked).toHaveLength(2);
  });

  it('asks once after the run stops moving, then nothing until it moves again', async () => {
    const h = harness();
    h.puller.setQuery(query('w'));
    h.animate();
    h.asked[0]!.answer(frameOf([]));
    await vi.waitFor(() => expect(h.shown).toHaveLength(1));
    h.animate();
    h.animate();
    expect(h.asked).toHaveLength(1);
    expect(h.frames).toHaveLength(0);
    h.change();
    h.animate();
    expect(h.asked).toHaveLength(2);
  });

  it('drops an answer to a query no longer shown and asks the new one', async () => {
    const h = harness();
    h.puller.setQuery(query('a'));
    h.animate();
    h.puller.setQuery(query('b'));
    h.asked[0]!.answer(frameOf([{ time: 1 }]));
    await vi.waitFor(() => expect(h.frames).toHaveLength(1));
    h.animate();
    expect(h.asked.map((a) => a.query.nodeId)).toEqual(['a', 'b']);
    h.asked[1]!.answer(frameOf([{ time: 1 }, { time: 2 }]));
    await vi.waitFor(() => expect(h.shown).toEqual(['b:2']));
  });

  it('stops listening and asking when disposed', () => {
    const h = harness();
    h.puller.setQuery(query('w'));
    h.puller.dispose();
    h.animate();
    expect(h.asked).toHaveLength(0);
    expect(h.listeners.size).toBe(0);
  });
});
