import { expect, test } from './fixtures';
import { InspectorPanel } from './pages/InspectorPanel';
import { ResultsPage } from './pages/ResultsPage';
import { DocumentsBar } from './pages/DocumentsBar';

test.describe('cumulate windows', () => {
  test('dragged from the palette, refuse a max size that is no multiple of the step, then run into windows that grow from one start', async ({ page, editor }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await editor.goto();
    const inspector = new InspectorPanel(page);
    const results = new ResultsPage(page);

    // One sensor, one reading a second for a minute, from a whole minute on: 10 readings per 10 s.
    const source = await editor.dragFromPalette('source.sample', 90, 90);
    await inspector.expectNode(source);
    await inspector.type('Rate', '1');
    await inspector.type('Keys', '1');
    await inspector.type('Limit', '60');
    await inspector.type('Max out-of-orderness', '0');
    await inspector.type('Start time', '1700000040000');

    const byDevice = await editor.dragFromPalette('transform.keyBy', 320, 90);
    await editor.connect(source, 'out', byDevice);
    await inspector.expectNode(byDevice);
    await inspector.panel.getByRole('group', { name: /Key fields/ }).getByRole('checkbox', { name: /device/ }).check();

    const window = await editor.dragFromPalette('window.cumulate', 550, 90);
    await editor.connect(byDevice, 'out', window);
    await inspector.expectNode(window);
    await expect(editor.nodeSummary(window)).toHaveText('Cumulate every 1m up to 5m');
    await inspector.type('Step', '10s');
    await inspector.type('Max size', '25s');
    // The form says it under Max size, in its own words, with the sizes that would do.
    await expect(inspector.messagesOf('Max size')).toHaveText(["Max size must be a whole multiple of step, got '25s' for step '10s'; try '20s' or '30s'"]);
    await expect(inspector.nodeProblems).toContainText("Max size must be a whole multiple of step, got '25s' for step '10s'");
    await expect(editor.nodeBadge(window)).toBeVisible();
    await inspector.type('Max size', '30s');
    await expect(inspector.messagesOf('Max size')).toHaveCount(0);
    await expect(editor.nodeSummary(window)).toHaveText('Cumulate every 10s up to 30s');

    const totals = await editor.dragFromPalette('aggregate', 320, 330);
    await editor.connect(window, 'out', totals);
    const table = await editor.dragFromPalette('sink.table', 550, 330);
    await editor.connect(totals, 'out', table);
    await expect(inspector.problemCount).toHaveText('0');

    await results.runToEnd();
    await results.tab(table).click();
    await expect(results.table(table)).toHaveAttribute('data-rows', '6');
    // Newest first: each 30 s period's windows share its start and end 10 s apart, counting 10, 20, 30.
    const rows = results.table(table).getByRole('row').filter({ has: page.getByRole('cell') });
    const cells = await rows.evaluateAll((list) => list.map((row) => [...row.querySelectorAll('[role="cell"]')].map((c) => c.textContent)));
    expect(cells).toEqual([
      ['2023-11-14 22:14:30.000', '2023-11-14 22:15:00.000', 'sensor-001', '30', '0'],
      ['2023-11-14 22:14:30.000', '2023-11-14 22:14:50.000', 'sensor-001', '20', '0'],
      ['2023-11-14 22:14:30.000', '2023-11-14 22:14:40.000', 'sensor-001', '10', '0'],
      ['2023-11-14 22:14:00.000', '2023-11-14 22:14:30.000', 'sensor-001', '30', '0'],
      ['2023-11-14 22:14:00.000', '2023-11-14 22:14:20.000', 'sensor-001', '20', '0'],
      ['2023-11-14 22:14:00.000', '2023-11-14 22:14:10.000', 'sensor-001', '10', '0'],
    ]);
    await page.screenshot({ path: test.info().outputPath('cumulate-built.png') });
  });

  test('the revenue example opens with the cumulate window and fills its table and chart hour by hour', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const bar = new DocumentsBar(page);
    const results = new ResultsPage(page);
    await bar.goto();
    await bar.newFromExample('Revenue so far today, hour by hour');
    const window = page.getByTestId('canvas').locator('.react-flow__node[data-id="today"]');
    await expect(window).toContainText('Cumulate every 1h up to 1d');
    await results.runToEnd();
    // 3 regions x 24 hours x 2 days, less the hours of a day before a region's first order (cli/cumulate.test.ts checks every row).
    await results.tab('Hour by hour').click();
    await expect(results.table('hourTable')).toHaveAttribute('data-rows', '140');
    const newest = results.table('hourTable').getByRole('row').nth(1);
    await expect(newest.getByRole('cell').nth(0)).toHaveText('2024-03-05 00:00:00.000');
    await expect(newest.getByRole('cell').nth(1)).toHaveText('2024-03-06 00:00:00.000');
    await results.tab('Revenue so far today').click();
    await expect.poll(() => results.chartPoints('revenueChart')).toBe(140);
    await page.screenshot({ path: test.info().outputPath('revenue-example.png') });
  });
});
