import { describe, expect, it } from 'vitest';
import type { EditorDocument, EditorNode } from '../store/types';
import { connectOptions } from './connectOptions';

function node(id: string, kind: string, params: Record<string, unknown> = {}): EditorNode {
  return { id, kind, position: { x: 0, y: 0 }, params };
}

const doc: EditorDocument = {
  name: 'test',
  nodes: [
    node('src', 'source.sample', { stream: 'sensors' }),
    node('win', 'window.tumbling', { size: '1m' }),
    node('agg', 'aggregate', { aggregations: [{ name: 'n', fn: 'count' }] }),
    node('log', 'sink.log'),
  ],
  edges: [{ id: 'e1', from: 'src', fromPort: 'out', to: 'win', toPort: 'in' }],
};

const spell = (o: ReturnType<typeof connectOptions>[number]) => `${o.attempt.from}.${o.attempt.fromPort}->${o.attempt.to}${o.reason === null ? '' : ' x'}`;

describe('connectOptions', () => {
  it('offers each output of a window to every node that takes input, the possible edges first', () => {
    const options = connectOptions(doc, 'win');
    expect(options.map(spell)).toEqual([
      'win.out->agg',
      'win.late->agg',
      'win.late->log',
      // A window must be followed by an aggregate; the source has no input and is not offered at all.
      'win.out->log x',
      // Its input is taken already, and a log has no output to offer.
      'src.out->win x',
      'agg.out->win x',
    ]);
    expect(options.find((o) => o.attempt.to === 'log' && o.attempt.fromPort === 'out')?.reason).toBe('A window must be followed by an aggregate');
  });

  it('keeps to one port when asked, and gives the reason the store gives', () => {
    expect(connectOptions(doc, 'win', 'late').map(spell)).toEqual(['win.late->agg', 'win.late->log']);
    const into = connectOptions(doc, 'win', 'in');
    expect(into.every((o) => o.side === 'input')).toBe(true);
    expect(into.find((o) => o.attempt.from === 'agg')?.reason).toBe('This node takes exactly one input; use a union to merge streams');
  });

  it('offers a sink only inputs and a source only outputs', () => {
    expect(connectOptions(doc, 'log').every((o) => o.side === 'input' && o.attempt.to === 'log')).toBe(true);
    expect(connectOptions(doc, 'src').every((o) => o.side === 'output' && o.attempt.from === 'src')).toBe(true);
    expect(connectOptions(doc, 'missing')).toEqual([]);
  });
});
