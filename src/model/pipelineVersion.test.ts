import { describe, expect, it } from 'vitest';
import { pipelineVersion } from './pipelineVersion';
import type { PipelineDocument } from './schema/document';
import { validate } from './validate';

function doc(): PipelineDocument {
  const parsed = validate({
    format: 'windowpane.pipeline', version: 1, name: 'a',
    nodes: [
      { id: 's', kind: 'source.sample', position: { x: 0, y: 0 }, params: { stream: 'sensors' } },
      { id: 'k', kind: 'sink.collect', position: { x: 10, y: 0 }, params: {} },
    ],
    edges: [{ id: 'e', from: 's', to: 'k' }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed));
  return parsed.document;
}

describe('pipelineVersion', () => {
  it('ignores positions and the name, and changes with a parameter', () => {
    const a = doc();
    const moved = { ...a, name: 'b', nodes: a.nodes.map((n) => ({ ...n, position: { x: n.position.x + 5, y: 3 } })) };
    expect(pipelineVersion(moved)).toBe(pipelineVersion(a));
    const changed = { ...a, nodes: a.nodes.map((n) => (n.kind === 'source.sample' ? { ...n, params: { ...n.params, stream: 'clicks' as const } } : n)) } as PipelineDocument;
    expect(pipelineVersion(changed)).not.toBe(pipelineVersion(a));
    expect(pipelineVersion(a)).toMatch(/^[0-9a-f]{16}$/);
  });
});
