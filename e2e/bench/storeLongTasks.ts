/**
 * Long tasks on the page while a big data file is stored: a generated CSV
 * (200 MB unless WINDOWPANE_STORE_MB says otherwise) is dropped on the
 * canvas as a user would, and every long task between the drop and the new
 * file source node is counted. Hashing, the head sniff and the IndexedDB
 * put run in the file store's own worker, so the target is none over 50 ms.
 * Needs a build (dist/); serves it with vite preview.
 */
import { chromium } from '@playwright/test';
import { OBSERVE_LONG_TASKS } from './pageProbes';
import { startPreview, stopPreview } from './previewServer';

const PORT = Number(process.env['WINDOWPANE_BENCH_PORT'] ?? 5930);
const MEGABYTES = Number(process.env['WINDOWPANE_STORE_MB'] ?? 200);

interface LongTask {
  readonly start: number;
  readonly duration: number;
}

async function main(): Promise<void> {
  const server = await startPreview(PORT);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--js-flags=--expose-gc'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(OBSERVE_LONG_TASKS);
    await page.goto(`http://localhost:${PORT}/`);
    await page.locator('.react-flow__pane').waitFor();
    // Generating the file is not what is measured: its long tasks end before the drop.
    const size = await page.evaluate((megabytes) => {
      const parts: string[] = ['ts,key,value\n'];
      let bytes = 0;
      for (let i = 0; bytes < megabytes * 1e6; ) {
        const lines: string[] = [];
        for (let j = 0; j < 10_000; j++, i++) lines.push(`${1_700_000_000_000 + i * 10},k${i % 1000},${(i * 31) % 997}`);
        const chunk = lines.join('\n') + '\n';
        bytes += chunk.length;
        parts.push(chunk);
      }
      const file = new File(parts, 'big.csv', { type: 'text/csv' });
      (window as unknown as { benchFile: File }).benchFile = file;
      return file.size;
    }, MEGABYTES);
    // The generated strings' garbage is collected now, not in the first task measured.
    await page.evaluate(() => (window as unknown as { gc?: () => void }).gc?.());
    const nodesBefore = await page.locator('.react-flow__node').count();
    const profiling = process.env['WINDOWPANE_STORE_PROFILE'] === '1' ? await page.context().newCDPSession(page) : null;
    if (profiling !== null) {
      await profiling.send('Profiler.enable');
      await profiling.send('Profiler.setSamplingInterval', { interval: 200 });
      await profiling.send('Profiler.start');
    }
    const started = await page.evaluate(() => {
      const w = window as unknown as { benchFile: File; benchLongTasks: LongTask[] };
      const pane = document.querySelector('.react-flow__pane')!;
      const box = pane.getBoundingClientRect();
      const transfer = new DataTransfer();
      transfer.items.add(w.benchFile);
      const at = { clientX: box.left + 300, clientY: box.top + 200 };
      const now = performance.now();
      for (const type of ['dragenter', 'dragover', 'drop']) pane.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true, ...at }));
      return now;
    });
    await page.locator('.react-flow__node').nth(nodesBefore).waitFor({ timeout: 600_000 });
    const ended = await page.evaluate(() => performance.now());
    if (profiling !== null) {
      const { profile } = await profiling.send('Profiler.stop');
      const { mkdir, writeFile } = await import('node:fs/promises');
      await mkdir('.scratch', { recursive: true });
      // WINDOWPANE_STORE_PROFILE=1: the page's main thread while storing, for DevTools.
      await writeFile('.scratch/store.cpuprofile', JSON.stringify(profile));
    }
    // A task that straddles the end has been reported once it ends: one more frame.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
    const tasks = (await page.evaluate(() => (window as unknown as { benchLongTasks: LongTask[] }).benchLongTasks))
      .filter((t) => t.start + t.duration >= started && t.start <= ended);
    const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
    console.log(`stored ${(size / 1e6).toFixed(0)} MB in ${((ended - started) / 1000).toFixed(1)} s: ${tasks.length} long tasks, longest ${Math.round(longest)} ms, total ${Math.round(tasks.reduce((s, t) => s + t.duration, 0))} ms`);
    for (const t of tasks.slice(0, 20)) console.log(`  at ${Math.round(t.start - started)} ms: ${Math.round(t.duration)} ms`);
  } finally {
    await browser.close();
    stopPreview(server);
  }
}

await main();
