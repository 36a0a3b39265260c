/**
 * Main-thread long tasks and frame rate while the fastest pipeline runs flat
 * out in the worker: a sample source at Max speed into a tumbling window and
 * aggregate, feeding a chart and a table. A script, not a test (it never
 * fails on a slow figure): `npm run bench:live` builds the app first; this
 * serves dist/ with `vite preview`, drives Debian's Chromium and prints the
 * figures.
 *
 * Long tasks come from a PerformanceObserver ('longtask': main-thread tasks
 * over 50 ms) registered before the page loads; frames are counted with
 * requestAnimationFrame, so a main thread busy with results shows up as
 * fewer frames.
 */
import { chromium, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { startPreview, stopPreview } from './previewServer';
import { setTimeout as sleep } from 'node:timers/promises';
import { COUNT_FRAMES, OBSERVE_LONG_TASKS } from './pageProbes';
import { DocumentsBar } from '../pages/DocumentsBar';

const PORT = Number(process.env.BENCH_PORT ?? 4518);
const BASE = `http://localhost:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** `max`, or a paced speed (`1`, `10`...) to compare with. */
const SPEED = process.env.BENCH_SPEED ?? 'max';

const node = (id: string, kind: string, x: number, params: object) => ({ id, kind, position: { x, y: kind === 'sink.table' ? 140 : 0 }, params });

/**
 * Sensors at 100,000 events per second of event time over 100 devices, in
 * order (shuffling within a bound costs the generator about ten times more),
 * 1 s windows, a chart and a table.
 */
const PIPELINE = JSON.stringify({
  format: 'windowpane.pipeline', version: 1, name: 'Live benchmark',
  nodes: [
    node('src', 'source.sample', 0, { stream: 'sensors', rate: 100_000, keys: 100, seed: 1, maxOutOfOrderness: '0ms' }),
    node('key', 'transform.keyBy', 224, { fields: ['device'] }),
    node('win', 'window.tumbling', 448, { size: '1s' }),
    node('agg', 'aggregate', 672, { aggregations: [{ name: 'readings', fn: 'count' }, { name: 'avg_t', fn: 'avg', field: 'temperature' }, { name: 'max_t', fn: 'max', field: 'temperature' }] }),
    // BENCH_SINKS=collect measures the worker and the transfer without the views.
    ...(process.env.BENCH_SINKS === 'collect'
      ? [node('chart', 'sink.collect', 896, {}), node('table', 'sink.collect', 896, {})]
      : [node('chart', 'sink.chart', 896, { y: 'avg_t', topKeys: 5, timeRange: '1m' }), node('table', 'sink.table', 896, { maxRows: 100_000 })]),
  ],
  edges: [
    { id: 'e1', from: 'src', to: 'key' }, { id: 'e2', from: 'key', to: 'win' }, { id: 'e3', from: 'win', to: 'agg' },
    { id: 'e4', from: 'agg', to: 'chart' }, { id: 'e5', from: 'agg', to: 'table' },
  ],
});


interface Figures {
  readonly fps: number;
  readonly p95FrameMs: number;
  readonly longestFrameMs: number;
  readonly longTasks: number;
  readonly longestTaskMs: number;
  readonly events: number;
  readonly results: number;
  /** Renderer memory in MB at each tenth of the run. */
  readonly memoryMb: readonly number[];
}

/**
 * Resident memory of the largest Chromium renderer process, in MB: the page's,
 * which also hosts its Web Worker (engine state, queues, result buffers).
 */
function rendererRssMb(): number {
  const lines = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8' }).split('\n');
  const renderers = lines.filter((line) => line.includes('--type=renderer')).map((line) => Number.parseInt(line.trim(), 10) / 1024);
  return Math.max(0, ...renderers);
}

async function measure(page: Page, seconds: number): Promise<Figures> {
  const status = page.getByTestId('run-status');
  const started = await page.evaluate(() => performance.now());
  await page.evaluate(COUNT_FRAMES);
  // Memory is sampled ten times over the run: bounded means the last samples stop growing.
  const memory: number[] = [];
  for (let i = 0; i < 10; i++) {
    await sleep(seconds * 100);
    memory.push(rendererRssMb());
  }
  const { frames, tasks } = await page.evaluate(() => {
    const w = window as unknown as { benchFrames: number[]; benchStop: boolean; benchLongTasks: { start: number; duration: number }[] };
    w.benchStop = true;
    return { frames: w.benchFrames, tasks: w.benchLongTasks };
  });
  const during = tasks.filter((t) => t.start >= started);
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!).sort((a, b) => a - b);
  return {
    fps: gaps.length / ((frames.at(-1)! - frames[0]!) / 1000),
    p95FrameMs: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
    longestFrameMs: gaps.at(-1) ?? 0,
    longTasks: during.length,
    longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
    events: Number(await status.getAttribute('data-events')),
    results: Number(await status.getAttribute('data-results')),
    memoryMb: memory,
  };
}

async function main(): Promise<void> {
  const server = await startPreview(PORT);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(OBSERVE_LONG_TASKS);
    const page = await context.newPage();
    await page.goto(BASE);
    await page.locator('.react-flow__pane').waitFor();
    await new DocumentsBar(page).pasteJson(PIPELINE);
    await page.locator('.react-flow__node[data-id="table"]').waitFor();
    await sleep(500);

    // The same page before the run: what the (shared, loaded) machine costs by itself.
    // A baseline of at most 10 s is enough to see what the machine costs by itself.
    const idle = await measure(page, Math.min(SECONDS, 10));
    const toolbar = page.getByRole('toolbar', { name: 'Run' });
    await toolbar.getByRole('combobox', { name: 'Speed' }).selectOption(SPEED);
    await toolbar.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByTestId('run-status').and(page.locator('[data-phase="running"]')).waitFor();
    const running = await measure(page, SECONDS);
    await toolbar.getByRole('button', { name: 'Pause', exact: true }).click();

    console.log(`Live run at ${SPEED === 'max' ? 'Max' : `${SPEED}x`} for ${SECONDS} s: sensors (100 devices) -> key by -> tumbling 1 s -> aggregate -> chart + table; Chromium ${browser.version()}, software rendering`);
    console.log(`  idle page first: ${idle.longTasks} long tasks (longest ${idle.longestTaskMs.toFixed(0)} ms), ${idle.fps.toFixed(1)} fps`);
    console.log(`  events          ${(running.events / 1e6).toFixed(1)} M (${(running.events / SECONDS / 1e6).toFixed(2)} M events/s in the worker)`);
    console.log(`  results         ${running.results.toLocaleString('en-US')} rows to the chart and the table`);
    console.log(`  long tasks      ${running.longTasks} over 50 ms, longest ${running.longestTaskMs.toFixed(0)} ms`);
    console.log(`  renderer memory ${running.memoryMb.map((mb) => mb.toFixed(0)).join(' -> ')} MB (every ${SECONDS / 10} s)`);
    console.log(`  frames          ${running.fps.toFixed(1)} fps, p95 frame ${running.p95FrameMs.toFixed(1)} ms, longest ${running.longestFrameMs.toFixed(1)} ms`);
  } finally {
    await browser.close();
    stopPreview(server);
  }
}

await main();
