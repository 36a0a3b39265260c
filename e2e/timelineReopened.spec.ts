import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { ResultsPage } from './pages/ResultsPage';
import { RunControls } from './pages/RunControls';
import { TimelinePage } from './pages/TimelinePage';

/** examples/card-spend.json: 30,000 payments at 50 a second into "minute" (tumbling 1 min, 3 s allowed lateness). */
const CARD_SPEND = 'Card spend per minute';
const SHOTS = process.env.WINDOWPANE_SHOTS;

const node = (id: string, kind: string, x: number, params: object) => ({ id, kind, position: { x, y: 0 }, params });
/** 300,000 payments over 200 cards into ten-second windows: longer than a hidden timeline records at Max. */
const LONG_RUN = JSON.stringify({
  format: 'windowpane.pipeline', version: 1, name: 'Long payments run',
  nodes: [
    node('src', 'source.sample', 0, { stream: 'payments', rate: 20_000, keys: 200, seed: 7, maxOutOfOrderness: '5s', lateFraction: 0.05, limit: 300_000 }),
    node('key', 'transform.keyBy', 224, { fields: ['card'] }),
    node('win', 'window.tumbling', 448, { size: '10s', allowedLateness: '2s' }),
    node('agg', 'aggregate', 672, { aggregations: [{ name: 'payments', fn: 'count' }] }),
    node('out', 'sink.collect', 896, {}),
  ],
  edges: [{ id: 'e1', from: 'src', to: 'key' }, { id: 'e2', from: 'key', to: 'win' }, { id: 'e3', from: 'win', to: 'agg' }, { id: 'e4', from: 'agg', to: 'out' }],
});

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

  test('a long run at Max with the tab hidden keeps its first 100,000 events and says the recording stopped', async ({ page }) => {
    await new DocumentsBar(page).pasteJson(LONG_RUN);
    const results = new ResultsPage(page);
    const timeline = new TimelinePage(page);
    await results.runToEnd();
    await results.tab('Timeline').click();
    const note = timeline.root.getByTestId('timeline-note');
    await expect(note).toContainText('recorded up to event');
    await expect(note).toContainText('of the run only (at Max speed a hidden timeline stops recording');
    const recorded = await eventsShown(timeline);
    // The step that reached 100,000 is recorded whole, nothing after it.
    expect(recorded).toBeGreaterThanOrEqual(100_000);
    expect(recorded).toBeLessThan(300_000);
    if (SHOTS !== undefined) await page.screenshot({ path: `${SHOTS}/tl-after-limit.png` });
    // Run again with the tab shown: every event.
    await new RunControls(page).stop();
    await results.runToEnd();
    await expect.poll(() => eventsShown(timeline)).toBe(300_000);
    await expect(note).not.toContainText('recorded up to');
  });
});
