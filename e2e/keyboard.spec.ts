import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import type { EditorPage } from './pages/EditorPage';

/** A node's position on the canvas, read from the transform React Flow gives it. */
async function positionOf(node: Locator): Promise<{ x: number; y: number }> {
  const transform = await node.evaluate((el) => (el as HTMLElement).style.transform);
  const match = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(transform);
  if (match === null) throw new Error(`no translate in '${transform}'`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

async function boxOf(node: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await node.boundingBox();
  if (box === null) throw new Error(`${node.toString()} is not visible`);
  return box;
}

/** A node's rectangle in flow coordinates: unlike its box on screen, it holds still while the view pans. */
async function flowBoxOf(node: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const size = await node.evaluate((el) => ({ width: (el as HTMLElement).offsetWidth, height: (el as HTMLElement).offsetHeight }));
  return { ...(await positionOf(node)), ...size };
}

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function expectNoOverlaps(editor: EditorPage, ids: readonly string[]): Promise<void> {
  const boxes = await Promise.all(ids.map((id) => flowBoxOf(editor.nodeLocator(id))));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!), `${ids[i]} and ${ids[j]} overlap`).toBe(false);
  }
}

/** Tabs (or Shift+Tabs) until `target` has the focus, failing after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 12, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

test.describe('the canvas from the keyboard', () => {
  // Long walks through the page, one key at a time; a loaded machine needs more than the default 30 s.
  test.describe.configure({ timeout: 90_000 });

  test('builds a pipeline with the keyboard only: add beside the selection, connect, move, undo', async ({ editor, page }) => {
    await editor.goto();
    // Each node added from the palette lands to the right of the one before (the selected one), level with it.
    expect(await editor.addWithKeyboard('source.sample')).toBe('sample1');
    expect(await editor.addWithKeyboard('transform.filter')).toBe('filter1');
    expect(await editor.addWithKeyboard('sink.log')).toBe('log1');
    const [sample, filter, log] = await Promise.all(['sample1', 'filter1', 'log1'].map((id) => flowBoxOf(editor.nodeLocator(id))));
    expect(filter!.x).toBeGreaterThan(sample!.x + sample!.width);
    expect(log!.x).toBeGreaterThan(filter!.x + filter!.width);
    expect(filter!.y).toBe(sample!.y);
    expect(log!.y).toBe(filter!.y);
    await expectNoOverlaps(editor, ['sample1', 'filter1', 'log1']);
    // The view follows the chain to the right: the last node added is fully in sight.
    const canvas = await boxOf(editor.canvas);
    await expect.poll(async () => {
      const last = await boxOf(editor.nodeLocator('log1'));
      return last.x + last.width <= canvas.x + canvas.width && last.x >= canvas.x;
    }).toBe(true);

    // C connects the selected node (log1, the last added) from a list of the nodes it can take input from.
    await expect(editor.paletteItem('sink.log')).toBeFocused();
    await page.keyboard.press('c');
    const dialog = page.getByRole('dialog', { name: 'Connect log1' });
    await expect(dialog).toBeVisible();
    const inputs = dialog.getByRole('region', { name: 'Take its input from' });
    await expect(inputs.getByRole('button')).toHaveText([/^sample1/, /^filter1/]);
    await expect(inputs.getByRole('button', { name: /^sample1/ })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(inputs.getByRole('button', { name: /^filter1/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(editor.notice).toHaveText('Connected filter1 to log1');
    expect(await editor.edgeList()).toEqual(['filter1.out->log1']);
    // The focus goes back where it was.
    await expect(editor.paletteItem('sink.log')).toBeFocused();

    // Into the canvas with the skip link, then Tab: the edge, the first node, its output handle.
    const app = new AppPage(page);
    await app.skipLink.focus();
    await page.keyboard.press('Enter');
    await expect(app.main).toBeFocused();
    const handle = editor.handle('sample1', 'out');
    await tabTo(page, handle);
    await expect(handle).toHaveAccessibleName('Output of sample1: connect it');
    await page.keyboard.press('Enter');
    const fromSample = page.getByRole('dialog', { name: 'Connect sample1' });
    const outputs = fromSample.getByRole('region', { name: 'Send its output to' });
    await expect(outputs.getByRole('button')).toHaveText([/^filter1/, /^log1/]);
    await expect(outputs.getByRole('button', { name: /^filter1/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(fromSample).toBeHidden();
    expect(await editor.edgeList()).toEqual(['filter1.out->log1', 'sample1.out->filter1']);
    await expect(handle).toBeFocused();

    // The connections the pipeline refuses are listed apart, with the reason.
    await page.keyboard.press('Shift+Tab');
    await expect(editor.nodeLocator('sample1')).toBeFocused();
    await page.keyboard.press('Enter');
    expect(await editor.selectedNodeIds()).toEqual(['sample1']);
    await tabTo(page, editor.nodeLocator('filter1'));
    await page.keyboard.press('c');
    const fromFilter = page.getByRole('dialog', { name: 'Connect filter1' });
    await tabTo(page, fromFilter.getByText(/connections? (is|are) not possible/));
    await page.keyboard.press('Enter');
    await expect(fromFilter.getByRole('listitem').filter({ hasText: 'From sample1' })).toContainText('These nodes are already connected');
    await page.keyboard.press('Escape');
    await expect(fromFilter).toBeHidden();

    // Arrow keys move the selected node a grid step, Shift four; each press is one undo step.
    await expect(editor.nodeLocator('filter1')).toBeFocused();
    await tabTo(page, editor.nodeLocator('sample1'), 4, 'Shift+Tab');
    const start = await positionOf(editor.nodeLocator('sample1'));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => positionOf(editor.nodeLocator('sample1'))).toEqual({ x: start.x + 16, y: start.y });
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => positionOf(editor.nodeLocator('sample1'))).toEqual({ x: start.x + 16, y: start.y + 64 });
    await editor.undo();
    await expect.poll(() => positionOf(editor.nodeLocator('sample1'))).toEqual({ x: start.x + 16, y: start.y });

    // With the focus on the main area rather than on a node, the arrows move the selection too.
    await app.skipLink.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => positionOf(editor.nodeLocator('sample1'))).toEqual({ x: start.x, y: start.y - 16 });
    await editor.undo();
    await editor.undo();
    await expect.poll(() => positionOf(editor.nodeLocator('sample1'))).toEqual({ x: start.x + 16, y: start.y });
    expect(await editor.nodeIds()).toEqual(['sample1', 'filter1', 'log1']);
  });

  test('nodes added with nothing selected go to free space near the middle, never on top of each other', async ({ editor, page }) => {
    await editor.goto();
    const ids: string[] = [];
    for (const kind of ['source.sample', 'source.sample', 'transform.map', 'sink.log', 'sink.chart']) {
      ids.push(await editor.addWithKeyboard(kind));
      await page.keyboard.press('Escape');
      expect(await editor.selectedNodeIds()).toEqual([]);
    }
    await expectNoOverlaps(editor, ids);
    // All of them in view, near the middle of the canvas.
    const canvas = await boxOf(editor.canvas);
    for (const id of ids) {
      const box = await boxOf(editor.nodeLocator(id));
      expect(box.x).toBeGreaterThan(canvas.x);
      expect(box.x + box.width).toBeLessThan(canvas.x + canvas.width);
      expect(box.y).toBeGreaterThan(canvas.y);
      expect(box.y + box.height).toBeLessThan(canvas.y + canvas.height);
    }
  });

  test('C with no node selected says what to do', async ({ editor, page }) => {
    await editor.goto();
    await editor.paletteFilter.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('c');
    await expect(editor.notice).toHaveText('Select a node first, then press C to connect it');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('the shortcuts help lists the keyboard commands', async ({ editor, page }) => {
    await editor.goto();
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).focus();
    await page.keyboard.press('Enter');
    const help = page.getByRole('region', { name: 'Keyboard shortcuts' });
    await expect(help.getByRole('term')).toContainText(['Connect from the keyboard', 'Select a node', 'Move the selected nodes']);
  });
});

test.describe('the results dock from the keyboard', () => {
  test('the resize handle says the dock\'s height and follows Arrow Up and Down', async ({ editor, page }) => {
    await editor.goto();
    const handle = page.getByRole('separator', { name: 'Resize the dock' });
    const dock = page.locator('.wp-results-dock');
    const height = async (): Promise<number> => Math.round((await boxOf(dock)).height);
    await expect.poll(async () => Number(await handle.getAttribute('aria-valuenow'))).toBe(await height());
    const before = Number(await handle.getAttribute('aria-valuenow'));
    expect(Number(await handle.getAttribute('aria-valuemax'))).toBeGreaterThan(before);
    await handle.focus();
    await page.keyboard.press('ArrowUp');
    await expect(handle).toHaveAttribute('aria-valuenow', String(before + 24));
    await expect(handle).toHaveAttribute('aria-valuetext', `${before + 24} pixels high`);
    expect(await height()).toBe(before + 24);
  });
});
