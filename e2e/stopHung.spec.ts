import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { EditorPage } from './pages/EditorPage';
import { ResultsPage } from './pages/ResultsPage';
import { RunControls } from './pages/RunControls';

/** examples/live-sensor-dashboard.json: sensors -> ... -> temperatureChart, windowTable. */
const DASHBOARD = 'Live sensor dashboard';
const ENDED = 'The run did not answer Stop within 2 s, so it was ended';

/** The page's pipeline workers (their script is pipeline.worker-<hash>.js). */
const pipelineWorkers = (page: Page): Worker[] => page.workers().filter((w) => w.url().includes('pipeline.worker'));

/**
 * Sticks the pipeline worker's thread in a loop, as an engine bug would: it
 * answers nothing from then on (no frame, no Stop). Queued as a task so that
 * this evaluate itself returns.
 */
async function hangWorker(page: Page): Promise<void> {
  await expect.poll(() => pipelineWorkers(page).length).toBe(1);
  await pipelineWorkers(page)[0]!.evaluate(() => {
    setTimeout(() => {
      const stuckFrom = Date.now();
      // Never ends: Date.now() does not go back.
      while (Date.now() >= stuckFrom) {
        // spin
      }
    });
  });
}

test.describe('Stop always stops', () => {
  test.beforeEach(async ({ page }) => {
    const bar = new DocumentsBar(page);
    await bar.goto();
    await bar.newFromExample(DASHBOARD);
    await expect(new EditorPage(page).nodes).toHaveCount(7);
  });

  test('a run stuck in a loop is ended 2 s after Stop: idle canvas, the results stay, a sentence says so, Run works again', async ({ page, consoleErrors }) => {
    const results = new ResultsPage(page);
    const run = new RunControls(page);
    await results.run('10');
    await expect.poll(() => results.chartPoints('temperatureChart'), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect(results.nodeStats('sensors')).toHaveCount(1);

    await hangWorker(page);
    // Frames stop coming: the figures freeze where they were.
    const shown = await results.chartPoints('temperatureChart');
    const rows = await results.tableRows('windowTable');
    await run.stopButton.click();
    await expect(run.phase).toHaveText('Idle', { timeout: 6_000 });
    await expect(run.problem).toContainText(ENDED);
    // The canvas is idle again, and the chart keeps what it showed (Stop keeps results until the next Run).
    await expect(results.nodeStats('sensors')).toHaveCount(0);
    expect(await results.chartPoints('temperatureChart')).toBeGreaterThanOrEqual(shown);
    expect(shown).toBeGreaterThan(0);
    expect(await results.tableRows('windowTable')).toBeGreaterThanOrEqual(rows);
    // The stuck worker is gone and a fresh one took its place.
    await expect.poll(() => pipelineWorkers(page).length).toBe(1);

    await run.run();
    await expect.poll(() => run.events()).toBeGreaterThan(0);
    await expect(run.problem).toHaveCount(0);
    await run.stop();
    await expect(run.problem).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test('a Run the worker never answers can be stopped, though the run never started', async ({ page }) => {
    const run = new RunControls(page);
    // A first run and Stop, so a worker exists to get stuck.
    await run.run();
    await run.stop();
    await hangWorker(page);
    await run.runButton.click();
    // The load is never answered: still idle, but Stop is offered.
    await expect(run.stopButton).toBeEnabled();
    await expect(run.phase).toHaveText('Idle');
    await run.stopButton.click();
    await expect(run.problem).toContainText(ENDED, { timeout: 6_000 });
    await expect(run.stopButton).toBeDisabled();
    await run.run();
    await expect.poll(() => run.events()).toBeGreaterThan(0);
  });
});
