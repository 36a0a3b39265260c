/**
 * Frames per second while dragging a node and panning, with 300 nodes on the
 * canvas. A script, not a test (it never fails on a slow figure): run it with
 * `npm run bench:ui`, which builds the app first; this serves dist/ with
 * `vite preview`, drives Debian's Chromium and prints the figures.
 *
 * Frames are counted in the page with requestAnimationFrame, so a main
 * thread busy re-rendering shows up as fewer frames.
 */
import { chromium, type Page } from '@playwright/test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPreview, stopPreview } from './previewServer';
import { COUNT_FRAMES } from './pageProbes';

const PORT = Number(process.env.BENCH_PORT ?? 4517);
const BASE = `http://localhost:${PORT}`;
const NODE_COUNT = 300;
const SECONDS = 3;

/** 60 chains of five nodes (sample → key by → window → aggregate → collect), three chains a row. */
function bigPipeline(): string {
  const nodes: object[] = [];
  const edges: object[] = [];
  const chain = [
    { kind: 'source.sample', params: { stream: 'sensors', rate: 100, keys: 5, limit: 1000 } },
    { kind: 'transform.keyBy', params: { fields: ['device'] } },
    { kind: 'window.tumbling', params: { size: '1m', allowedLateness: '10s' } },
    { kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 'avg_t', fn: 'avg', field: 'temperature' }] } },
    { kind: 'sink.collect', params: {} },
  ];
  for (let c = 0; c < NODE_COUNT / chain.length; c++) {
    const row = Math.floor(c / 3);
    const column = (c % 3) * chain.length;
    chain.forEach((step, i) => {
      nodes.push({ id: `n${c}_${i}`, kind: step.kind, position: { x: (column + i) * 224, y: row * 112 }, params: step.params });
      if (i > 0) edges.push({ id: `e${c}_${i}`, from: `n${c}_${i - 1}`, to: `n${c}_${i}` });
    });
  }
  return JSON.stringify({ format: 'windowpane.pipeline', version: 1, name: 'Benchmark', nodes, edges });
}

interface Measure {
  readonly fps: number;
  readonly p95FrameMs: number;
  readonly longestFrameMs: number;
}


async function startCounting(page: Page): Promise<void> {
  await page.evaluate(COUNT_FRAMES);
}

async function stopCounting(page: Page): Promise<Measure> {
  const frames = await page.evaluate(() => {
    const w = window as unknown as { benchFrames: number[]; benchStop: boolean };
    w.benchStop = true;
    return w.benchFrames;
  });
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!).sort((a, b) => a - b);
  const seconds = (frames.at(-1)! - frames[0]!) / 1000;
  return {
    fps: gaps.length / seconds,
    p95FrameMs: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
    longestFrameMs: gaps.at(-1) ?? 0,
  };
}

/** Moves the mouse along a circle for `SECONDS`, with the button held when dragging. */
async function circle(page: Page, centre: { x: number; y: number }, radius: number): Promise<void> {
  const start = Date.now();
  let angle = 0;
  while (Date.now() - start < SECONDS * 1000) {
    angle += 0.08;
    await page.mouse.move(centre.x + radius * Math.cos(angle) - radius, centre.y + radius * Math.sin(angle));
  }
}

/** Drags the node nearest the middle of the canvas in a circle, then pans with the wheel, counting frames of each. */
async function measure(page: Page): Promise<{ zoom: number; drag: Measure; pan: Measure }> {
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 200 } });
  // Far from the canvas's edges, where the view would pan along with the drag.
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  const middle = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
  const distance = (b: DOMRect): number => Math.hypot(b.x + b.width / 2 - middle.x, b.y + b.height / 2 - middle.y);
  const box = boxes.reduce((best, b) => (distance(b) < distance(best) ? b : best));
  const grip = { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 14) };
  const zoom = await page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);

  await page.mouse.move(grip.x, grip.y);
  await page.mouse.down();
  await page.mouse.move(grip.x + 5, grip.y + 5, { steps: 2 });
  await startCounting(page);
  await circle(page, grip, 80);
  const drag = await stopCounting(page);
  await page.mouse.up();

  // Pan with the mouse wheel (the canvas pans on scroll), back and forth.
  await page.mouse.move(middle.x, middle.y);
  await startCounting(page);
  const start = Date.now();
  for (let i = 0; Date.now() - start < SECONDS * 1000; i++) await page.mouse.wheel(i % 120 < 60 ? 12 : -12, i % 80 < 40 ? 8 : -8);
  const pan = await stopCounting(page);
  return { zoom, drag, pan };
}

async function main(): Promise<void> {
  const server = await startPreview(PORT);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await page.goto(BASE);
    const pane = page.locator('.react-flow__pane');
    await pane.waitFor();

    await page.evaluate((text) => navigator.clipboard.writeText(text), bigPipeline());
    await pane.click({ position: { x: 10, y: 200 } });
    await page.keyboard.press('ControlOrMeta+V');
    await page.locator('.react-flow__node').nth(NODE_COUNT - 1).waitFor();
    await page.getByRole('button', { name: 'Fit view' }).click();
    await sleep(600);
    const rendered = await page.locator('.react-flow__node').count();

    const overview = await measure(page);
    // Zoom in to about 100 %, where nodes show all their detail and part of the pipeline is in view.
    for (let i = 0; i < 8; i++) {
      await page.getByRole('button', { name: 'Zoom In' }).click();
      // Each step is animated; a click during the animation would cut it short.
      await sleep(300);
    }
    await sleep(300);
    const close = await measure(page);

    const line = (label: string, m: Measure): string =>
      `${label.padEnd(6)} ${m.fps.toFixed(1).padStart(5)} fps   p95 frame ${m.p95FrameMs.toFixed(1).padStart(5)} ms   longest ${m.longestFrameMs.toFixed(1).padStart(5)} ms`;
    console.log(`${rendered} nodes on the canvas, ${SECONDS} s of each gesture, Chromium ${browser.version()}, software rendering`);
    for (const [title, m] of [['whole pipeline in view', overview], ['zoomed in', close]] as const) {
      console.log(`${title} (zoom ${m.zoom.toFixed(2)}):`);
      console.log(`  ${line('drag', m.drag)}`);
      console.log(`  ${line('pan', m.pan)}`);
    }
  } finally {
    await browser.close();
    stopPreview(server);
  }
}

await main();
