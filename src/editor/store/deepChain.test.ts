/** Walks over the graph in the editor store take no stack per node: a chain of 50,000 filters is fine. */
import { describe, expect, it } from 'vitest';
import { fieldsNeededAt } from './fieldNeeds';
import { followRenames } from './outputRenames';
import type { EditorDocument, EditorNode } from './types';

const at = { x: 0, y: 0 };
const node = (id: string, kind: string, params: Record<string, unknown> = {}): EditorNode => ({ id, kind, position: at, params });

/** A source, `n` filters and an aggregate that reads `temperature`, in a chain. */
function chain(n: number): EditorDocument {
  const nodes = [
    node('src', 'source.sample', { stream: 'sensors' }),
    ...Array.from({ length: n }, (_, i) => node(`f${i}`, 'transform.filter', { expr: i === 0 ? 'humidity > 0' : 'true' })),
    node('agg', 'aggregate', { aggregations: [{ name: 'hi', fn: 'max', field: 'temperature' }] }),
  ];
  return { name: 'deep', nodes, edges: nodes.slice(1).map((to, i) => ({ id: `e${i}`, from: nodes[i]!.id, to: to.id, fromPort: 'out' as const, toPort: 'in' as const })) };
}

describe('a chain of 50,000 nodes in the editor', () => {
  it('finds the fields the end of the chain needs at its start', () => {
    expect(fieldsNeededAt(chain(50_000), 'f0')).toEqual([{ field: 'humidity', nodeId: 'f0' }, { field: 'temperature', nodeId: 'agg' }]);
  }, 30_000);

  it('follows a rename through the whole chain', () => {
    const renamed = followRenames(chain(50_000), 'src', new Map([['temperature', 'celsius']]));
    expect(renamed.nodes.at(-1)!.params).toEqual({ aggregations: [{ name: 'hi', fn: 'max', field: 'celsius' }] });
  }, 30_000);
});
