import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { RunControls } from './pages/RunControls';
import { storeGeneratedCsv, storedCsvPipeline } from './storedFiles';

const SHOTS = '/tmp/n8-longtasks';
/** 12 M rows, one a millisecond, 20 keys: a run at Max of about two seconds on an idle machine. */
const ROWS = 12_000_000;
/** The least time between two figures shown while a run at Max pours in (src/editor/run/pullPace.ts). */
const POURING_PULL_MS = 200;

/** Records, in the page, when the run status's event count changed while running, and how many frames went by. */
async function recordFigures(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log = { changes: [] as number[], frames: 0 };
    (window as unknown as { figures: typeof log }).figures = log;
    const status = document.querySelector('[data-testid="run-status"]')!;
    new MutationObserver(() => {
      if (status.getAttribute('data-phase') === 'running') log.changes.push(performance.now());
    }).observe(status, { attributes: true, attributeFilter: ['data-events'] });
    const count = () => {
      log.frames++;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  });
}

test.describe('the run\'s figures at Max', () => {
  test('change at most five times a second while a file pours in, and stop when it pauses', async ({ editor, page, consoleErrors }) => {
    test.setTimeout(180_000);
    await editor.goto();
    const file = await storeGeneratedCsv(page, { rows: ROWS, keys: 20, stepMs: 1, bad: [], name: 'pour.csv' });
    await new DocumentsBar(page).pasteJson(storedCsvPipeline(file, 'pour.csv'));
    const run = new RunControls(page);
    await run.setSpeed('max');
    await recordFigures(page);
    await run.runButton.click();
    // Paused early (the worker reads a stored CSV at ~6 M rows/s idle: a run of 12 M rows lasts about two
    // seconds), the figures stop; run on to the end, they move several times, each at least 200 ms apart.
    const changed = () => page.evaluate(() => (window as unknown as { figures: { changes: number[] } }).figures.changes.length);
    await expect.poll(changed, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    await run.pause();
    await run.expectPhase('Paused');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/pull-pace-paused.png` });
    const paused = await run.events();
    expect(paused).toBeGreaterThan(0);
    expect(paused).toBeLessThan(ROWS);
    const whilePaused = await page.evaluate(() => (window as unknown as { figures: { changes: number[] } }).figures.changes.length);
    await page.waitForTimeout(1_000);
    expect(await run.events()).toBe(paused);
    expect(await changed()).toBe(whilePaused);
    await run.runButton.click();
    await run.expectPhase('Finished');
    expect(await changed()).toBeGreaterThanOrEqual(4);

    const { changes, frames } = await page.evaluate(() => (window as unknown as { figures: { changes: number[]; frames: number } }).figures);
    const span = changes.at(-1)! - changes[0]!;
    test.info().annotations.push({ type: 'figures', description: `${changes.length} changes in ${Math.round(span)} ms (least gap ${Math.round(Math.min(...changes.slice(1).map((at, i) => at - changes[i]!)))} ms), ${frames} frames` });
    // Each change is an answer of the worker applied, and answers are applied at least 200 ms apart at Max;
    // the status is redrawn in the frame that applies one, a little later than the answer's time, by a
    // varying amount. Pulled every frame, as before, the count changed every frame or two.
    const gaps = changes.slice(1).map((at, i) => at - changes[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(POURING_PULL_MS - 25);
    expect(changes.length - 1).toBeLessThanOrEqual(Math.floor(span / POURING_PULL_MS) + 1);
    expect(frames).toBeGreaterThan(changes.length);
    expect(consoleErrors).toEqual([]);
  });
});
