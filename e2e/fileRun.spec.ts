import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { RunControls } from './pages/RunControls';
import { storeGeneratedCsv, storedCsvPipeline } from './storedFiles';

const SHOTS = '/tmp/h6-worker-files';
/** 200,000 rows, one every 10 ms of event time (2,000 s), 50 keys, two malformed lines past the 1 MB head types are inferred from (rows 100,000 and 150,000: lines 100,002 and 150,002). */
const ROWS = 200_000;

test.describe('a run over a stored file', () => {
  test('shows its reading on the node, pauses, travels and ends with its rows and malformed rows', async ({ editor, page, consoleErrors }) => {
    // Generating and hashing 4 MB in the page, and a run at 100x long enough to watch: more than the default 30 s.
    test.setTimeout(120_000);
    await editor.goto();
    const file = await storeGeneratedCsv(page, { rows: ROWS, keys: 50, stepMs: 10, bad: [100_000, 150_000], name: 'events.csv' });
    expect(file.size).toBeGreaterThan(4_000_000);
    await new DocumentsBar(page).pasteJson(storedCsvPipeline(file, 'events.csv'));
    const run = new RunControls(page);
    const node = page.locator('.react-flow__node[data-id="events"]');
    const bar = node.getByRole('progressbar', { name: 'Reading events' });

    await expect(node).toBeVisible();
    await run.setSpeed('100');
    await run.run();
    await expect(bar).toBeVisible();
    const value = async () => Number(await bar.getAttribute('aria-valuenow'));
    const first = await value();
    await expect.poll(value).toBeGreaterThan(first);
    await expect(node.getByText(/rows\/s/)).toBeVisible();
    mkdirSync(SHOTS, { recursive: true });
    await node.screenshot({ path: `${SHOTS}/progress-mid.png` });
    // The first malformed line is told while the run goes on.

    await run.pause();
    await expect.poll(() => run.events()).toBeGreaterThan(0);
    const pausedAt = await value();
    const events = await run.events();
    expect(pausedAt).toBeLessThan(100);
    // Paused: the bar holds still while the run stands (its figures are asked for once more after the pause).
    await run.expectPhase('Paused');
    await expect.poll(value).toBe(pausedAt);

    // The paused run's last frame is in (its results with it) once the scrubber stands at its head.
    await expect(page.locator('.wp-travel-at')).toHaveAttribute('data-head', String(events));
    await expect(page.locator('.wp-travel-at')).toHaveAttribute('data-position', String(events));
    // Back to half way and forward again: the results of then, then the same results as before.
    // The table draws its rows on a later frame than the status: read them once they hold still.
    const tableRows = () => page.getByTestId('live-table').first().getAttribute('data-rows');
    let last: string | null = null;
    await expect.poll(async () => {
      const now = await tableRows();
      const still = now === last;
      last = now;
      return still;
    }, { intervals: [300] }).toBe(true);
    const rowsNow = await tableRows();
    const scrubber = page.getByRole('slider', { name: 'Run position' });
    const scrubTo = (position: number) => scrubber.evaluate((input, v) => {
      const el = input as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, String(v));
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, position);
    await scrubTo(Math.floor(events / 2));
    await expect.poll(() => run.events()).toBeLessThanOrEqual(Math.floor(events / 2));
    await scrubTo(events);
    await expect.poll(() => run.events()).toBe(events);
    await expect.poll(tableRows).toBe(rowsNow);

    await run.setSpeed('max');
    await run.run();
    await run.expectPhase('Finished');
    // The two malformed lines were told as they were met: the status counts them as notes.
    await expect(page.getByText('2 notes')).toBeVisible();
    await expect(node.getByText(`${(ROWS - 2).toLocaleString('en-US')} rows · 2 malformed`)).toBeVisible();
    await expect(bar).toHaveAttribute('aria-valuenow', '100');
    expect(await run.events()).toBe(ROWS - 2);
    expect(await run.results()).toBeGreaterThan(0);
    await node.screenshot({ path: `${SHOTS}/progress-done.png` });
    await page.screenshot({ path: `${SHOTS}/run-done.png` });
    expect(consoleErrors).toEqual([]);
  });

  test('a file this browser does not have is a problem on its node, not a crash', async ({ editor, page }) => {
    await editor.goto();
    const missing = { hash: `sha256:${'0'.repeat(64)}`, size: 10 };
    await new DocumentsBar(page).pasteJson(storedCsvPipeline(missing, 'gone.csv'));
    await expect(page.locator('.react-flow__node[data-id="events"]')).toBeVisible();
    const run = new RunControls(page);
    await run.runButton.click();
    await expect(page.getByText(/gone\.csv is not in this browser: choose it on the node/).first()).toBeVisible();
  });
});
