import { writeFile } from 'node:fs/promises';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { EditorPage } from './pages/EditorPage';

/** src/editor/documents/import/importLimits.ts */
const MAX_MB = 20;
const MAX_NODES = 1000;

/** A pipeline of a file source with `megabytes` of CSV inline, a filter and a sink. */
function bigDataPipeline(megabytes: number): string {
  const rows = ['ts,device,temperature'];
  let size = 0;
  for (let i = 0; size < megabytes * 1_000_000; i++) {
    const row = `${1_700_000_000_000 + i * 1000},d${i % 50},${(i % 300) / 10}`;
    rows.push(row);
    size += row.length + 1;
  }
  return JSON.stringify({
    format: 'windowpane.pipeline', version: 1, name: 'Big data',
    nodes: [
      { id: 'readings', kind: 'source.file', position: { x: 0, y: 0 }, params: { format: 'csv', eventTime: 'ts', data: rows.join('\n') } },
      { id: 'warm', kind: 'transform.filter', position: { x: 240, y: 0 }, params: { expr: 'temperature > 20' } },
      { id: 'out', kind: 'sink.collect', position: { x: 480, y: 0 }, params: {} },
    ],
    edges: [{ id: 'e1', from: 'readings', to: 'warm' }, { id: 'e2', from: 'warm', to: 'out' }],
  });
}

/** A chain of `n` nodes: a sample source, filters, a sink. */
function chain(n: number): string {
  const nodes: unknown[] = [{ id: 'n0', kind: 'source.sample', position: { x: 0, y: 0 }, params: { stream: 'sensors' } }];
  for (let i = 1; i < n - 1; i++) nodes.push({ id: `n${i}`, kind: 'transform.filter', position: { x: i * 220, y: 0 }, params: { expr: 'temperature > 0' } });
  nodes.push({ id: `n${n - 1}`, kind: 'sink.collect', position: { x: (n - 1) * 220, y: 0 }, params: {} });
  const edges = Array.from({ length: n - 1 }, (_, i) => ({ id: `e${i + 1}`, from: `n${i}`, to: `n${i + 1}` }));
  return JSON.stringify({ format: 'windowpane.pipeline', version: 1, name: `Chain of ${n}`, nodes, edges });
}

async function saved(info: TestInfo, name: string, text: string): Promise<string> {
  const path = info.outputPath(name);
  await writeFile(path, text);
  return path;
}

/** Picks a file through Import… and the browser's file chooser. */
async function chooseFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await new DocumentsBar(page).button('Import…').click();
  await (await chooser).setFiles(path);
}

/**
 * Records, in the page, every stage and percentage the import progress shows
 * and the longest gap between animation frames until the "opening" stage
 * (how long the page could not paint while the file was read and checked).
 */
