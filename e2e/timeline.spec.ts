import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { ResultsPage } from './pages/ResultsPage';
import { TimelinePage } from './pages/TimelinePage';

/** examples/card-spend.json: payments -> byCard -> minute (tumbling 1 min, 3 s allowed lateness) -> spend; minute's late port -> "Late payments". */
const CARD_SPEND = 'Card spend per minute';

const pad = (n: number) => String(n).padStart(2, '0');
/** The one-minute window an event time (HH:MM:SS.mmm) falls in, as the verdicts write it. */
function minuteOf(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const end = (h * 60 + m + 1) % (24 * 60);
  return `[${pad(h)}:${pad(m)}:00, ${pad(Math.floor(end / 60))}:${pad(end % 60)}:00)`;
}
const eventTimeIn = (text: string): string => /event time (\d\d:\d\d:\d\d\.\d\d\d)/.exec(text)?.[1] ?? 'no event time';

test.describe('the event-time timeline', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const bar = new DocumentsBar(page);
    await bar.goto();
    await bar.newFromExample(CARD_SPEND);
  });

  test('card spend: as many late marks as the late sink has rows, and a late mark says why, naming its window and the late port', async ({ page }) => {
    const results = new ResultsPage(page);
    const timeline = new TimelinePage(page);
    // At Max the timeline records the whole run while its tab is open (hidden, only the next 100,000 events).
    await results.tab('Timeline').click();
    await results.runToEnd();
    await timeline.show.selectOption('all');
    const late = (await results.sinkCounts()).get('Late payments');
    expect(late).toBeGreaterThan(0);
    await expect.poll(() => timeline.count('late')).toBe(late);
    await expect(timeline.description).toContainText(`${late!.toLocaleString('en-US')} late`);

    const { verdict, meta } = await timeline.hoverMark('late');
    const window = minuteOf(eventTimeIn(meta));
    expect(verdict).toMatch(/^late: the watermark \d\d:\d\d:\d\d\.\d\d\d had passed the window /);
    expect(verdict).toContain(`the window ${window} plus its 3 s of allowed lateness; sent to the late port`);
  });

  test('card spend: a revision mark says the window fired again with it', async ({ page }) => {
    const results = new ResultsPage(page);
    const timeline = new TimelinePage(page);
    // At Max the timeline records the whole run while its tab is open (hidden, only the next 100,000 events).
    await results.tab('Timeline').click();
    await results.runToEnd();
    await timeline.show.selectOption('all');
    await expect.poll(() => timeline.count('revision')).toBeGreaterThan(0);
    const { verdict, meta } = await timeline.hoverMark('revision');
    expect(verdict).toBe(verdict.replace(/\s+/g, ' '));
    expect(verdict).toMatch(new RegExp(`^revision: the watermark \\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d had passed the end of the window ${minuteOf(eventTimeIn(meta)).replace(/[[\]()]/g, '\\$&')} but not its 3 s of allowed lateness; the window fired again with this event$`));
  });

  test('switches between the event-time view and event time against arrival order', async ({ page }) => {
    const results = new ResultsPage(page);
    const timeline = new TimelinePage(page);
    await results.tab('Timeline').click();
    await results.run('10');
    await expect.poll(() => timeline.count('marks')).toBeGreaterThan(0);
    await results.pauseButton.click();
    await expect(timeline.canvas).toHaveAttribute('data-view', 'eventTime');
    await expect(timeline.view('By key')).toHaveAttribute('aria-pressed', 'true');
    await expect(timeline.description).toContainText('by key along event time');

    await timeline.view('Event vs arrival').click();
    await expect(timeline.canvas).toHaveAttribute('data-view', 'arrival');
    await expect(timeline.view('Event vs arrival')).toHaveAttribute('aria-pressed', 'true');
    await expect(timeline.description).toContainText('as event time against arrival order');

    await timeline.view('By key').click();
    await expect(timeline.canvas).toHaveAttribute('data-view', 'eventTime');
  });

  test('the key picker shows one card alone, and folding puts every card in one row', async ({ page }) => {
    const results = new ResultsPage(page);
    const timeline = new TimelinePage(page);
    // At Max the timeline records the whole run while its tab is open (hidden, only the next 100,000 events).
    await results.tab('Timeline').click();
    await results.runToEnd();
    await expect.poll(async () => Number(await timeline.canvas.getAttribute('data-rows'))).toBeGreaterThan(1);
    const all = await timeline.count('marks');
    const card = await timeline.root.locator('datalist option').first().getAttribute('value');
    expect(card).not.toBeNull();

    await timeline.key.fill(card!);
    await expect(timeline.canvas).toHaveAttribute('data-rows', '1');
    await expect.poll(() => timeline.count('marks')).toBeLessThan(all);
    await expect(timeline.canvas).toHaveAccessibleName(/Timeline of minute/);

    await timeline.key.fill('');
    await timeline.fold.check();
    await expect(timeline.key).toBeDisabled();
    await expect(timeline.canvas).toHaveAttribute('data-rows', '1');
    await expect.poll(() => timeline.count('marks')).toBe(all);
  });
});
