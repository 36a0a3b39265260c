import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { ResultsPage } from './pages/ResultsPage';
import { RunControls } from './pages/RunControls';
import { storeGeneratedCsv, storedCsvPipeline } from './storedFiles';

const SHOTS = '/tmp/i7-longtasks';
/** 400,000 rows, one a millisecond, 20 keys: a run at Max of a second or two, 8,000 results. */
const ROWS = 400_000;
/** The live figures the canvas mounts per frame (src/editor/canvas/usePacedMount.ts). */
const MOUNTS_PER_FRAME = 4;

interface Record {
  /** Live badges and rate labels added, per batch of DOM changes (one batch: one task's changes). */
  mounts: number[];
  /** Batches that changed both the run's phase to finished and the results table's rows. */
  endWithTable: number;
  /** The file node's height each time it changed, with the run's phase then. */
  heights: { phase: string; height: number; reading: boolean }[];
}

/** Records, in the page, how the run's start and end reach the DOM (see Record). */
async function record(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: Record = { mounts: [], endWithTable: 0, heights: [] };
    (window as unknown as { runFrames: Record }).runFrames = log;
    const status = document.querySelector('[data-testid="run-status"]')!;
    const live = '[data-testid="node-stats"], [data-testid="edge-rate"]';
    new MutationObserver((changes) => {
      let mounted = 0;
      let ended = false;
      let table = false;
      for (const change of changes) {
        for (const added of change.addedNodes) {
          if (!(added instanceof Element)) continue;
          mounted += (added.matches(live) ? 1 : 0) + added.querySelectorAll(live).length;
        }
        if (change.type === 'attributes' && change.attributeName === 'data-phase' && status.getAttribute('data-phase') === 'finished') ended = true;
        if (change.type === 'attributes' && change.attributeName === 'data-rows') table = true;
      }
      if (mounted > 0) log.mounts.push(mounted);
      if (ended && table) log.endWithTable++;
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase', 'data-rows'] });
    const node = document.querySelector('.react-flow__node[data-id="events"]')!;
    new ResizeObserver((entries) => {
      for (const entry of entries) {
        const bar = node.querySelector('.wp-file-progress-bar');
        log.heights.push({ phase: status.getAttribute('data-phase') ?? '', height: entry.borderBoxSize[0]!.blockSize, reading: bar !== null && !bar.hasAttribute('data-done') });
      }
    }).observe(node);
  });
}

test.describe('a run\'s first and last frames', () => {
  // Wide enough for all five nodes' badges (only badges on screen are drawn).
  test.use({ viewport: { width: 1440, height: 900 } });
  test('mount the live figures a few a frame, keep the file node\'s height at the end and refresh the table after the end is shown', async ({ editor, page, consoleErrors }) => {
    test.setTimeout(120_000);
    await editor.goto();
    const file = await storeGeneratedCsv(page, { rows: ROWS, keys: 20, stepMs: 1, bad: [], name: 'events.csv' });
    await new DocumentsBar(page).pasteJson(storedCsvPipeline(file, 'events.csv'));
    const run = new RunControls(page);
    const node = page.locator('.react-flow__node[data-id="events"]');
    await expect(node).toBeVisible();
    await run.setSpeed('max');
    await record(page);
    await run.runButton.click();
    // A second or two on a quiet machine; far longer on a loaded one.
    await expect(run.status).toHaveAttribute('data-phase', 'finished', { timeout: 90_000 });
    const table = new ResultsPage(page).table('results');
    await expect(table).toHaveAttribute('data-rows', String(await run.results()));
    // Five nodes' badges and four edges' labels, all shown.
    await expect(page.getByTestId('node-stats')).toHaveCount(5);
    await expect(page.getByTestId('edge-rate')).toHaveCount(4);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/run-frames-finished.png` });

    const log = await page.evaluate(() => (window as unknown as { runFrames: Record }).runFrames);
    // The run's first figures reach every node and edge at once; they mount a few a frame.
    expect(log.mounts.reduce((a, b) => a + b, 0)).toBe(9);
    expect(Math.max(...log.mounts)).toBeLessThanOrEqual(MOUNTS_PER_FRAME);
    // The end (status, badges, figures) and the table's last refresh are drawn in different frames.
    expect(log.endWithTable).toBe(0);
    // Once the progress bar is in, the node keeps its height to the end: no re-measure of the node (and its edges) as the run ends.
    const firstReading = log.heights.findIndex((h) => h.reading);
    expect(firstReading).toBeGreaterThanOrEqual(0);
    expect(new Set(log.heights.slice(firstReading).map((h) => h.height)).size).toBe(1);
    await expect(node.getByRole('progressbar')).toHaveAttribute('data-done', 'true');
    expect(consoleErrors).toEqual([]);
  });
});
