import { expect } from '@playwright/test';
import type { EditorPage } from './pages/EditorPage';

/**
 * Brings a node fully into the canvas's visible area, as a user does before
 * clicking it: the canvas opens a pasted pipeline at zoom 100 % from its top
 * left, so at the test browser's 1280 px a node far to the right sits behind
 * the inspector. Clicking it there made Playwright scroll React Flow's
 * clipped container, and whether the click then landed on the node depended
 * on when React Flow put the scroll back (a flaky test). Fit view, then wait
 * until the node is inside the canvas and stays put.
 */
export async function revealNode(editor: EditorPage, id: string): Promise<void> {
  const inside = async (): Promise<string> => {
    const node = await editor.nodeLocator(id).boundingBox();
    const canvas = await editor.canvas.boundingBox();
    if (node === null || canvas === null) return 'not shown';
    const fits = node.x >= canvas.x && node.y >= canvas.y && node.x + node.width <= canvas.x + canvas.width && node.y + node.height <= canvas.y + canvas.height;
    return fits ? `${Math.round(node.x)},${Math.round(node.y)}` : 'outside';
  };
  const where = await inside();
  if (where !== 'outside' && where !== 'not shown') return;
  await editor.fitViewButton.click();
  // Fit view animates: wait for a place inside the canvas that two looks in a row agree on.
  let last = '';
  await expect.poll(async () => {
    const now = await inside();
    const settled = now !== 'outside' && now !== 'not shown' && now === last;
    last = now;
    return settled;
  }, { intervals: [100] }).toBe(true);
}

/** Clicks a node where a user can see it. */
export async function clickVisibleNode(editor: EditorPage, id: string, modifiers: ('Shift' | 'ControlOrMeta')[] = []): Promise<void> {
  await revealNode(editor, id);
  await editor.clickNode(id, modifiers);
}
