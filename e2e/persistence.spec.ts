import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { EditorPage } from './pages/EditorPage';
import { InspectorPanel } from './pages/InspectorPanel';
import { clickVisibleNode } from './revealNode';

/**
 * Every edit a user has made is still there after a reload, however soon the
 * reload comes. The page's clock stands still from the edit to the reload, so
 * no timer (autosave's, a field's pause) can save the edit first: the test
 * holds however fast or slow the machine is, and fails when only a timer
 * would have saved it.
 */

const EXAMPLE = 'Sensor averages per device per minute';

/** A pipeline of five nodes (sensors → byDevice → minute → stats → results), stored before the test edits it. */
async function open(page: Page): Promise<{ bar: DocumentsBar; editor: EditorPage; inspector: InspectorPanel }> {
  await page.clock.install();
  const bar = new DocumentsBar(page);
  await bar.goto();
  await bar.newFromExample(EXAMPLE);
  const editor = new EditorPage(page);
  await expect(editor.nodes).toHaveCount(5);
  await bar.waitUntilSaved();
  return { bar, editor, inspector: new InspectorPanel(page) };
}

/** Stops the page's timers until the next {@link reload}: what comes next happens "at once". */
async function freeze(page: Page): Promise<void> {
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
}

/** Reloads, lets time run again, and waits for the restored pipeline on the canvas. */
async function reload(page: Page, bar: DocumentsBar, editor: EditorPage): Promise<void> {
  await page.reload();
  await page.clock.resume();
  await bar.bar.waitFor();
  await expect(editor.nodes).not.toHaveCount(0);
}

/**
 * Selects a node where a user can see it and waits for the inspector to show
 * it: a click on a node half behind the inspector or the minimap could miss
 * (see revealNode), and the edit that followed then had nothing to act on.
 */
async function inspect(editor: EditorPage, inspector: InspectorPanel, id: string): Promise<void> {
  await clickVisibleNode(editor, id);
  await inspector.expectNode(id);
}

test.describe('edits survive an immediate reload', () => {
  test('a node name committed with Enter', async ({ page }) => {
    const { bar, editor, inspector } = await open(page);
    await inspect(editor, inspector, 'minute');
    await freeze(page);
    await inspector.nodeName.fill('Per minute');
    await inspector.nodeName.press('Enter');
    await reload(page, bar, editor);
    await expect(editor.nodeLocator('minute').locator('.wp-node-title')).toHaveText('Per minute');
  });

  test('a parameter committed with Enter', async ({ page }) => {
    const { bar, editor, inspector } = await open(page);
    await inspect(editor, inspector, 'minute');
    await freeze(page);
    await inspector.field('Size').fill('5m');
    await inspector.field('Size').press('Enter');
    await reload(page, bar, editor);
    await inspect(editor, inspector, 'minute');
    await expect(inspector.field('Size')).toHaveValue('5m');
  });

  test('a deleted node', async ({ page }) => {
    const { bar, editor, inspector } = await open(page);
    await inspect(editor, inspector, 'results');
    await freeze(page);
    await page.keyboard.press('Delete');
    // The canvas shows the deletion at once (no timer runs while the clock stands still); the reload must keep it.
    await expect(editor.nodeLocator('results')).toHaveCount(0);
    await reload(page, bar, editor);
    await expect(editor.nodes).toHaveCount(4);
    await expect(editor.nodeLocator('results')).toHaveCount(0);
    expect(await editor.edgeList()).toEqual(['sensors.out->byDevice', 'byDevice.out->minute', 'minute.out->stats']);
  });

  test('a moved node', async ({ page }) => {
    const { bar, editor } = await open(page);
    /** How far the source sits below its neighbour, in screen pixels (the viewport does not move). */
    const offset = async (): Promise<number> => {
      const moved = await editor.nodeLocator('sensors').boundingBox();
      const still = await editor.nodeLocator('byDevice').boundingBox();
      if (moved === null || still === null) throw new Error('the nodes are not on screen');
      return moved.y - still.y;
    };
    const before = await offset();
    await freeze(page);
    await editor.dragNode('sensors', 0, 90);
    await reload(page, bar, editor);
    await expect.poll(async () => (await offset()) - before).toBeGreaterThan(60);
  });

  test('an added edge', async ({ page }) => {
    const { bar, editor } = await open(page);
    const log = await editor.doubleClickPalette('sink.log');
    await bar.waitUntilSaved();
    await freeze(page);
    await editor.connect('stats', 'out', log);
    await reload(page, bar, editor);
    await expect(editor.edges).toHaveCount(5);
    expect(await editor.edgeList()).toContain(`stats.out->${log}`);
  });

  test('a pipeline name committed with Enter', async ({ page }) => {
    const { bar, editor } = await open(page);
    await freeze(page);
    await bar.name.fill('Minute averages');
    await bar.name.press('Enter');
    await reload(page, bar, editor);
    await expect(bar.name).toHaveValue('Minute averages');
  });
});

