import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { ResultsPage } from './pages/ResultsPage';
import { RunControls } from './pages/RunControls';
import { TimelinePage } from './pages/TimelinePage';

/** examples/card-spend.json: 30,000 payments at 50 a second into "minute" (tumbling 1 min, 3 s allowed lateness). */
const CARD_SPEND = 'Card spend per minute';
const SHOTS = process.env.WINDOWPANE_SHOTS;

/** The events the timeline's note says it holds (its "N events" or "A sample of M of N events"). */
async function eventsShown(timeline: TimelinePage): Promise<number> {
  const note = (await timeline.root.getByTestId('timeline-note').textContent()) ?? '';
  const match = /([\d,]+) events/.exec(note);
  return match === null ? -1 : Number(match[1]!.replaceAll(',', ''));
}

test.describe('the timeline opened after the run, or closed and opened again', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const bar = new DocumentsBar(page);
    await bar.goto();
    await bar.newFromExample(CARD_SPEND);
  });

  test('a run finished with the Timeline tab never opened shows its events when the tab opens', async ({ page }) => {
    const results = new ResultsPage(page);
    const timeline = new TimelinePage(page);
    // 100x: 5,000 events a second, six seconds for the 30,000; the tab stays on Problems throughout.
    await results.run('100');
    await expect(results.status).toHaveAttribute('data-phase', 'finished', { timeout: 60_000 });
    await results.tab('Timeline').click();
    await expect.poll(() => eventsShown(timeline)).toBe(30_000);
    await expect(timeline.root.getByTestId('timeline-note')).not.toContainText('recorded from');
    // The whole run: as many late marks as the late sink has rows, as when the tab was open throughout (timeline.spec.ts).
    await timeline.show.selectOption('all');
    const late = (await results.sinkCounts()).get('Late payments');
    expect(late).toBeGreaterThan(0);
    await expect.poll(() => timeline.count('late')).toBe(late);
    await expect(timeline.canvas).toBeVisible();
    await expect(timeline.root.getByTestId('timeline-waiting')).toHaveCount(0);
    if (SHOTS !== undefined) await page.screenshot({ path: `${SHOTS}/tl-after-finished.png` });
  });

  test('a run at Max with the Timeline tab never opened shows its events too (a bounded recording: the example is smaller than it)', async ({ page }) => {
    const results = new ResultsPage(page);
    const timeline = new TimelinePage(page);
    await results.runToEnd();
    await results.tab('Timeline').click();
    await expect.poll(() => eventsShown(timeline)).toBe(30_000);
    await expect(timeline.root.getByTestId('timeline-note')).not.toContainText('recorded');
    await timeline.show.selectOption('all');
    await expect.poll(() => timeline.count('late')).toBe((await results.sinkCounts()).get('Late payments'));
    await expect(timeline.root.getByTestId('timeline-waiting')).toHaveCount(0);
    if (SHOTS !== undefined) await page.screenshot({ path: `${SHOTS}/tl-after-max-closed.png` });
  });

  test('switching to another dock tab during a run and back keeps what the timeline recorded', async ({ page }) => {
    const results = new ResultsPage(page);
    const timeline = new TimelinePage(page);
    const controls = new RunControls(page);
    await results.tab('Timeline').click();
    await results.run('25');
    await expect.poll(() => eventsShown(timeline), { timeout: 20_000 }).toBeGreaterThan(500);
    const before = await eventsShown(timeline);
    await results.tab('Late payments').click();
    await expect(timeline.root).toHaveCount(0);
    await expect.poll(() => controls.events(), { timeout: 20_000 }).toBeGreaterThan(before + 1000);
    await results.tab('Timeline').click();
    // Not afresh from zero: everything before the switch, and what came while the tab was hidden.
    await expect.poll(() => eventsShown(timeline)).toBeGreaterThan(before + 1000);
    await expect(timeline.root.getByTestId('timeline-note')).not.toContainText('recorded from');
    if (SHOTS !== undefined) await page.screenshot({ path: `${SHOTS}/tl-after-switch-back.png` });
    // Hidden again, at Max to the end: shown, it holds the whole run.
    await results.tab('Late payments').click();
    await controls.setSpeed('max');
    await expect(results.status).toHaveAttribute('data-phase', 'finished', { timeout: 30_000 });
    await results.tab('Timeline').click();
    await expect.poll(() => eventsShown(timeline)).toBe(30_000);
  });
});
