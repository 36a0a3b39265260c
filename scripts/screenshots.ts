/**
 * The README's pictures, made from the app as a user sees it so they stay
 * current: `npm run screenshots` builds the app, serves dist/, opens the
 * card-spend example in Debian's Chromium, runs it a while, pauses, and
 * writes docs/timeline.png (the event-time view with a late mark's verdict)
 * and docs/timeline-arrival.png (event time against arrival order).
 */
import { chromium, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startPreview, stopPreview } from '../e2e/bench/previewServer';
import { DocumentsBar } from '../e2e/pages/DocumentsBar';
import { ResultsPage } from '../e2e/pages/ResultsPage';
import { TimelinePage } from '../e2e/pages/TimelinePage';

const PORT = Number(process.env.SCREENSHOTS_PORT ?? 4520);
const DOCS = join(import.meta.dirname, '..', 'docs');
/** Events to let through before pausing: a few minutes of event time, with windows in every state. */
const EVENTS = Number(process.env.SCREENSHOT_EVENTS ?? 4_000);

async function main(): Promise<void> {
  const server = await startPreview(PORT);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2, colorScheme: 'light' });
    const page = await context.newPage();
    const bar = new DocumentsBar(page);
    await page.goto(`http://localhost:${PORT}/`);
    await page.locator('.react-flow__pane').waitFor();
    await bar.newFromExample('Card spend per minute');
    const results = new ResultsPage(page);
    const timeline = new TimelinePage(page);
    // The timeline records while its tab is open: open it, then run.
    await results.tab('Timeline').click();
    await results.run('10');
    await expect.poll(async () => Number(await results.status.getAttribute('data-events')), { timeout: 60_000 }).toBeGreaterThan(EVENTS);
    await results.pauseButton.click();
    // A taller dock: the separator takes the arrow keys.
    const separator = page.getByRole('separator', { name: 'Resize the dock' });
    await separator.focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowUp');
    await timeline.key.focus();
    await expect.poll(() => timeline.count('late')).toBeGreaterThan(0);
    await timeline.hoverMark('late');
    const dock = page.locator('.wp-results-dock');
    mkdirSync(DOCS, { recursive: true });
    // The dock and the verdict's tooltip, which may stand above the dock.
    const tip = (await timeline.tooltip.boundingBox())!;
    const box = (await dock.boundingBox())!;
    const top = Math.min(box.y, tip.y - 8);
    await page.screenshot({ path: join(DOCS, 'timeline.png'), clip: { x: box.x, y: top, width: box.width, height: box.y + box.height - top } });
    await page.mouse.move(0, 0);
    await timeline.view('Event vs arrival').click();
    await expect(timeline.canvas).toHaveAttribute('data-view', 'arrival');
    await dock.screenshot({ path: join(DOCS, 'timeline-arrival.png') });
    console.log(`Wrote ${join(DOCS, 'timeline.png')} and timeline-arrival.png`);
  } finally {
    await browser.close();
    stopPreview(server);
  }
}

await main();
