import { readFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { ResultsPage } from './pages/ResultsPage';
import { RunControls } from './pages/RunControls';
import { storeGeneratedCsv, storedCsvPipeline } from './storedFiles';

const SHOTS = '/tmp/i5-smooth';
/** 300,000 rows, one every 10 ms (3,000 one-second windows), 50 keys: each key has 2 rows a window, 150,000 results in all. */
const ROWS = 300_000;
const KEYS = 50;
const STEP_MS = 10;
const BASE = 1_700_000_000_000;
const ROW_HEIGHT = 26;
/** useFixedRows' OVERSCAN: rows rendered beyond the visible ones, on each side. */
const OVERSCAN = 4;

/** The keyed tumbling 1 s window of `key` starting at `start` (epoch ms), worked out from how storeGeneratedCsv writes rows. */
function expected(start: number, key: string): { n: number; total: number; low: number; high: number } {
  const j = Number(key.slice(1));
  const values: number[] = [];
  for (let i = (start - BASE) / STEP_MS; i < (start + 1000 - BASE) / STEP_MS; i++) if (i % KEYS === j) values.push((i * 31) % 97);
  return { n: values.length, total: values.reduce((a, b) => a + b, 0), low: Math.min(...values), high: Math.max(...values) };
}

test.describe('the results table of a big run', () => {
  test('rewrites the rows in view instead of replacing them, renders few beyond them, and ends with every result it holds, right, in the download', async ({ editor, page, consoleErrors }) => {
    // Generating and storing 6 MB in the page and a run at 100x long enough to watch two refreshes.
    test.setTimeout(180_000);
    await editor.goto();
    const file = await storeGeneratedCsv(page, { rows: ROWS, keys: KEYS, stepMs: STEP_MS, bad: [], name: 'big.csv' });
    await new DocumentsBar(page).pasteJson(storedCsvPipeline(file, 'big.csv'));
    const run = new RunControls(page);
    const results = new ResultsPage(page);
    await run.setSpeed('100');
    await run.run();
    const table = results.table('results');
    const scroller = table.getByRole('table');
    const body = table.locator('.wp-table-body');
    const rows = body.getByRole('row');
    await expect(rows.first()).toBeVisible();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/big-table-running.png` });

    // The first row in view, marked; once a refresh has put newer results in it, it is still the same element.
    const firstText = await rows.first().innerText();
    await rows.first().evaluate((row) => ((row as HTMLElement).dataset.marked = 'yes'));
    await expect.poll(() => rows.first().innerText()).not.toBe(firstText);
    await expect(rows.first()).toHaveAttribute('data-marked', 'yes');
    await expect(body.locator('[data-marked]')).toHaveCount(1);

    // Only the rows in view and a few below them (the table is scrolled to its top) are in the DOM.
    const visible = await scroller.evaluate((el, h) => Math.ceil(el.clientHeight / h), ROW_HEIGHT);
    expect(await rows.count()).toBeLessThanOrEqual(visible + OVERSCAN);

    await run.setSpeed('max');
    await run.expectPhase('Finished');
    expect(await run.events()).toBe(ROWS);
    expect(await run.results()).toBe(ROWS / 2);
    await page.screenshot({ path: `${SHOTS}/big-table-finished.png` });

    // The table holds the newest results its sink keeps, and says so.
    const count = await table.locator('.wp-live-table-count').innerText();
    const kept = Number(/the newest ([\d,]+) kept/.exec(count)![1]!.replaceAll(',', ''));
    expect(kept).toBeLessThan(ROWS / 2);
    await expect(table).toHaveAttribute('data-rows', String(kept));

    // The download has every row the table holds, oldest first, each the right aggregate of its window.
    const [download] = await Promise.all([page.waitForEvent('download'), table.getByRole('button', { name: 'Download CSV' }).click()]);
    const lines = (await readFile(await download.path(), 'utf8')).trimEnd().split('\r\n');
    const header = lines[0]!.split(',');
    const at = (name: string) => header.indexOf(name);
    expect(lines.length - 1).toBe(kept);
    const seen = new Set<string>();
    const wrong: string[] = [];
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      const start = Number(cells[at('window_start')]);
      const key = cells[at('key')]!;
      const want = expected(start, key);
      const got = { n: Number(cells[at('n')]), total: Number(cells[at('total')]), low: Number(cells[at('low')]), high: Number(cells[at('high')]) };
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${line}: want ${JSON.stringify(want)}`);
      seen.add(`${start}|${key}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // No window twice, and they are the newest: the last kept / KEYS windows, each with every key.
    expect(seen.size).toBe(kept);
    const last = BASE + (ROWS * STEP_MS) - 1000;
    const missing: string[] = [];
    for (let w = 0; w < kept / KEYS; w++) for (let k = 0; k < KEYS; k++) if (!seen.has(`${last - w * 1000}|k${k}`)) missing.push(`${last - w * 1000}|k${k}`);
    expect(missing.slice(0, 5)).toEqual([]);

    // The rows in view are the newest of them, newest first, as the download's last lines.
    const newest = lines.slice(1).reverse().slice(0, 5).map((line) => line.split(',')[at('key')]);
    await expect.poll(() => rows.evaluateAll((els, i) => els.slice(0, 5).map((row) => row.querySelectorAll('[role=cell]')[i]?.textContent), at('key'))).toEqual(newest);
    expect(consoleErrors).toEqual([]);
  });
});
