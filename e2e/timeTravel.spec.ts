import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { RunControls } from './pages/RunControls';

const CARD_SPEND = 'Card spend per minute';
/** What Step advances by (src/worker/scheduler.ts STEP_BATCH_ROWS). */
const STEP_BATCH_ROWS = 1000;

/** Every node's badge as a user reads it (exact counts from its data, the rest as shown): paused, so rates are 0/s. */
async function badges(page: Page): Promise<Record<string, string>> {
  return page.locator('.react-flow__node').evaluateAll((nodes) => Object.fromEntries(nodes.map((n) => {
    const stats = n.querySelector('[data-testid="node-stats"]');
    const exact = stats === null ? '' : `${stats.getAttribute('data-rows-in')}/${stats.getAttribute('data-rows-out')}/${stats.getAttribute('data-late')}`;
    return [n.getAttribute('data-id') ?? '', `${exact} ${stats?.textContent ?? ''}`];
  })));
}

/**
 * The badges once they hold still: a run's first figures mount a few nodes' badges a frame
 * (src/editor/canvas/usePacedMount.ts), so a read right after the first Step can catch half of them.
 */
async function settledBadges(page: Page): Promise<Record<string, string>> {
  let last = JSON.stringify(await badges(page));
  await expect.poll(async () => {
    const now = JSON.stringify(await badges(page));
    const still = now === last;
    last = now;
    return still;
  }, { intervals: [100] }).toBe(true);
  return JSON.parse(last) as Record<string, string>;
}

/** Rows the results table holds (its buffer, which time travel refills with the results of then). */
const resultRows = (page: Page) => page.getByTestId('live-table').first().getAttribute('data-rows');

/** Drags the scrubber to `position` as a pointer would leave it: the input's value and its input event. */
async function scrubTo(page: Page, position: number): Promise<void> {
  await page.getByRole('slider', { name: 'Run position' }).evaluate((input, value) => {
    const el = input as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, String(value));
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, position);
}

test.describe('time travel', () => {
  test.beforeEach(async ({ editor, page }) => {
    await editor.goto();
    await new DocumentsBar(page).newFromExample(CARD_SPEND);
  });

  test('scrubbing back and forth restores the badge totals and the results seen when the run passed there', async ({ page, consoleErrors }) => {
    const run = new RunControls(page);
    const seen = new Map<number, { badges: Record<string, string>; rows: string | null }>();
    for (let k = 1; k <= 6; k++) {
      await run.step();
      await expect.poll(() => run.events()).toBe(k * STEP_BATCH_ROWS);
      await expect(page.locator('.wp-travel-at')).toHaveAttribute('data-head', String(k * STEP_BATCH_ROWS));
      seen.set(k * STEP_BATCH_ROWS, { badges: await settledBadges(page), rows: await resultRows(page) });
    }
    // The run has late payments and results by then, so the totals differ from step to step.
    expect(seen.get(6000)!.badges.minute).not.toBe(seen.get(1000)!.badges.minute);
    const scrubber = page.getByRole('slider', { name: 'Run position' });
    await expect(scrubber).toHaveAttribute('max', '6000');
    for (const at of [3000, 1000, 5000, 2000, 6000, 4000]) {
      await scrubTo(page, at);
      await expect.poll(() => run.events()).toBe(at);
      await expect(page.locator('.wp-travel-at')).toHaveAttribute('data-position', String(at));
      await expect.poll(() => badges(page)).toEqual(seen.get(at)!.badges);
      await expect.poll(() => resultRows(page)).toBe(seen.get(at)!.rows);
    }
    await expect(scrubber).toHaveAttribute('aria-valuetext', 'event 4,000 of 6,000, 2,000 back');
    await run.expectPhase('Paused');
    expect(consoleErrors).toEqual([]);
  });

  test('Step back goes back one batch (F9 or the button) and one event (Shift+F9); arrow keys on the scrubber move one event', async ({ page, consoleErrors }) => {
    const run = new RunControls(page);
    const seen = new Map<number, Record<string, string>>();
    for (let k = 1; k <= 3; k++) {
      await run.step();
      await expect.poll(() => run.events()).toBe(k * STEP_BATCH_ROWS);
      await expect(page.locator('.wp-travel-at')).toHaveAttribute('data-head', String(k * STEP_BATCH_ROWS));
      seen.set(k * STEP_BATCH_ROWS, await settledBadges(page));
    }
    await page.keyboard.press('F9');
    await expect.poll(() => run.events()).toBe(2000);
    await expect.poll(() => badges(page)).toEqual(seen.get(2000));
    await run.toolbar.getByRole('button', { name: 'Step back' }).click();
    await expect.poll(() => run.events()).toBe(1000);
    await expect.poll(() => badges(page)).toEqual(seen.get(1000));
    await page.keyboard.press('Shift+F9');
    await expect.poll(() => run.events()).toBe(999);
    const scrubber = page.getByRole('slider', { name: 'Run position' });
    await scrubber.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => run.events()).toBe(1000);
    await expect.poll(() => badges(page)).toEqual(seen.get(1000));
    // Step goes on from here: the old future (up to 3,000) is dropped, and the scrubber ends where the run now stands.
    await run.step();
    await expect.poll(() => run.events()).toBe(2000);
    await expect(page.locator('.wp-travel-at')).toHaveAttribute('data-head', '2000');
    await expect.poll(() => badges(page)).toEqual(seen.get(2000));
    expect(consoleErrors).toEqual([]);
  });
});
