import { describe, expect, it } from 'vitest';
import { NODE_KINDS, familyOf, isNodeKind, portsOf } from './kinds';

describe('node kinds', () => {
  it('lists every kind of FORMAT.md once', () => {
    expect(new Set(NODE_KINDS).size).toBe(NODE_KINDS.length);
    expect(NODE_KINDS).toHaveLength(26);
  });

  it('gives each kind its family, from the prefix or aggregate', () => {
    expect(familyOf('source.file')).toBe('source');
    expect(familyOf('transform.union')).toBe('transform');
    expect(familyOf('window.count')).toBe('window');
    expect(familyOf('aggregate')).toBe('aggregate');
    expect(familyOf('sink.collect')).toBe('sink');
    expect(familyOf('detect.zscore')).toBe('detect');
  });

  it('gives each kind the ports of the FORMAT.md table', () => {
    expect(portsOf('source.sample')).toEqual({ inputs: [], outputs: ['out'], inputArity: 'none' });
    expect(portsOf('transform.map')).toEqual({ inputs: ['in'], outputs: ['out'], inputArity: 'one' });
    expect(portsOf('transform.union')).toEqual({ inputs: ['in'], outputs: ['out'], inputArity: 'oneOrMore' });
    expect(portsOf('window.session')).toEqual({ inputs: ['in'], outputs: ['out', 'late'], inputArity: 'one' });
    expect(portsOf('window.cumulate')).toEqual({ inputs: ['in'], outputs: ['out', 'late'], inputArity: 'one' });
    expect(portsOf('aggregate')).toEqual({ inputs: ['in'], outputs: ['out'], inputArity: 'one' });
    expect(portsOf('sink.log')).toEqual({ inputs: ['in'], outputs: [], inputArity: 'oneOrMore' });
  });

  it('recognises kinds only by exact name, when asked about any value', () => {
    expect(isNodeKind('window.tumbling')).toBe(true);
    expect(isNodeKind('window.sliding')).toBe(false);
    expect(isNodeKind('__proto__')).toBe(false);
    expect(isNodeKind(7)).toBe(false);
  });
});
