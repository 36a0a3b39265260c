import { describe, expect, it } from 'vitest';
import type { EditorDocument, EditorNode } from '../store/types';
import { connectorRows, exportOptions, NO_CHOICES, withChoice } from './connectors';
import { sameForExport } from './useFlinkExport';
import { defaultSourceConnector as exporterDefault } from '../../flinkSql/connectors';

const node = (id: string, kind: string, params: Record<string, unknown> = {}): EditorNode => ({ id, kind, position: { x: 0, y: 0 }, params });

const doc: EditorDocument = {
  name: 'p',
  nodes: [node('ws', 'source.websocket'), node('file', 'source.file'), node('keys', 'transform.keyBy'), node('chart', 'sink.chart'), node('sample', 'source.sample'), node('log', 'sink.log')],
  edges: [],
};

describe('connectorRows', () => {
  it('lists sources then sinks, each with the default of its kind and the connectors it may use', () => {
    const rows = connectorRows(doc, NO_CHOICES);
    expect(rows.map((r) => [r.role, r.node.id, r.fallback, r.chosen])).toEqual([
      ['source', 'ws', 'kafka', undefined],
      ['source', 'file', 'filesystem', undefined],
      ['source', 'sample', 'datagen', undefined],
      ['sink', 'chart', 'print', undefined],
      ['sink', 'log', 'print', undefined],
    ]);
    expect(rows[0]!.options).toEqual(['kafka', 'filesystem', 'datagen']);
    expect(rows[3]!.options).toEqual(['print', 'blackhole', 'filesystem', 'kafka']);
  });

  it('shows what was chosen', () => {
    const chosen = withChoice(withChoice(NO_CHOICES, 'source', 'ws', 'filesystem'), 'sink', 'log', 'kafka');
    const rows = connectorRows(doc, chosen);
    expect(rows.find((r) => r.node.id === 'ws')!.chosen).toBe('filesystem');
    expect(rows.find((r) => r.node.id === 'log')!.chosen).toBe('kafka');
  });
});

describe('withChoice', () => {
  it('sets and clears a choice without changing the old choices', () => {
    const one = withChoice(NO_CHOICES, 'source', 'ws', 'datagen');
    expect(NO_CHOICES.sources.size).toBe(0);
    expect(one.sources.get('ws')).toBe('datagen');
    expect(withChoice(one, 'source', 'ws', null).sources.has('ws')).toBe(false);
  });

  it('refuses a connector the role cannot use (a source cannot print)', () => {
    expect(withChoice(NO_CHOICES, 'source', 'ws', 'print').sources.has('ws')).toBe(false);
    expect(withChoice(NO_CHOICES, 'sink', 'log', 'datagen').sinks.has('log')).toBe(false);
    expect(withChoice(NO_CHOICES, 'sink', 'log', 'constructor').sinks.has('log')).toBe(false);
  });
});

describe('exportOptions', () => {
  it('sends the choices of nodes the document still has, and only those', () => {
    const chosen = withChoice(withChoice(NO_CHOICES, 'source', 'gone', 'kafka'), 'sink', 'chart', 'blackhole');
    const options = exportOptions(doc, chosen);
    expect([...options.sourceConnectors!]).toEqual([]);
    expect([...options.sinkConnectors!]).toEqual([['chart', 'blackhole']]);
  });
});

describe('sameForExport', () => {
  it('ignores moved nodes but not changed params, names, kinds or edges', () => {
    const moved: EditorDocument = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: { x: 5, y: 5 } })) };
    expect(sameForExport(doc, moved)).toBe(true);
    expect(sameForExport(doc, { ...doc, nodes: doc.nodes.map((n, i) => (i === 2 ? { ...n, params: { fields: ['a'] } } : n)) })).toBe(false);
    expect(sameForExport(doc, { ...doc, nodes: doc.nodes.map((n, i) => (i === 2 ? { ...n, name: 'By key' } : n)) })).toBe(false);
    expect(sameForExport(doc, { ...doc, edges: [] })).toBe(false);
    expect(sameForExport(doc, { ...doc, name: 'q' })).toBe(false);
    expect(sameForExport(doc, { ...doc, nodes: doc.nodes.slice(1) })).toBe(false);
  });
});

describe('the defaults shown are the exporter’s', () => {
  it('gives each source kind the connector exportFlinkSql takes when none is chosen', () => {
    for (const kind of ['source.file', 'source.websocket', 'source.sample'] as const) {
      expect(connectorRows({ name: 'p', nodes: [node('s', kind)], edges: [] }, NO_CHOICES)[0]!.fallback).toBe(exporterDefault(kind));
    }
  });
});
