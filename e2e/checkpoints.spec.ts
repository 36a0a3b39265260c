import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { ResultsPage } from './pages/ResultsPage';

/**
 * Durable runs in the app: a run whose page closes in the middle resumes
 * from its last checkpoint after the page is opened again, and ends with
 * exactly the results of a run that never stopped; a checkpoint that cannot
 * be read is said, and the app goes on.
 */

const SHOTS = process.env.WINDOWPANE_SHOTS ?? '/tmp/i7-appckpt';
/** Sensors (seeded, 30,000 events) per device per minute into the collect sink `results`. */
const EXAMPLE = 'Sensor averages per device per minute';
const SINK = 'results';

/** Every row the results table holds, by its download (header first, then the rows as the table has them). */
async function tableRows(page: Page): Promise<string[]> {
  const results = new ResultsPage(page);
  const tab = results.tab(SINK);
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const table = results.table(SINK);
  const [download] = await Promise.all([page.waitForEvent('download'), table.getByRole('button', { name: 'Download CSV' }).click()]);
  return (await readFile(await download.path(), 'utf8')).trimEnd().split('\r\n');
}

async function openExample(page: Page): Promise<DocumentsBar> {
  const bar = new DocumentsBar(page);
  await bar.goto();
  await bar.newFromExample(EXAMPLE);
  await bar.waitUntilSaved();
  return bar;
}

const resumeButton = (page: Page) => page.getByRole('toolbar', { name: 'Run' }).getByRole('button', { name: /^Resume from \d\d:\d\d:\d\d \([\d.]+ [kM]? ?events\)$/ });

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('a run whose page closed mid-way resumes from its checkpoint to exactly the results of an uninterrupted run', async ({ browser }) => {
  test.setTimeout(120_000);
  // The uninterrupted run, in a browser profile of its own.
  const straightContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const straightPage = await straightContext.newPage();
  await openExample(straightPage);
  await new ResultsPage(straightPage).runToEnd();
  const straight = await tableRows(straightPage);
  await straightContext.close();
  // 5 devices over 11 minutes, and the header.
  expect(straight.length).toBeGreaterThan(50);

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  let page = await context.newPage();
  await openExample(page);
  const results = new ResultsPage(page);
  await page.getByRole('combobox', { name: 'Checkpoint' }).selectOption({ label: 'every 1 s' });
  await results.run('100');
  // Past a checkpoint, and well before the end (30,000 events at 5,000 a second).
  const note = page.getByTestId('checkpoint-note');
  await expect(note).toHaveText(/^Checkpoint \d\d:\d\d:\d\d$/, { timeout: 20_000 });
  await expect(results.status).toHaveAttribute('data-phase', 'running');
  await page.close();

  page = await context.newPage();
  const bar = new DocumentsBar(page);
  await bar.goto();
  await expect(bar.name).toHaveValue(EXAMPLE);
  const resume = resumeButton(page);
  await expect(resume).toBeVisible();
  const label = (await resume.innerText()).trim();
  const events = /\(([\d.]+) (k|M)? ?events\)/.exec(label)!;
  const resumedAt = Number(events[1]) * (events[2] === 'k' ? 1e3 : events[2] === 'M' ? 1e6 : 1);
  expect(resumedAt).toBeGreaterThan(0);
  expect(resumedAt).toBeLessThan(30_000);
  await page.screenshot({ path: `${SHOTS}/resume-button.png` });

  const again = new ResultsPage(page);
  await again.speed.selectOption('max');
  await resume.click();
  await expect(again.status).toHaveAttribute('data-phase', 'finished', { timeout: 60_000 });
  const resumed = await tableRows(page);
  await page.screenshot({ path: `${SHOTS}/resumed-table.png` });
  // Every row, none missing and none twice (results of one firing may come in another order).
  expect(resumed[0]).toBe(straight[0]);
  expect(resumed.slice(1).sort()).toEqual(straight.slice(1).sort());
  // A finished run leaves nothing to resume.
  await expect(resume).toHaveCount(0);
  await context.close();
});

/** Overwrites every stored checkpoint with `value` (as storage gone bad would). */
async function spoilCheckpoints(page: Page, value: unknown): Promise<number> {
  return page.evaluate(async (garbage) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('windowpane-checkpoints');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('cannot open the database'));
    });
    const store = db.transaction('checkpoints', 'readwrite').objectStore('checkpoints');
    const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
      const request = store.getAllKeys();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('cannot list'));
    });
    await Promise.all(keys.map((key) => new Promise<void>((resolve, reject) => {
      const request = store.put(garbage, key);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('cannot write'));
    })));
    db.close();
    return keys.length;
  }, value);
}

test('a damaged checkpoint is said with its reason, and the app goes on: kept, or a fresh start when the user agrees', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openExample(page);
  const results = new ResultsPage(page);
  await results.run('10');
  await results.pauseButton.click();
  await expect(results.status).toHaveAttribute('data-phase', 'paused');
  await results.stopButton.click();
  await expect(results.status).toHaveAttribute('data-phase', 'idle');
  // Pause and Stop took checkpoints: Resume is offered.
  await expect(resumeButton(page)).toBeVisible();
  expect(await spoilCheckpoints(page, { format: 1, takenAt: 1_700_000_000_000, events: 'many', runtime: 'garbage' })).toBeGreaterThan(0);

  await page.reload();
  const dialog = page.getByRole('alertdialog', { name: 'The checkpoint cannot be resumed' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/The checkpoint is damaged and cannot be read \(at documentVersion: /);
  await page.screenshot({ path: `${SHOTS}/corrupt-checkpoint.png` });
  await dialog.getByRole('button', { name: 'Keep the checkpoint' }).click();
  await expect(dialog).toBeHidden();
  await expect(resumeButton(page)).toHaveCount(0);
  const warning = page.getByRole('button', { name: 'Checkpoint unusable' });
  await expect(warning).toBeVisible();

  // Kept: nothing deleted, and the app still runs the pipeline.
  await page.reload();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Start from the beginning' }).click();
  await expect(results.status).toHaveAttribute('data-phase', 'running');
  await expect.poll(async () => results.rowsOut('sensors')).toBeGreaterThan(0);
  await results.stopButton.click();
  await expect(results.status).toHaveAttribute('data-phase', 'idle');
  // The fresh run's Stop took a good checkpoint again.
  await expect(resumeButton(page)).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
