import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../analysis/analyse';
import { createEditorStore } from '../store/documentStore';

const stored = { hash: `sha256:${'cd'.repeat(32)}`, size: 99 };
const fields = [{ name: 'ts', type: 'time' }, { name: 'device', type: 'string' }, { name: 'temp', type: 'number' }];

function pipeline(params: Record<string, unknown>, expr: string) {
  const store = createEditorStore();
  const s = store.getState();
  const src = s.addNode('source.file', { x: 0, y: 0 });
  const f = s.addNode('transform.filter', { x: 0, y: 0 });
  const out = s.addNode('sink.collect', { x: 0, y: 0 });
  s.connect({ from: src, fromPort: 'out', to: f });
  s.connect({ from: f, fromPort: 'out', to: out });
  s.setParams(src, { format: 'csv', eventTime: 'ts', fileName: 'r.csv', stored, fields, ...params });
  s.setParams(f, { expr });
  return { doc: store.getState().doc, src, f, store };
}

describe('a stored file while designing', () => {
  it('gives its recorded fields to the edges after it, without the data', () => {
    const { doc } = pipeline({}, 'temp > 20');
    const a = analyseDocument(doc);
    expect(a.problems).toEqual([]);
    expect(a.edgeSchemas.get('e1')?.fields).toEqual([{ name: 'ts', type: 'time' }, { name: 'device', type: 'string' }, { name: 'temp', type: 'number' }]);
    expect(a.edgeSchemas.get('e2')?.fields.map((x) => x.name)).toEqual(['ts', 'device', 'temp']);
  });

  it('lets validation see unknown fields downstream, valid document or not', () => {
    const { doc, f } = pipeline({}, 'tmp > 20');
    expect(analyseDocument(doc).problemsByNode.get(f)?.[0]?.message).toContain("did you mean 'temp'");
    // An invalid param elsewhere makes the analysis go node by node: the stored fields still reach the filter.
    const broken = pipeline({}, 'tmp > 20');
    const other = broken.store.getState().addNode('source.sample', { x: 0, y: 0 });
    broken.store.getState().setParams(other, { stream: 'weather' });
    const a = analyseDocument(broken.store.getState().doc);
    expect(a.problemsByNode.get(other)?.[0]?.message).toContain('stream');
    expect(a.problemsByNode.get(broken.f)?.[0]?.message).toContain("did you mean 'temp'");
  });

  it('reports an event-time field the file does not have', () => {
    const { doc, src } = pipeline({ eventTime: 'when' }, 'temp > 20');
    expect(analyseDocument(doc).problemsByNode.get(src)?.[0]).toMatchObject({ path: 'nodes[0].params.eventTime', message: "node 'file1': eventTime: field \"when\" is not in r.csv, which has ts, device, temp" });
  });
});
