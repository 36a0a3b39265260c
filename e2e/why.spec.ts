import { cliRun, exampleDocument, tableTime, type CliRow } from './cliRun';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { ResultsPage } from './pages/ResultsPage';
import { clickVisibleNode } from './revealNode';

const CARD_SPEND = 'Card spend per minute';
const fromTable = (text: string): number => Date.parse(`${text.replace(' ', 'T')}Z`);
/** Runs at Max to the end; the machine these run on is shared, so the end may take a while. */
async function runToEnd(results: ResultsPage): Promise<void> {
  await results.speed.selectOption('max');
  await results.runButton.click();
  await expect(results.status).toHaveAttribute('data-phase', 'finished', { timeout: 120_000 });
}

const sorted = (rows: readonly unknown[]): string[] => rows.map((r) => JSON.stringify(r)).sort();

/** The source's events in order, as the CLI gives them (the example with its source alone). */
function sourceEvents(): CliRow[] {
  const doc = exampleDocument('card-spend');
  return cliRun({ ...doc, nodes: [doc.nodes.find((n) => n.id === 'payments'), { id: 'all', kind: 'sink.collect' }], edges: [{ id: 'e', from: 'payments', to: 'all' }] }).out;
}

test.describe('why this result', () => {
  test.beforeEach(async ({ page, editor }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await editor.goto();
    await new DocumentsBar(page).newFromExample(CARD_SPEND);
  });

  test('a revised result of the table lists exactly the events of its window, and each revision, as the CLI computes them', async ({ page }) => {
    const cli = cliRun('examples/card-spend.json');
    const events = sourceEvents();
    const results = new ResultsPage(page);
    await runToEnd(results);
    await results.tab('results').click();
    const table = results.table('results');
    const headers = await table.getByRole('columnheader').allTextContents();
    const row = table.locator('.wp-table-row.is-revised').first();
    // Only the rows in view (and a few more) are in the DOM: scroll down until a revised one is.
    const scroller = table.getByRole('table');
    await expect.poll(async () => {
      if ((await row.count()) > 0) return true;
      await scroller.evaluate((el) => el.scrollBy(0, el.clientHeight / 2));
      return false;
    }, { timeout: 30_000 }).toBe(true);
    const cells = await row.getByRole('cell').allTextContents();
    const at = (name: string): string => cells[headers.indexOf(name)]!;
    const start = fromTable(at('window_start'));
    const end = fromTable(at('window_end'));
    const card = at('card');
    await row.getByRole('button', { name: 'Why?' }).click();

    const dialog = page.getByRole('dialog', { name: 'Why this result' });
    await expect(dialog.getByTestId('lineage')).toBeVisible();
    // The events of the card and the minute, less those the late port got, from the CLI's own output.
    const late = cli.late.map(({ node: _node, ...event }) => JSON.stringify(event));
    const expected = events.filter((e) => {
      if (e['card'] !== card || (e['ts'] as number) < start || (e['ts'] as number) >= end) return false;
      const i = late.indexOf(JSON.stringify(e));
      if (i >= 0) late.splice(i, 1);
      return i < 0;
    });
    const listed = await dialog.getByTestId('lineage-events').locator('td[data-fields]').evaluateAll((tds) => tds.map((td) => JSON.parse((td as HTMLElement).dataset.fields!) as unknown));
    expect(sorted(listed)).toEqual(sorted(expected));
    await expect(dialog.getByTestId('lineage')).toHaveAttribute('data-events', String(expected.length));
    // One line per result the CLI gave for this window, each counting its events.
    const firings = cli.out.filter((r) => r['card'] === card && r['window_start'] === start && r['window_end'] === end);
    const revisions = dialog.getByTestId('lineage-revisions').locator('tbody tr');
    await expect(revisions).toHaveCount(firings.length);
    for (const [i, firing] of firings.entries()) {
      await expect(revisions.nth(i).locator('td').nth(0)).toHaveText(String(firing['revision']));
      await expect(revisions.nth(i).locator('td').nth(3)).toHaveText(String(firing['payments']));
    }
    await expect(dialog.getByTestId('lineage-events').locator('tr[data-fate="revision"]')).toHaveCount(firings.length - 1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });

  test('each event of a sensor result shows its epoch-ms ts with every digit, agreeing with its event time to the millisecond', async ({ page }) => {
    // Sensor readings come every 5 ms, so most timestamps end in 5 (payments, every 20 ms, all end in 0).
    await new DocumentsBar(page).newFromExample('Live sensor dashboard');
    const results = new ResultsPage(page);
    await runToEnd(results);
    await results.tab('Window results').click();
    await results.table('windowTable').locator('.wp-table-row').first().getByRole('button', { name: 'Why?' }).click();
    const dialog = page.getByRole('dialog', { name: 'Why this result' });
    const rows = dialog.getByTestId('lineage-events').locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => {
      const cells = tr.querySelectorAll('td');
      return { time: Number((cells[1] as HTMLElement).dataset.time), timeText: cells[1]!.textContent, fields: JSON.parse((cells[2] as HTMLElement).dataset.fields!) as Record<string, unknown>, fieldsText: cells[2]!.textContent! };
    }));
    expect(shown.length).toBeGreaterThan(0);
    // 13-digit timestamps: rounded to 12 digits, these would end in 0 and disagree with the time beside them.
    expect(shown.some((e) => e.time % 10 !== 0)).toBe(true);
    for (const e of shown) {
      expect(e.fields['ts']).toBe(e.time);
      expect(e.timeText).toBe(tableTime(e.time));
      expect(e.fieldsText).toContain(`ts=${e.time},`);
      // Every field as the record holds it (readings have two decimals, well within 15 digits).
      expect(e.fieldsText).toBe(Object.entries(e.fields).map(([k, v]) => `${k}=${String(v)}`).join(', '));
    }
    await page.screenshot({ path: test.info().outputPath('why-exact-times.png') });
  });

  test('a late event in the window\'s preview says why it was late', async ({ page, editor }) => {
    const cli = cliRun('examples/card-spend.json');
    const results = new ResultsPage(page);
    await runToEnd(results);
    await clickVisibleNode(editor, 'minute');
    await results.preview.getByRole('button', { name: /^Late/ }).click();
    const lateTable = results.preview.getByRole('table', { name: 'Late events of minute' });
    await expect(lateTable).toBeVisible();
    const row = lateTable.locator('tbody tr').first();
    const cells = await row.locator('td').allTextContents();
    await row.getByRole('button', { name: 'Why?' }).click();
    const dialog = page.getByRole('dialog', { name: 'Why was this event late?' });
    const verdict = dialog.getByTestId('lineage-verdict');
    await expect(verdict).toHaveText(/^Late: the watermark \d\d:\d\d:\d\d(\.\d{3})? had passed the window \[\d\d:\d\d:\d\d, \d\d:\d\d:\d\d\) plus its 3 s of allowed lateness; sent to the late port\.$/);
    // The event is one the CLI sent to the late port, and the window named is its minute.
    const event = cli.late.find((e) => tableTime(e['ts'] as number) === cells[0] && e['card'] === cells[1]);
    expect(event).toBeDefined();
    const minute = Math.floor((event!['ts'] as number) / 60_000) * 60_000;
    const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 19);
    await expect(verdict).toContainText(`the window [${clock(minute)}, ${clock(minute + 60_000)})`);
  });
});
