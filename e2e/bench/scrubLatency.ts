/**
 * Time travel's scrub latency: a 10-million-event run (sensors at Max speed
 * into a 1 s tumbling window per device, a chart and a table), paused, then
 * the scrubber dragged to random positions. Each figure is from the input
 * event on the scrubber to the run status showing the events of that
 * position (the badges' totals come in the same frame). A script, not a
 * test: `npm run bench:scrub` builds the app first; this serves dist/ with
 * `vite preview`, drives Debian's Chromium and prints p50 and p95.
 */
import { chromium } from '@playwright/test';
import { startPreview, stopPreview } from './previewServer';
import { DocumentsBar } from '../pages/DocumentsBar';

const PORT = Number(process.env.BENCH_PORT ?? 4519);
const BASE = `http://localhost:${PORT}`;
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const SCRUBS = Number(process.env.BENCH_SCRUBS ?? 60);

const node = (id: string, kind: string, x: number, params: object) => ({ id, kind, position: { x, y: kind === 'sink.table' ? 140 : 0 }, params });

/** One source, so every position is one the run can stop at (time travel replays to the exact event). */
const PIPELINE = JSON.stringify({
  format: 'windowpane.pipeline', version: 1, name: 'Scrub benchmark',
  nodes: [
    node('src', 'source.sample', 0, { stream: 'sensors', rate: 100_000, keys: 100, seed: 1, maxOutOfOrderness: '0ms' }),
    node('key', 'transform.keyBy', 224, { fields: ['device'] }),
    node('win', 'window.tumbling', 448, { size: '1s' }),
    node('agg', 'aggregate', 672, { aggregations: [{ name: 'readings', fn: 'count' }, { name: 'avg_t', fn: 'avg', field: 'temperature' }] }),
    node('chart', 'sink.chart', 896, { y: 'avg_t', topKeys: 5, timeRange: '1m' }),
    node('table', 'sink.table', 896, { maxRows: 10_000 }),
  ],
  edges: [
    { id: 'e1', from: 'src', to: 'key' }, { id: 'e2', from: 'key', to: 'win' }, { id: 'e3', from: 'win', to: 'agg' },
    { id: 'e4', from: 'agg', to: 'chart' }, { id: 'e5', from: 'agg', to: 'table' },
  ],
});

/** In the page: sets the scrubber as a drag leaves it and resolves with the ms until the status shows `position` events. */
const SCRUB = `async (position) => {
  const status = document.querySelector('[data-testid="run-status"]');
  const input = document.querySelector('input[aria-label="Run position"]');
  const shown = () => status.getAttribute('data-events') === String(position);
  const started = performance.now();
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, String(position));
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => {
    if (shown()) return resolve();
    const observer = new MutationObserver(() => {
      if (shown()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(status, { attributes: true, attributeFilter: ['data-events'] });
  });
  return performance.now() - started;
}`;

/** A seeded generator (mulberry32), so every run of the script scrubs the same positions. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

async function main(): Promise<void> {
  const server = await startPreview(PORT);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(BASE);
    await page.locator('.react-flow__pane').waitFor();
    await new DocumentsBar(page).pasteJson(PIPELINE);
    await page.locator('.react-flow__node[data-id="table"]').waitFor();
    const toolbar = page.getByRole('toolbar', { name: 'Run' });
    await toolbar.getByRole('combobox', { name: 'Speed' }).selectOption('max');
    const startedRun = Date.now();
    await toolbar.getByRole('button', { name: 'Run', exact: true }).click();
    const status = page.getByTestId('run-status');
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="run-status"]')?.getAttribute('data-events')) >= n, EVENTS, { timeout: 600_000, polling: 200 });
    await toolbar.getByRole('button', { name: 'Pause', exact: true }).click();
    await status.and(page.locator('[data-phase="paused"]')).waitFor();
    const runSeconds = (Date.now() - startedRun) / 1000;
    const at = page.locator('.wp-travel-at');
    const head = Number(await at.getAttribute('data-head'));
    const earliest = Number(await at.getAttribute('data-earliest'));
    const next = random(14);
    const times: number[] = [];
    for (let i = 0; i < SCRUBS; i++) {
      const position = earliest + Math.floor(next() * (head - earliest));
      times.push(await page.evaluate(`(${SCRUB})(${position})`) as number);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`Scrub latency, ${SCRUBS} random positions in a ${(head / 1e6).toFixed(1)} M event run (reached in ${runSeconds.toFixed(0)} s at Max; can go back to event ${earliest}); sensors (100 devices) -> key by -> tumbling 1 s -> aggregate -> chart + table; Chromium ${browser.version()}`);
    console.log(`  p50 ${percentile(sorted, 0.5).toFixed(0)} ms, p95 ${percentile(sorted, 0.95).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms (from the scrub to the status showing that position's events)`);
  } finally {
    await browser.close();
    stopPreview(server);
  }
}

await main();
