import { describe, expect, it } from 'vitest';
import { describeSpec, firesWindows, parseEventNumber, parseTime, sameSpec } from './specs';

const doc = {
  nodes: [
    { id: 's', kind: 'source.sample' }, { id: 'w', kind: 'window.tumbling', name: 'Minute' }, { id: 'a', kind: 'aggregate' },
    { id: 'k', kind: 'transform.keyBy' }, { id: 'a2', kind: 'aggregate' },
  ],
  edges: [{ id: 'e1', from: 's', to: 'k' }, { id: 'e2', from: 'k', to: 'w' }, { id: 'e3', from: 'w', to: 'a' }, { id: 'e4', from: 'w', fromPort: 'late', to: 'a2' }],
} as never;

describe('breakpoint specs', () => {
  it('parses times as the tables show them, and epoch ms', () => {
    expect(parseTime('2023-11-14 22:14:30')).toBe(Date.UTC(2023, 10, 14, 22, 14, 30));
    expect(parseTime('2023-11-14 22:14:30.5')).toBe(Date.UTC(2023, 10, 14, 22, 14, 30, 500));
    expect(parseTime(' 1700000040000 ')).toBe(1_700_000_040_000);
    expect(parseTime('22:14')).toBeNull();
    expect(parseTime('')).toBeNull();
  });

  it('parses event numbers from 1', () => {
    expect(parseEventNumber('12,345')).toBe(12_345);
    expect(parseEventNumber('0')).toBeNull();
    expect(parseEventNumber('-3')).toBeNull();
    expect(parseEventNumber('1e3')).toBeNull();
    expect(parseEventNumber('99999999999999999999')).toBeNull();
  });

  it('knows which nodes fire windows: windows and the aggregate on a window out port', () => {
    expect(['s', 'w', 'a', 'k', 'a2'].filter((id) => firesWindows(doc, id))).toEqual(['w', 'a']);
  });

  it('says what a breakpoint waits for', () => {
    expect(describeSpec(doc, { kind: 'late', nodeId: 'w' })).toBe('Until an event is late at Minute');
    expect(describeSpec(doc, { kind: 'condition', edgeId: 'e2', expression: 'x > 1' })).toBe('When k → Minute carries x > 1');
    expect(describeSpec(doc, { kind: 'event', n: 1234 })).toBe('Until event 1,234');
    expect(sameSpec({ kind: 'fire', nodeId: 'w' }, { kind: 'fire', nodeId: 'w' })).toBe(true);
    expect(sameSpec({ kind: 'fire', nodeId: 'w' }, { kind: 'revision', nodeId: 'w' })).toBe(false);
  });
});
