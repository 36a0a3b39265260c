import { describe, expect, it } from 'vitest';
import { checkConnection } from './connections';
import { createEditorStore } from './documentStore';
import { fieldsNeededAt, fieldsReadBy } from './fieldNeeds';
import type { EditorNode } from './types';

function node(id: string, kind: string, params: Record<string, unknown>): EditorNode {
  return { id, kind, position: { x: 0, y: 0 }, params };
}

function clicksInto(...rest: EditorNode[]) {
  const store = createEditorStore({
    doc: { name: 'test', nodes: [node('clicks', 'source.sample', { stream: 'clicks' }), ...rest], edges: [] },
  });
  return store;
}

describe('fieldsReadBy', () => {
  it('names the fields of key-bys, aggregations and the fields inside filter and map expressions', () => {
    expect([...fieldsReadBy(node('k', 'transform.keyBy', { fields: ['device', 'site'] }))]).toEqual(['device', 'site']);
    expect([...fieldsReadBy(node('a', 'aggregate', { aggregations: [{ name: 'n', fn: 'count' }, { name: 't', fn: 'avg', field: 'temperature' }] }))]).toEqual(['temperature']);
    expect([...fieldsReadBy(node('f', 'transform.filter', { expr: "temperature > 30 && lower(site) == 'a'" }))]).toEqual(['temperature', 'site']);
    expect([...fieldsReadBy(node('m', 'transform.map', { fields: [{ name: 'f', expr: 'round(c * 9 / 5) + offset' }] }))]).toEqual(['c', 'offset']);
  });

  it('asks nothing of an expression that does not parse: that is the node\'s own problem', () => {
    expect([...fieldsReadBy(node('f', 'transform.filter', { expr: 'temperature >' }))]).toEqual([]);
  });
});

describe('fieldsNeededAt', () => {
  it('follows fields through filters and windows to the aggregate that reads them, but not past a map that computes them', () => {
    const store = clicksInto(
      node('w', 'window.tumbling', { size: '1m' }),
      node('agg', 'aggregate', { aggregations: [{ name: 't', fn: 'avg', field: 'temperature' }, { name: 'x', fn: 'max', field: 'double' }] }),
      node('m', 'transform.map', { fields: [{ name: 'double', expr: 'temperature * 2' }], keep: true }),
    );
    const s = store.getState();
    s.connect({ from: 'w', fromPort: 'out', to: 'agg' });
    s.connect({ from: 'm', fromPort: 'out', to: 'w' });
    expect(fieldsNeededAt(store.getState().doc, 'w')).toEqual([{ field: 'temperature', nodeId: 'agg' }, { field: 'double', nodeId: 'agg' }]);
    expect(fieldsNeededAt(store.getState().doc, 'm')).toEqual([{ field: 'temperature', nodeId: 'm' }]);
  });
});

describe('checkConnection refuses a field that does not reach the node that needs it', () => {
  it('refuses a key-by on a field the stream lacks, naming what the stream has', () => {
    const store = clicksInto(node('byDevice', 'transform.keyBy', { fields: ['device'] }));
    expect(store.getState().connect({ from: 'clicks', fromPort: 'out', to: 'byDevice' })).toEqual({
      ok: false,
      reason: "'byDevice' needs field 'device', which this stream lacks (it has ts, user, page)",
    });
    expect(store.getState().doc.edges).toEqual([]);
  });

  it('refuses a filter whose expression names a missing field, and accepts one whose fields arrive', () => {
    const store = clicksInto(node('hot', 'transform.filter', { expr: 'temperature > 30' }), node('home', 'transform.filter', { expr: "page == '/'" }));
    const s = store.getState();
    expect(s.connect({ from: 'clicks', fromPort: 'out', to: 'hot' })).toMatchObject({ ok: false, reason: expect.stringContaining("needs field 'temperature'") });
    expect(s.connect({ from: 'clicks', fromPort: 'out', to: 'home' }).ok).toBe(true);
  });

  it('refuses feeding a window whose aggregate further on reads a missing field', () => {
    const store = clicksInto(
      node('w', 'window.tumbling', { size: '1m' }),
      node('stats', 'aggregate', { aggregations: [{ name: 'avg_t', fn: 'avg', field: 'temperature' }] }),
    );
    const s = store.getState();
    expect(s.connect({ from: 'w', fromPort: 'out', to: 'stats' }).ok).toBe(true);
    expect(s.connect({ from: 'clicks', fromPort: 'out', to: 'w' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^'stats' further on needs field 'temperature'/) });
  });

  it('sees fields computed by a map and the output fields of an aggregate', () => {
    const store = clicksInto(
      node('m', 'transform.map', { fields: [{ name: 'len', expr: 'len(page)' }], keep: false }),
      node('long', 'transform.filter', { expr: 'len > 3' }),
      node('byUser', 'transform.filter', { expr: "user != ''" }),
      node('agg', 'aggregate', { aggregations: [{ name: 'n', fn: 'count' }] }),
      node('busy', 'transform.filter', { expr: 'n > 10' }),
    );
    const s = store.getState();
    expect(s.connect({ from: 'clicks', fromPort: 'out', to: 'm' }).ok).toBe(true);
    expect(s.connect({ from: 'm', fromPort: 'out', to: 'long' }).ok).toBe(true);
    expect(s.connect({ from: 'm', fromPort: 'out', to: 'byUser' })).toMatchObject({ ok: false, reason: "'byUser' needs field 'user', which this stream lacks (it has len)" });
    expect(s.connect({ from: 'clicks', fromPort: 'out', to: 'agg' }).ok).toBe(true);
    expect(s.connect({ from: 'agg', fromPort: 'out', to: 'busy' }).ok).toBe(true);
  });

  it('lets a connection through while the fields cannot be known yet (a file source without data)', () => {
    const doc = { name: 't', nodes: [node('file', 'source.file', { eventTime: 'time' }), node('k', 'transform.keyBy', { fields: ['anything'] })], edges: [] };
    expect(checkConnection(doc, { from: 'file', fromPort: 'out', to: 'k' })).toEqual({ ok: true });
  });
});
