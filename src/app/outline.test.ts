import { describe, expect, it } from 'vitest';
import { outlineOf, shortValue } from './outline';

describe('outlineOf', () => {
  it('lists nodes with their family and params, and edges with default ports', () => {
    const outline = outlineOf({
      nodes: [
        { id: 'src', kind: 'source.sample', name: 'Payments', params: { stream: 'payments', rate: 2000 } },
        { id: 'w', kind: 'window.tumbling', params: { size: '1m' } },
        { id: 'odd', kind: 'mystery.thing' },
      ],
      edges: [{ id: 'e1', from: 'src', to: 'w' }],
    });
    expect(outline.nodes).toEqual([
      { id: 'src', kind: 'source.sample', family: 'source', label: 'Payments', params: [['stream', 'payments'], ['rate', '2000']] },
      { id: 'w', kind: 'window.tumbling', family: 'window', label: undefined, params: [['size', '1m']] },
      { id: 'odd', kind: 'mystery.thing', family: 'other', label: undefined, params: [] },
    ]);
    expect(outline.edges).toEqual([{ id: 'e1', from: 'src', to: 'w', fromPort: 'out', toPort: 'in' }]);
  });

  it('shows what it can of a malformed document instead of failing', () => {
    expect(outlineOf(null)).toEqual({ nodes: [], edges: [] });
    const outline = outlineOf({ nodes: [42], edges: 'nope' });
    expect(outline.nodes[0]).toMatchObject({ id: 'nodes[0]', kind: '(no kind)', family: 'other' });
    expect(outline.edges).toEqual([]);
  });
});

describe('shortValue', () => {
  it('reads list params the way they are meant', () => {
    expect(shortValue(['card', 'region'])).toBe('card, region');
    expect(
      shortValue([
        { name: 'n', fn: 'count' },
        { name: 'p95', fn: 'percentile', field: 'latency', q: 0.95 },
      ]),
    ).toBe('n = count(), p95 = percentile(latency, 0.95)');
    expect(shortValue([{ name: 'cents', expr: 'amount * 100' }])).toBe('cents = amount * 100');
    expect(shortValue([{ other: true }])).toBe('{"other":true}');
  });


  it('keeps short values and cuts long ones to one line', () => {
    expect(shortValue('5s')).toBe('5s');
    expect(shortValue({ a: 1 })).toBe('{"a":1}');
    const long = shortValue('ts,value\n'.repeat(1000));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).not.toContain('\n');
    expect(long.endsWith('…')).toBe(true);
  });
});
