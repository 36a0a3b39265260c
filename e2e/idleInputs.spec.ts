import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { RunControls } from './pages/RunControls';

/**
 * examples/idle-sensor.json at 1x: the roof sensors go quiet after 10 s of
 * events (200 at 20/s) for ten minutes, with an idleTimeout of 6 s.
 */
const EXAMPLE = 'Idle sensor holds the watermark back';

function stats(page: Page, nodeId: string): Locator {
  return page.getByTestId('canvas').locator(`.react-flow__node[data-id="${nodeId}"]`).getByTestId('node-stats');
}

async function watermark(page: Page, nodeId: string): Promise<number> {
  return Number(await stats(page, nodeId).getAttribute('data-watermark'));
}

test.describe('idle inputs', () => {
  test('a quiet input holds the union\'s watermark back (the badges name it) until its idle timeout releases it', async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    const bar = new DocumentsBar(page);
    await bar.goto();
    await bar.newFromExample(EXAMPLE);
    const run = new RunControls(page);
    await expect(run.speed).toHaveValue('1');
    await run.run();
    // Windows fire while both inputs speak.
    await expect.poll(() => run.results(), { timeout: 15_000 }).toBeGreaterThan(0);

    // Held back: the window waits for the roof, whose watermark has stopped while the hall's goes on.
    const window = stats(page, 'fiveSeconds');
    await expect(window).toHaveAttribute('data-held-back-by', 'roof', { timeout: 15_000 });
    await expect(window.getByTestId('held-back-badge')).toHaveText(/^wm held back by Roof sensors · \d+ s silent$/);
    await expect(stats(page, 'allSensors')).toHaveAttribute('data-held-back-by', 'roof');
    await expect(stats(page, 'readings').getByTestId('held-back-badge')).toHaveCount(0);
    await expect(stats(page, 'roof')).toHaveAttribute('data-idle', 'false');
    const roofStopped = await watermark(page, 'roof');
    await expect.poll(() => watermark(page, 'hall')).toBeGreaterThan(roofStopped + 1000);
    expect(await watermark(page, 'fiveSeconds')).toBeLessThanOrEqual(roofStopped);
    expect(await watermark(page, 'roof')).toBe(roofStopped);
    const heldResults = await run.results();
    await page.screenshot({ path: test.info().outputPath('held-back.png') });

    // Released: the roof is idle, nothing is held back, and the window follows the hall.
    await expect(stats(page, 'roof')).toHaveAttribute('data-idle', 'true', { timeout: 10_000 });
    await expect(stats(page, 'roof').getByTestId('idle-badge')).toHaveText('idle · not holding back');
    await expect(window).toHaveAttribute('data-held-back-by', '');
    await expect(window.getByTestId('held-back-badge')).toHaveCount(0);
    await expect.poll(() => watermark(page, 'fiveSeconds')).toBeGreaterThan(roofStopped + 2000);
    await expect.poll(() => run.results()).toBeGreaterThan(heldResults);
    expect(await watermark(page, 'roof')).toBe(roofStopped);
    await page.screenshot({ path: test.info().outputPath('released.png') });
    await run.stop();
  });
});
