import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from './kindInfo';
import { NODE_TYPES } from './nodeTypes';

const css = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('every palette family', () => {
  it('has a node type, so React Flow draws its nodes as pipeline nodes rather than its default box', () => {
    for (const { family } of FAMILIES) expect(Object.hasOwn(NODE_TYPES, family), family).toBe(true);
  });

  it('has its colours on the canvas, in the palette and on the minimap', () => {
    const editor = css('../editor.css');
    const canvas = css('./canvas.css');
    for (const { family } of FAMILIES) {
      expect(editor, family).toContain(`.wp-family-${family} {`);
      // Transforms are the minimap's default colour (.wp-mini).
      if (family !== 'transform') expect(canvas, family).toContain(`.wp-mini-${family} {`);
    }
  });
});