async function recordImport(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { importSeen: string[]; longestGap: number; opening: boolean };
    w.importSeen = [];
    w.longestGap = 0;
    w.opening = false;
    let last = performance.now();
    const frame = (now: number): void => {
      if (!w.opening) w.longestGap = Math.max(w.longestGap, now - last);
      last = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    new MutationObserver(() => {
      const box = document.querySelector('.wp-docs-import');
      if (box === null) return;
      const seen = `${box.getAttribute('data-stage')} ${box.querySelector('progress')?.getAttribute('value')}`;
      if (w.importSeen.at(-1) !== seen) w.importSeen.push(seen);
      if (box.getAttribute('data-stage') === 'opening') w.opening = true;
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

const importWorkers = (page: Page) => page.workers().filter((w) => w.url().includes('documentImport.worker'));

test.describe('importing big documents', () => {
  test('a 12 MB pipeline is read off the page with progress; the page answers meanwhile; Cancel stops it; imported again it opens', async ({ page, consoleErrors }, info) => {
    test.setTimeout(120_000);
    const bar = new DocumentsBar(page);
    await bar.goto();
    const big = await saved(info, 'big-data.windowpane.json', bigDataPipeline(12));
    const small = await saved(info, 'chain.windowpane.json', chain(3));

    // A first import starts the import worker; then it is made to hang, as a slow parse would.
    await chooseFile(page, small);
    await expect(bar.notice).toContainText('Opened “Chain of 3”');
    await expect.poll(() => importWorkers(page).length).toBe(1);
    await importWorkers(page)[0]!.evaluate(() => {
      setTimeout(() => {
        const from = Date.now();
        while (Date.now() >= from) {
          // stuck until the page ends the worker
        }
      });
    });
    const pipelinesBefore = (await bar.pipelineNames()).length;

    await chooseFile(page, big);
    const progress = page.getByRole('group', { name: 'Importing “big-data.windowpane.json”' });
    await expect(progress).toBeVisible();
    await expect(progress.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
    await expect(progress).toContainText(/Reading 0\.0 of 12\.\d MB/);
    // The page answers while the import is under way: the Pipelines menu opens and closes.
    await bar.openPipelines();
    await page.keyboard.press('Escape');
    await expect(bar.pipelinesPanel).toBeHidden();
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(progress).toBeHidden();
    await expect(bar.notice).toContainText('The import of “big-data.windowpane.json” was cancelled; nothing was opened.');
    expect(await bar.pipelineNames()).toHaveLength(pipelinesBefore);
    await expect.poll(() => importWorkers(page).length).toBe(0);

    // Again, with a fresh worker: every stage shows, the page keeps painting, and it opens.
    await recordImport(page);
    await chooseFile(page, big);
    await expect(bar.notice).toContainText('Opened “Big data” from big-data.windowpane.json.', { timeout: 90_000 });
    await expect(progress).toBeHidden();
    await expect(new EditorPage(page).nodes).toHaveCount(3);
    const seen = await page.evaluate(() => (window as unknown as { importSeen: string[] }).importSeen);
    // React may paint two quick stages as one, so: in order, from reading to opening, never going back.
    const order = ['reading', 'parsing', 'checking', 'opening'];
    const stages = [...new Set(seen.map((s) => s.split(' ')[0]))];
    expect(stages[0]).toBe('reading');
    expect(stages.at(-1)).toBe('opening');
    expect([...stages].sort((a, b) => order.indexOf(a!) - order.indexOf(b!))).toEqual(stages);
    const percents = seen.map((s) => Number(s.split(' ')[1]));
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    // Before this worked off the page, a document this size froze it for seconds.
    expect(await page.evaluate(() => (window as unknown as { longestGap: number }).longestGap)).toBeLessThan(1500);
    expect(consoleErrors).toEqual([]);
  });

  test('refuses, in words naming the limit, a file over 20 MB and a pipeline over 1,000 nodes, and opens nothing', async ({ page }, info) => {
    const bar = new DocumentsBar(page);
    await bar.goto();
    const pipelinesBefore = (await bar.pipelineNames()).length;

    await chooseFile(page, await saved(info, 'too-big.windowpane.json', bigDataPipeline(MAX_MB + 1)));
    let dialog = bar.problemsDialog();
    await expect(dialog).toContainText('“too-big.windowpane.json” can\'t be imported');
    await expect(bar.problemRows(dialog)).toHaveText([/the file is 21\.\d MB; Windowpane imports pipelines of at most 20 MB, so it was not read/]);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await chooseFile(page, await saved(info, 'too-many.windowpane.json', chain(MAX_NODES + 1)));
    dialog = bar.problemsDialog();
    await expect(bar.problemRows(dialog)).toHaveText([/^nodes\s*the pipeline has 1,001 nodes; the canvas opens pipelines of at most 1,000 nodes/]);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Pasted JSON goes the same way, its problems listed in the paste dialog.
    await bar.pasteJson(chain(MAX_NODES + 1));
    const paste = page.getByRole('dialog', { name: 'Paste pipeline JSON' });
    await expect(paste.getByRole('alert')).toContainText('the pipeline has 1,001 nodes; the canvas opens pipelines of at most 1,000 nodes');
    await paste.getByRole('button', { name: 'Cancel' }).click();
    expect(await bar.pipelineNames()).toHaveLength(pipelinesBefore);
  });
});