test.describe('a field being typed survives an immediate reload', () => {
  test('a node name, without Enter', async ({ page }) => {
    const { bar, editor, inspector } = await open(page);
    await inspect(editor, inspector, 'stats');
    await freeze(page);
    await inspector.nodeName.fill('Temperatures');
    await reload(page, bar, editor);
    await expect(editor.nodeLocator('stats').locator('.wp-node-title')).toHaveText('Temperatures');
  });

  test('a parameter, without Enter', async ({ page }) => {
    const { bar, editor, inspector } = await open(page);
    await inspect(editor, inspector, 'minute');
    await freeze(page);
    await inspector.field('Size').fill('2m');
    await reload(page, bar, editor);
    await inspect(editor, inspector, 'minute');
    await expect(inspector.field('Size')).toHaveValue('2m');
  });

  test('the pipeline name, without Enter', async ({ page }) => {
    const { bar, editor } = await open(page);
    await freeze(page);
    await bar.name.fill('Typed, not entered');
    await reload(page, bar, editor);
    await expect(bar.name).toHaveValue('Typed, not entered');
    // It is the pipeline's name everywhere, not only in the field.
    await bar.pipelinesButton.click();
    await expect(bar.pipelinesPanel).toContainText('Typed, not entered');
  });

  test('the pipeline name is saved after a pause in typing, like every other field', async ({ page }) => {
    const { bar, editor } = await open(page);
    await freeze(page);
    await bar.name.fill('Paused on');
    // The field keeps focus; the pause commits it and autosave stores it.
    await page.clock.runFor(1000);
    await expect.poll(async () => ((await bar.stored())?.doc as { name?: string } | undefined)?.name).toBe('Paused on');
    await expect(bar.name).toBeFocused();
    await reload(page, bar, editor);
    await expect(bar.name).toHaveValue('Paused on');
  });
});

test('Escape in the pipeline name puts back the name it had, even after a pause committed the typing', async ({ page }) => {
  const { bar, editor } = await open(page);
  const storedName = async () => ((await bar.stored())?.doc as { name?: string } | undefined)?.name;
  await freeze(page);
  await bar.name.fill('Half typed');
  await page.clock.runFor(1000);
  await expect.poll(storedName).toBe('Half typed');
  await bar.name.press('Escape');
  await expect(bar.name).toHaveValue(EXAMPLE);
  await expect(bar.name).not.toBeFocused();
  await reload(page, bar, editor);
  await expect(bar.name).toHaveValue(EXAMPLE);
});

test.describe('when the browser drops the last write', () => {
  // FIXME(session 18): with Debian's Chromium 156.0.8078.129 (installed 2026-12-07) the edit is not
  // brought back after the reload. It fails the same way on this session's first commit (98ad0fa),
  // which passed CI on the Chromium before, so the browser changed, not the app. The next session
  // must find out whether the journal is still written on pagehide and read on load there; until
  // then an edit made just before the page goes away may be lost in that browser.
  test('the page-hide journal brings the edit back, then is cleared', async ({ page }) => {
    // A browser that cannot commit a write at once (no IDBTransaction.commit) loses one started
    // as the page goes away: Chromium does, when commit() does nothing.
    await page.addInitScript(() => {
      IDBTransaction.prototype.commit = function commit(): void {};
    });
    const { bar, editor, inspector } = await open(page);
    await inspect(editor, inspector, 'minute');
    await freeze(page);
    await inspector.nodeName.fill('Kept by the journal');
    await inspector.nodeName.press('Enter');
    await reload(page, bar, editor);
    await expect(editor.nodeLocator('minute').locator('.wp-node-title')).toHaveText('Kept by the journal');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('windowpane-journal'))).toBeNull();
    // And it was stored, not only shown: another reload (nothing typed) still has it.
    await bar.waitUntilSaved();
    await reload(page, bar, editor);
    await expect(editor.nodeLocator('minute').locator('.wp-node-title')).toHaveText('Kept by the journal');
  });
});
