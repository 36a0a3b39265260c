/**
 * Frame rate and main-thread long tasks while the Timeline tab draws a
 * pipeline running flat out (Max speed) with 10,000 marks on screen. A
 * script, not a test: `npm run bench:timeline` builds the app first; this
 * serves dist/ with `vite preview`, drives Debian's Chromium and prints the
 * figures (README, "Reading the timeline").
 *
 * Long tasks come from a PerformanceObserver ('longtask': main-thread tasks
 * over 50 ms) registered before the page loads; page frames are counted with
 * requestAnimationFrame; timeline redraws with the canvas's `data-drawn`.
 */
import { chromium, type Page } from '@playwright/test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPreview, stopPreview } from './previewServer';
import { COUNT_FRAMES, OBSERVE_LONG_TASKS } from './pageProbes';
import { DocumentsBar } from '../pages/DocumentsBar';

const PORT = Number(process.env.BENCH_PORT ?? 4519);
const BASE = `http://localhost:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const node = (id: string, kind: string, x: number, params: object) => ({ id, kind, position: { x, y: 0 }, params });

/** Payments over 200 cards, one in twenty late, ten-second windows with 2 s of allowed lateness. */
const PIPELINE = JSON.stringify({
  format: 'windowpane.pipeline', version: 1, name: 'Timeline benchmark',
  nodes: [
    node('src', 'source.sample', 0, { stream: 'payments', rate: 20_000, keys: 200, seed: 7, maxOutOfOrderness: '5s', lateFraction: 0.05 }),
    node('key', 'transform.keyBy', 224, { fields: ['card'] }),
    node('win', 'window.tumbling', 448, { size: '10s', allowedLateness: '2s' }),
    node('agg', 'aggregate', 672, { aggregations: [{ name: 'payments', fn: 'count' }, { name: 'total', fn: 'sum', field: 'amount' }] }),
    node('out', 'sink.collect', 896, {}),
  ],
  edges: [{ id: 'e1', from: 'src', to: 'key' }, { id: 'e2', from: 'key', to: 'win' }, { id: 'e3', from: 'win', to: 'agg' }, { id: 'e4', from: 'agg', to: 'out' }],
});


interface Figures {
  readonly fps: number;
  readonly p95FrameMs: number;
  readonly longestFrameMs: number;
  readonly longTasks: number;
  readonly longestTaskMs: number;
  readonly redrawsPerSecond: number;
  readonly marks: readonly number[];
  readonly events: number;
}

async function measure(page: Page, seconds: number, open: boolean): Promise<Figures> {
  const canvas = page.getByTestId('timeline-canvas');
  const legend = page.getByTestId('timeline-legend');
  // Without the timeline open there is no canvas to ask.
  const drawn = async () => (open ? Number((await canvas.getAttribute('data-drawn')) ?? 0) : 0);
  const started = await page.evaluate(() => performance.now());
  const drawnBefore = await drawn();
  await page.evaluate(COUNT_FRAMES);
  // Marks on screen, sampled ten times over the run.
  const marks: number[] = [];
  for (let i = 0; i < 10; i++) {
    await sleep(seconds * 100);
    marks.push(open ? Number((await legend.getAttribute('data-marks')) ?? 0) : 0);
  }
  const { frames, tasks, now } = await page.evaluate(() => {
    const w = window as unknown as { benchFrames: number[]; benchStop: boolean; benchLongTasks: { start: number; duration: number }[] };
    w.benchStop = true;
    return { frames: w.benchFrames, tasks: w.benchLongTasks, now: performance.now() };
  });
  const redraws = (await drawn()) - drawnBefore;
  const during = tasks.filter((t) => t.start >= started);
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!).sort((a, b) => a - b);
  return {
    fps: gaps.length / ((frames.at(-1)! - frames[0]!) / 1000),
    p95FrameMs: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
    longestFrameMs: gaps.at(-1) ?? 0,
    longTasks: during.length,
    longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
    redrawsPerSecond: redraws / ((now - started) / 1000),
    marks,
    events: Number(await page.getByTestId('run-status').getAttribute('data-events')),
  };
}

function print(title: string, f: Figures): void {
  console.log(`  ${title}`);
  console.log(`    frames      ${f.fps.toFixed(1)} fps, p95 frame ${f.p95FrameMs.toFixed(1)} ms, longest ${f.longestFrameMs.toFixed(1)} ms`);
  console.log(`    long tasks  ${f.longTasks} over 50 ms, longest ${f.longestTaskMs.toFixed(0)} ms`);
  console.log(`    timeline    ${f.redrawsPerSecond.toFixed(1)} redraws/s, marks on screen ${f.marks.join(' ')}`);
  console.log(`    events      ${(f.events / 1e6).toFixed(2)} M`);
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
    await page.locator('.react-flow__node[data-id="out"]').waitFor();

    const dock = page.getByRole('tablist', { name: 'Results dock' });
    const toolbar = page.getByRole('toolbar', { name: 'Run' });
    await toolbar.getByRole('combobox', { name: 'Speed' }).selectOption('max');
    await toolbar.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByTestId('run-status').and(page.locator('[data-phase="running"]')).waitFor();
    // The same run with the timeline closed first: what the machine and the run cost without it.
    const closed = await measure(page, SECONDS, false);
    await dock.getByRole('tab', { name: 'Timeline', exact: true }).click();
    await page.getByTestId('timeline-canvas').waitFor();
    const latest = await measure(page, SECONDS, true);
    // The whole run: the worker samples it to 10,000 marks.
    await page.getByRole('combobox', { name: 'Show' }).selectOption('all');
    const whole = await measure(page, SECONDS, true);
    await toolbar.getByRole('button', { name: 'Pause', exact: true }).click();

    console.log(`Timeline open during a run at Max for 3 x ${SECONDS} s: payments (200 cards, 5% late) -> key by -> tumbling 10 s (2 s lateness) -> aggregate -> collect; Chromium ${browser.version()}, software rendering, 1440x900`);
    print('timeline closed (the results tab)', closed);
    print('timeline open: latest events (the default)', latest);
    print('the whole run (10,000 marks, sampled)', whole);
  } finally {
    await browser.close();
    stopPreview(server);
  }
}

await main();
