import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { fromPipelineJson, toPipelineJson } from '../store/documentFormat';
import type { EditorDocument } from '../store/types';
import { readShareFragment, shareFragment, shareLink } from './share';
import card from '../../../examples/card-spend.json';

function example(): EditorDocument {
  const read = fromPipelineJson(JSON.stringify(card));
  if (!read.ok) throw new Error('the example must be valid');
  return read.doc;
}

describe('share links', () => {
  it('carry the document in the fragment and read back to the same pipeline JSON', () => {
    const doc = example();
    const fragment = shareFragment(doc);
    expect(fragment).toMatch(/^#share=[A-Za-z0-9+$-]+$/);
    const read = readShareFragment(fragment);
    expect(read?.ok).toBe(true);
    if (read?.ok) expect(toPipelineJson(read.doc)).toBe(toPipelineJson(doc));
  });

  it('replace whatever fragment the page had', () => {
    const link = shareLink(example(), 'http://localhost:5173/?x=1#/examples/card-spend');
    expect(link.startsWith('http://localhost:5173/?x=1#share=')).toBe(true);
  });

  it('ignore fragments that are not share links', () => {
    expect(readShareFragment('')).toBeUndefined();
    expect(readShareFragment('#/examples/card-spend')).toBeUndefined();
  });

  it('report a damaged link instead of opening it', () => {
    for (const hash of ['#share=', '#share=%%%not-lz', `#share=${shareFragment(example()).slice(7, 60)}`]) {
      const read = readShareFragment(hash);
      expect(read?.ok, hash).toBe(false);
      if (read?.ok === false) expect(read.problems[0]?.message).toMatch(/share link is damaged|not valid|must|nodes/);
    }
    const notAPipeline = readShareFragment(`#share=${compressToEncodedURIComponent('{"hello":"world"}')}`);
    expect(notAPipeline?.ok).toBe(false);
  });

  it('open a pipeline that was still being built, problems and all', () => {
    const unfinished: EditorDocument = { name: 'WIP', nodes: [{ id: 'w', kind: 'window.tumbling', position: { x: 1, y: 2 }, params: { size: 'soon' } }], edges: [] };
    const read = readShareFragment(shareFragment(unfinished));
    expect(read).toEqual({ ok: true, doc: unfinished });
  });
});
