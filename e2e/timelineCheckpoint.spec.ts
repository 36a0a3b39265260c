import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { ResultsPage } from './pages/ResultsPage';

/**
 * Checkpoints are taken while the timeline follows a window node. A session
 * window kept its trace scratch in its state, and with the Timeline open
 * "Click sessions per user" failed at its first checkpoint: "snapshot:
 * state.st.tracer holds an instance of …, which is not a registered state class".
 */
test('click sessions with the Timeline open: checkpoints every second and on Pause, and the run ends with every session', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const bar = new DocumentsBar(page);
  await bar.goto();
  await bar.newFromExample('Click sessions per user');
  const results = new ResultsPage(page);
  // The same run without the timeline, for its result count.
  await results.runToEnd();
  const expected = await results.results();
  expect(expected).toBeGreaterThan(1000);
  await results.stopButton.click();

  await results.tab('Timeline').click();
  await page.getByRole('combobox', { name: 'Checkpoint' }).selectOption({ label: 'every 1 s' });
  await results.run('100');
  await expect(page.getByTestId('checkpoint-note')).toHaveText(/^Checkpoint \d\d:\d\d:\d\d$/, { timeout: 20_000 });
  await results.pauseButton.click();
  await expect(results.status).toHaveAttribute('data-phase', 'paused');
  await results.speed.selectOption('max');
  await results.runButton.click();
  await expect(results.status).toHaveAttribute('data-phase', 'finished', { timeout: 30_000 });
  await expect(results.status).not.toContainText('Failed');
  expect(await results.results()).toBe(expected);
});
