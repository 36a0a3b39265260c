import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePipeline } from '../../engine/plan/compile';
import { validate } from '../../model';
import { chooseFileHint } from '../../worker/chooseFileHint';
import { analyseDocument } from '../analysis/analyse';
import { galleryCards, readCard } from '../documents/gallery';
import { runProblems } from '../problems/runProblems';
import { createEditorStore } from '../store/documentStore';
import { toPipelineJson } from '../store/documentFormat';

const WANTS_FILE = "node 'machine': has no data: choose its data file machine_temperature_system_failure.csv with the node's Choose file button";

function example() {
  const source: unknown = JSON.parse(readFileSync(new URL('../../../examples/machine-temperature-failure.json', import.meta.url), 'utf8'));
  const [card] = galleryCards({ 'examples/machine-temperature-failure.json': source });
  const read = readCard(card!);
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('; '));
  return read.doc;
}

describe('a file source without its data', () => {
  it('opens (the example is a valid document) and lists that it needs its file, on its node', () => {
    const doc = example();
    expect(validate(JSON.parse(toPipelineJson(doc))).ok).toBe(true);
    const { problems, problemsByNode } = analyseDocument(doc);
    expect(problems.map((p) => p.message)).toEqual([WANTS_FILE]);
    expect(problemsByNode.get('machine')).toEqual([{ nodeId: 'machine', path: 'nodes[0].params.data', message: WANTS_FILE }]);
  });

  it("says what a Run says, so the panel shows the Run's refusal once, not twice", () => {
    const doc = example();
    const checked = validate(JSON.parse(toPipelineJson(doc)));
    if (!checked.ok) throw new Error('the example must be valid');
    const refused = compilePipeline(checked.document, { missingDataHint: chooseFileHint });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems.map((p) => p.message)).toEqual([WANTS_FILE]);
    expect(runProblems(refused.problems, analyseDocument(doc).problems)).toEqual([]);
  });

  it('asks a new File node, which names no file yet, for a data file; inline text or a stored file answers it', () => {
    const store = createEditorStore();
    const s = store.getState();
    const src = s.addNode('source.file', { x: 0, y: 0 });
    const out = s.addNode('sink.collect', { x: 0, y: 0 });
    s.connect({ from: src, fromPort: 'out', to: out });
    expect(analyseDocument(store.getState().doc).problems.map((p) => p.message)).toEqual([
      `node '${src}': has no data: choose its data file with the node's Choose file button`,
    ]);
    s.setParams(src, { ...store.getState().doc.nodes[0]!.params, eventTime: 'ts', data: 'ts,v\n1,2\n' });
    expect(analyseDocument(store.getState().doc).problems).toEqual([]);
    const fields = [{ name: 'ts', type: 'time' }, { name: 'v', type: 'number' }];
    s.setParams(src, { eventTime: 'ts', fileName: 'r.csv', stored: { hash: `sha256:${'cd'.repeat(32)}`, size: 9 }, fields });
    expect(analyseDocument(store.getState().doc).problems).toEqual([]);
  });

  it('is listed beside the problems of an invalid document too', () => {
    const store = createEditorStore();
    const s = store.getState();
    const src = s.addNode('source.file', { x: 0, y: 0 });
    const w = s.addNode('window.tumbling', { x: 0, y: 0 });
    s.connect({ from: src, fromPort: 'out', to: w });
    s.setParams(src, { eventTime: 'ts', fileName: 'taxi.csv' });
    s.setParams(w, { size: 'five minutes' });
    const messages = analyseDocument(store.getState().doc).problems.map((p) => p.message);
    expect(messages).toContain(`node '${src}': has no data: choose its data file taxi.csv with the node's Choose file button`);
    expect(messages.some((m) => m.startsWith(`node '${w}': size`))).toBe(true);
  });
});
