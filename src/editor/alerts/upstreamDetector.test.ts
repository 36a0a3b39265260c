import { describe, expect, it } from 'vitest';
import type { EditorDocument, EditorEdge, EditorNode } from '../store/types';
import { upstreamDetector } from './upstreamDetector';

const node = (id: string, kind: string, params: Record<string, unknown> = {}, name?: string): EditorNode =>
  ({ id, kind, params, position: { x: 0, y: 0 }, ...(name === undefined ? {} : { name }) });
const edge = (from: string, to: string): EditorEdge => ({ id: `${from}-${to}`, from, to, fromPort: 'out', toPort: 'in' });

describe('upstreamDetector', () => {
  it('finds the detector before an alert sink through other nodes, with its warm-up or the default', () => {
    const doc: EditorDocument = {
      name: 'p',
      nodes: [node('src', 'source.sample'), node('z', 'detect.zscore', { field: 'temp' }, 'Z-score'), node('f', 'transform.filter', { expr: 'true' }), node('alerts', 'sink.alert')],
      edges: [edge('src', 'z'), edge('z', 'f'), edge('f', 'alerts')],
    };
    expect(upstreamDetector(doc, 'alerts')).toEqual({ name: 'Z-score', warmup: 100 });
    const tuned = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'z' ? { ...n, params: { field: 'temp', warmup: 30 } } : n)) };
    expect(upstreamDetector(tuned, 'alerts')).toEqual({ name: 'Z-score', warmup: 30 });
  });

  it('says there is none when no detector feeds the sink, even with a cycle', () => {
    const doc: EditorDocument = {
      name: 'p',
      nodes: [node('a', 'transform.filter'), node('b', 'transform.filter'), node('alerts', 'sink.alert'), node('z', 'detect.zscore', { field: 't' })],
      edges: [edge('a', 'b'), edge('b', 'a'), edge('b', 'alerts')],
    };
    expect(upstreamDetector(doc, 'alerts')).toBeNull();
  });
});
