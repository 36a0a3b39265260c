/**
 * The browser's figure for streamed files: a big CSV (ts,key,value, 1,000
 * keys; 1 GB by default, `--mb N` for another size) chosen on a file
 * source node (the app stores it in IndexedDB), then a keyed tumbling 1 s
 * count/sum/avg/min/max run at Max speed to the end. Prints rows per
 * second, the page's long tasks (over 50 ms), the peak JS heap of the page
 * and of the worker (performance.memory, sampled each second) and the run's
 * total time. A script, not a test: `npm run bench:browserfile` builds the
 * app first. The CSV is generated once (untimed) under node_modules/.cache.
 */
import { chromium, type Page, type Worker } from '@playwright/test';
import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPreview, stopPreview } from './previewServer';
import { OBSERVE_LONG_TASKS } from './pageProbes';
import { generateBenchCsv, storeBenchFile } from './browserFile';
import { RunControls } from '../pages/RunControls';

const PORT = Number(process.env.BENCH_PORT ?? 4521);
const BASE = `http://localhost:${PORT}`;
const mbArg = process.argv.indexOf('--mb');
const MB = mbArg >= 0 ? Number(process.argv[mbArg + 1]) : 1024;
type Heap = { usedJSHeapSize: number } | undefined;
const readHeap = (): number | null => (performance as unknown as { memory?: Heap }).memory?.usedJSHeapSize ?? null;
/** performance.memory where Chromium has it (the page; a worker may not): null when it cannot be read. */
const heapOf = async (at: Page | Worker): Promise<number | null> =>
  ('goto' in at ? at.evaluate(readHeap) : at.evaluate(readHeap)).catch(() => null);

async function main(): Promise<void> {
  const path = await generateBenchCsv(MB);
  const size = statSync(path).size;
  console.log(`file: ${path} (${(size / 2 ** 20).toFixed(0)} MB)`);
  const server = await startPreview(PORT);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(OBSERVE_LONG_TASKS);
    const page = await context.newPage();
    const workers: Worker[] = [];
    page.on('worker', (w) => workers.push(w));
    await page.goto(BASE);
    await storeBenchFile(page, path);
    const run = new RunControls(page);
    await run.setSpeed('max');
    await page.evaluate(() => { (window as unknown as { benchLongTasks: unknown[] }).benchLongTasks = []; });
    const startedOnPage = await page.evaluate(() => performance.now());
    const started = Date.now();
    await run.runButton.click();
    let pageHeap = 0;
    let workerHeap: number | null = null;
    for (;;) {
      const phase = await run.status.getAttribute('data-phase');
      pageHeap = Math.max(pageHeap, (await heapOf(page)) ?? 0);
      for (const w of workers) {
        const h = await heapOf(w);
        if (h !== null) workerHeap = Math.max(workerHeap ?? 0, h);
      }
      if (phase === 'finished' || phase === 'failed') break;
      await sleep(1000);
    }
    const seconds = (Date.now() - started) / 1000;
    const events = await run.events();
    const longTasks = await page.evaluate(() => (window as unknown as { benchLongTasks: { start: number; duration: number }[] }).benchLongTasks);
    const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
    console.log(`phase: ${await run.status.getAttribute('data-phase')}`);
    console.log(`rows: ${events.toLocaleString('en-US')} in ${seconds.toFixed(1)} s: ${Math.round(events / seconds).toLocaleString('en-US')} rows/s`);
    console.log(`long tasks over 50 ms: ${longTasks.length}${longTasks.length > 0 ? `, longest ${Math.max(...longTasks.map((t) => t.duration)).toFixed(0)} ms` : ''}`);
    // When each happened tells the run's start and end (commands, mounts) from its middle (answers, refreshes, GC).
    if (longTasks.length > 0) console.log(`  at (s after Run: ms): ${longTasks.map((t) => `${((t.start - startedOnPage) / 1000).toFixed(1)}: ${t.duration.toFixed(0)}`).join(', ')}`);
    console.log(`peak JS heap: page ${mb(pageHeap)}, worker ${workerHeap === null ? 'not readable' : mb(workerHeap)}`);
  } finally {
    await browser.close();
    stopPreview(server);
  }
}

await main();
