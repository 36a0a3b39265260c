import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { ResultsPage } from './pages/ResultsPage';
import { RunControls } from './pages/RunControls';
import { TimelinePage } from './pages/TimelinePage';
import { revealNode } from './revealNode';

/** examples/card-spend.json: payments -> byCard -> minute (tumbling 1 min, 3 s allowed lateness) -> spend. */
const CARD_SPEND = 'Card spend per minute';
/** What Step advances by (src/worker/scheduler.ts STEP_BATCH_ROWS). */
const STEP_BATCH_ROWS = 1000;
/** A run with a breakpoint armed reads one event per step; the machine these run on is shared. */
const PAUSE_MS = 60_000;

/** Drags the scrubber to `position` as a pointer would leave it: the input's value and its input event. */
async function scrubTo(page: Page, position: number): Promise<void> {
  await page.getByRole('slider', { name: 'Run position' }).evaluate((input, value) => {
    const el = input as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, String(value));
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, position);
}

/** What the timeline says of the run: its watermark label and how many marks it shows. */
async function seen(timeline: TimelinePage): Promise<{ watermark: string; marks: string | null }> {
  return {
    watermark: await timeline.legend.locator('li', { hasText: 'watermark' }).locator('b').first().innerText(),
    marks: await timeline.legend.getAttribute('data-marks'),
  };
}

test.describe('the timeline with time travel and breakpoints', () => {
  test.beforeEach(async ({ page, editor }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await editor.goto();
    await new DocumentsBar(page).newFromExample(CARD_SPEND);
  });

  test('scrubbing back shows the watermark and the marks of then; scrubbing forward restores them', async ({ page, consoleErrors }) => {
    const run = new RunControls(page);
    const results = new ResultsPage(page);
    const timeline = new TimelinePage(page);
    await results.tab('Timeline').click();
    await timeline.show.selectOption('all');
    const at = new Map<number, { watermark: string; marks: string | null }>();
    let before = { watermark: '', marks: null as string | null };
    for (let k = 1; k <= 4; k++) {
      await run.step();
      await expect(page.locator('.wp-travel-at')).toHaveAttribute('data-head', String(k * STEP_BATCH_ROWS));
      // Paused after the step: once the timeline has caught up it stays.
      await expect.poll(async () => (await seen(timeline)).marks).not.toBe(before.marks);
      before = await seen(timeline);
      at.set(k * STEP_BATCH_ROWS, before);
    }
    expect(at.get(1000)!.watermark).not.toBe(at.get(4000)!.watermark);
    expect(Number(at.get(1000)!.marks)).toBeLessThan(Number(at.get(4000)!.marks));
    for (const position of [2000, 1000, 3000, 4000, 1000, 4000]) {
      await scrubTo(page, position);
      await expect(page.locator('.wp-travel-at')).toHaveAttribute('data-position', String(position));
      await expect.poll(() => seen(timeline)).toEqual(at.get(position));
      // At the head the timeline is the run as it is; before it, as it was then, and it says so.
      if (position === 4000) await expect(timeline.root.getByTestId('timeline-note')).not.toHaveAttribute('data-at-position');
      else await expect(timeline.root.getByTestId('timeline-note')).toHaveAttribute('data-at-position', String(position));
    }
    expect(consoleErrors).toEqual([]);
  });

  test('a breakpoint hit rings its mark on the timeline and says "stopped here"', async ({ page, editor, consoleErrors }) => {
    const results = new ResultsPage(page);
    const timeline = new TimelinePage(page);
    await results.tab('Timeline').click();
    await timeline.show.selectOption('all');
    await results.speed.selectOption('max');
    await revealNode(editor, 'minute');
    await editor.nodeLocator('minute').locator('.wp-node-title').click({ button: 'right' });
    const menu = page.getByRole('dialog', { name: 'Breakpoints of minute' });
    await menu.getByRole('button', { name: 'Run until the next late event' }).click();
    await expect(new RunControls(page).phase).toHaveText('Paused', { timeout: PAUSE_MS });
    const seq = await page.getByTestId('breakpoint-hit').getAttribute('data-seq');
    expect(Number(seq)).toBeGreaterThan(0);
    await results.tab('Timeline').click();
    await expect(timeline.canvas).toHaveAttribute('data-stopped-seq', seq!);
    await expect(timeline.root.getByTestId('timeline-stopped')).toContainText(`Stopped here: arrival #${Number(seq).toLocaleString('en-US')} (an event went to the late port of minute (event time `);
    await expect(timeline.description).toContainText('Stopped here');
    // Going on leaves the stop behind.
    await new RunControls(page).step();
    await expect(timeline.canvas).not.toHaveAttribute('data-stopped-seq');
    expect(consoleErrors).toEqual([]);
  });
});
