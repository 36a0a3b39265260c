import { describe, expect, it } from 'vitest';
import { lineageSource, queryFor } from './target';

const doc = {
  nodes: [
    { id: 's', kind: 'source.sample' }, { id: 'k', kind: 'transform.keyBy' }, { id: 'w', kind: 'window.tumbling' },
    { id: 'a', kind: 'aggregate' }, { id: 'm', kind: 'transform.map' }, { id: 't', kind: 'sink.table' }, { id: 'l', kind: 'sink.log' },
    { id: 's2', kind: 'source.sample' }, { id: 'u', kind: 'transform.union' }, { id: 'x', kind: 'sink.collect' },
  ],
  edges: [
    { from: 's', to: 'k' }, { from: 'k', to: 'w' }, { from: 'w', to: 'a' }, { from: 'a', to: 'm' }, { from: 'm', to: 't' },
    { from: 'w', fromPort: 'late', to: 'l' }, { from: 'a', to: 'u' }, { from: 's2', to: 'u' }, { from: 'u', to: 'x' },
  ],
};

describe('where a row came from', () => {
  it('follows single inputs up to the window, through its out or late port', () => {
    expect(lineageSource(doc, 't')).toEqual({ kind: 'window', windowId: 'w' });
    expect(lineageSource(doc, 'a')).toEqual({ kind: 'window', windowId: 'w' });
    expect(lineageSource(doc, 'w')).toEqual({ kind: 'window', windowId: 'w' });
    expect(lineageSource(doc, 'l')).toEqual({ kind: 'late', windowId: 'w' });
    expect(lineageSource(doc, 'x')).toBeNull();
    expect(lineageSource(doc, 'k')).toBeNull();
  });

  it('asks about a window only for rows that say which', () => {
    expect(queryFor({ kind: 'window', windowId: 'w' }, { window_start: 0, window_end: 60_000, card: 'c' })).toEqual({ kind: 'window', nodeId: 'w', key: { window_start: 0, window_end: 60_000, card: 'c' }, start: 0, end: 60_000 });
    expect(queryFor({ kind: 'window', windowId: 'w' }, { card: 'c' })).toBeNull();
    expect(queryFor({ kind: 'late', windowId: 'w' }, { ts: 5 })).toEqual({ kind: 'late', nodeId: 'w', record: { ts: 5 } });
  });
});
