import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { readShareFragment } from '../documents/share';
import { readImport } from '../documents/transfer';
import { readRecord } from './records';
import { isHeldInEditor, readEditorDocument, readEditorJson } from './savedDocument';
import sensors from '../../../examples/sensor-averages.json';

const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;
type Doc = { nodes: { id: string; kind: string; params?: Record<string, unknown> }[]; edges: { from: string; to: string }[] } & Record<string, unknown>;

/** The sensors example (source, keyBy, tumbling, aggregate, sink), changed by `edit`, as JSON text. */
function variant(edit: (doc: Doc) => void): string {
  const doc = structuredClone(sensors) as unknown as Doc;
  edit(doc);
  // Through JSON text, so "__proto__" is an own key exactly as in a link or a file.
  return JSON.stringify(doc);
}

const link = (text: string) => readShareFragment(`#share=${compressToEncodedURIComponent(text)}`);
const saved = (text: string) => readRecord({ doc: JSON.parse(text) as unknown, selection: { nodes: ['stats'], edges: [] }, viewport: { x: 0, y: 0, zoom: 1 } });

/** What each way in says of a text: an import, a link, a saved record. */
function everyWayIn(text: string) {
  const imported = readImport(text);
  const shared = link(text);
  const stored = saved(text);
  return { imported, shared, stored, direct: readEditorJson(text) };
}

describe('share links and saved documents', () => {
  for (const name of HOSTILE) {
    it(`refuse a node of kind "${name}" with the import's problems, at nodes[2].kind`, () => {
      const text = variant((d) => { d.nodes[2]!.kind = name; });
      const { imported, shared, stored, direct } = everyWayIn(text);
      expect(imported.ok).toBe(false);
      if (imported.ok) return;
      expect(imported.problems.map((p) => p.path)).toContain('nodes[2].kind');
      for (const read of [shared, stored, direct]) expect(read).toEqual({ ok: false, problems: imported.problems });
    });

    it(`open an aggregation whose function is "${name}", its problem listed at its JSON path`, () => {
      const text = variant((d) => { (d.nodes[3]!.params!.aggregations as { fn: string }[])[0]!.fn = name; });
      const imported = readImport(text);
      expect(imported.ok).toBe(false);
      if (!imported.ok) expect(imported.problems.map((p) => p.path)).toEqual(['nodes[3].params.aggregations[0].fn']);
      const shared = link(text);
      expect(shared?.ok).toBe(true);
      if (shared?.ok) expect((shared.doc.nodes[3]!.params.aggregations as { fn: string }[])[0]!.fn).toBe(name);
      const stored = saved(text);
      expect(stored.ok && stored.snapshot.selection).toEqual({ nodes: ['stats'], edges: [] });
    });

    it(`give a node id, a field, a param and a name of "${name}" the same verdict as an import`, () => {
      const texts = [
        variant((d) => { d.nodes[2]!.id = name; d.edges[1]!.to = name; d.edges[2]!.from = name; }),
        variant((d) => { (d.nodes[3]!.params!.aggregations as { field?: string }[])[1]!.field = name; }),
        variant((d) => { d.nodes[2]!.params![name] = '1m'; }),
        variant((d) => { d.name = name; }),
      ];
      for (const text of texts) {
        const { imported, shared, stored, direct } = everyWayIn(text);
        if (imported.ok) {
          expect(direct).toEqual(imported);
          expect(shared).toEqual(imported);
          expect(stored.ok).toBe(true);
        } else if (direct.ok) {
          // Opened with its problems only when each is one editing can leave behind.
          expect(imported.problems.every(isHeldInEditor)).toBe(true);
          expect(shared?.ok).toBe(true);
          expect(stored.ok).toBe(true);
        } else {
          expect(direct.problems).toEqual(imported.problems);
          expect(shared).toEqual(direct);
          expect(stored).toEqual(direct);
        }
      }
    });
  }

  it('refuse keys the format does not have, on the document, a node or an edge, "__proto__" included', () => {
    const texts = [
      variant(() => {}).replace('"name"', '"__proto__":{"evil":1},"name"'),
      variant((d) => { Object.assign(d.nodes[0]!, { constructor: 'x' }); }),
      variant((d) => { Object.assign(d.edges[0]!, { weight: 2 }); }),
    ];
    for (const text of texts) {
      const direct = readEditorJson(text);
      expect(direct.ok, text.slice(0, 80)).toBe(false);
      expect(link(text)?.ok).toBe(false);
      expect(saved(text).ok).toBe(false);
    }
  });

  it('open a pipeline still being built, and keep every problem editing can leave', () => {
    const text = variant((d) => {
      d.nodes[2]!.params = { size: '5 minutes' };
      d.edges.splice(3, 1);
    });
    const imported = readImport(text);
    expect(imported.ok).toBe(false);
    const direct = readEditorJson(text);
    expect(direct.ok).toBe(true);
    if (direct.ok) expect(direct.doc.nodes[2]!.params).toEqual({ size: '5 minutes' });
  });

  it('refuse what the editor could never have made: a dangling edge, a repeated id, a non-finite position', () => {
    const texts = [
      variant((d) => { d.edges[0]!.to = 'nowhere'; }),
      variant((d) => { d.nodes[1]!.id = d.nodes[0]!.id; }),
      variant((d) => { Object.assign(d.nodes[0]!, { position: { x: 'left', y: 0 } }); }),
    ];
    for (const text of texts) {
      const read = readEditorJson(text);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.problems.some((p) => !isHeldInEditor(p))).toBe(true);
    }
  });

  it('report a value that is not JSON at all as a problem, not a crash', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(readEditorDocument(cyclic).ok).toBe(false);
    expect(readEditorDocument(undefined).ok).toBe(false);
    expect(readEditorJson('{"format":').ok).toBe(false);
  });
});

describe('which problems a document may open with', () => {
  it('are those inside params, on a node or edge as a whole, and on names', () => {
    const held = ['name', 'description', 'nodes[0]', 'nodes[12].params', 'nodes[1].params.size', 'nodes[3].params.aggregations[0].fn', 'nodes[0].name', 'edges[4]'];
    const refused = ['', 'format', 'version', 'nodes', 'edges', 'nodes[0].id', 'nodes[0].kind', 'nodes[0].position.x', 'nodes[0].paramsX', 'edges[0].to', 'edges[0].fromPort', 'edges[0].id', 'nodes[0].__proto__'];
    for (const path of held) expect(isHeldInEditor({ path, message: 'm' }), path).toBe(true);
    for (const path of refused) expect(isHeldInEditor({ path, message: 'm' }), path).toBe(false);
  });
});
