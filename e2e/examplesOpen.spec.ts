import type { Page } from '@playwright/test';
import { nabFile, NYC_TAXI } from './exampleFiles';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { RunControls } from './pages/RunControls';


/**
 * Everything wrong with how the open pipeline is framed, as sentences (none
 * when it is right): a node outside the canvas, under the canvas toolbar, the
 * notice, the zoom buttons or the minimap, or a title drawn under 10 px.
 */
async function framingProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rect = (el: Element | null) => el?.getBoundingClientRect();
    const canvas = rect(document.querySelector('[data-testid="canvas"]'));
    const toolbar = rect(document.querySelector('[role="toolbar"][aria-label="Canvas"]'));
    const notice = rect(document.querySelector('.wp-docs-notice'));
    const covers = [...document.querySelectorAll('[data-testid="canvas"] :is(.react-flow__minimap, .react-flow__controls)')].map((el) => el.getBoundingClientRect());
    if (canvas === undefined || toolbar === undefined) return ['no canvas or no canvas toolbar'];
    if (notice === undefined) return ['no "Opened" notice'];
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const zoom = viewport === null ? 0 : new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const problems: string[] = [];
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    for (const node of document.querySelectorAll<HTMLElement>('[data-testid="canvas"] .react-flow__node')) {
      const id = node.dataset.id ?? '?';
      const box = node.getBoundingClientRect();
      if (box.left < canvas.left || box.right > canvas.right || box.top < canvas.top || box.bottom > canvas.bottom) problems.push(`${id} is not inside the canvas`);
      if (box.top < toolbar.bottom) problems.push(`${id} is not below the canvas toolbar`);
      if (box.top < notice.bottom) problems.push(`${id} is not below the notice`);
      if (covers.some((c) => overlaps(box, c))) problems.push(`${id} is under the minimap or the zoom buttons`);
      const title = node.querySelector('.wp-node-title');
      const px = title === null ? 0 : parseFloat(getComputedStyle(title).fontSize) * zoom;
      if (px < 10) problems.push(`${id}'s title is drawn at ${px.toFixed(1)} px`);
    }
    return problems;
  });
}

test.describe('examples open ready to use', () => {
  test('every example opens framed: nodes inside the canvas, below the toolbar and the notice, titles 10 px or more', async ({ page, exampleFiles }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const bar = new DocumentsBar(page);
    await bar.goto();
    expect(exampleFiles.length).toBeGreaterThan(0);
    for (const example of exampleFiles) {
      await bar.newFromExample(example.name);
      await expect(bar.notice).toContainText(`Opened “${example.name}”`);
      await expect(page.getByTestId('canvas').locator('.react-flow__node')).toHaveCount(example.nodeIds.length);
      await expect.poll(() => framingProblems(page), { message: example.slug }).toEqual([]);
      await page.screenshot({ path: test.info().outputPath(`${example.slug}.png`) });
    }
  });

  test('the NYC taxi example asks for its file on the File node, and Choose file loads it', async ({ page }) => {
    const bar = new DocumentsBar(page);
    await bar.goto();
    await bar.button('New from example').click();
    const card = page.getByRole('dialog', { name: 'New from example' }).getByRole('button', { name: /^NYC taxi/ });
    await expect(card).toContainText('Needs nyc_taxi.csv');
    await expect(card).not.toContainText('--input');
    await card.click();
    const node = page.getByTestId('canvas').locator('.react-flow__node[data-id="taxi"]');
    await expect(node).toContainText('Needs nyc_taxi.csv');
    const chooser = page.waitForEvent('filechooser');
    await node.getByRole('button', { name: 'Choose file for taxi' }).click();
    await (await chooser).setFiles(NYC_TAXI);
    await expect(node.getByRole('button', { name: /Choose file/ })).toHaveCount(0);
    await expect(node).not.toContainText('Needs');
    const run = new RunControls(page);
    await run.setSpeed('max');
    await run.runButton.click();
    await run.expectPhase('Finished');
    // 10,320 half-hours make 215 days.
    expect(await run.results()).toBe(215);
  });

  test('the first result of every example appears within 15 s at 1x', async ({ page, exampleFiles }) => {
    test.setTimeout(exampleFiles.length * 30_000);
    const bar = new DocumentsBar(page);
    const run = new RunControls(page);
    await bar.goto();
    const taken: string[] = [];
    for (const example of exampleFiles) {
      await bar.newFromExample(example.name);
      const chooseFile = page.getByTestId('canvas').getByRole('button', { name: /^Choose file/ });
      if (await chooseFile.count() > 0) {
        // The File node says which NAB file it needs.
        const needs = /Needs (\S+\.csv)/.exec(await page.getByTestId('canvas').innerText())?.[1] ?? 'nyc_taxi.csv';
        const chooser = page.waitForEvent('filechooser');
        await chooseFile.click();
        await (await chooser).setFiles(nabFile(needs));
        await expect(chooseFile).toHaveCount(0);
      }
      await expect(run.speed).toHaveValue('1');
      const started = Date.now();
      await run.run();
      await expect.poll(() => run.results(), { message: `${example.slug}: a result within 15 s`, timeout: 15_000 - (Date.now() - started) }).toBeGreaterThan(0);
      taken.push(`${example.slug}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      await run.stop();
    }
    test.info().annotations.push({ type: 'first result at 1x', description: taken.join('; ') });
    console.log(`first result at 1x: ${taken.join('; ')}`);
  });
});
