import { expect, test } from './fixtures';
import { InspectorPanel } from './pages/InspectorPanel';
import { ResultsPage } from './pages/ResultsPage';

test.describe('rolling features', () => {
  test('added after a sample source, per device, they come out as new columns of the table', async ({ page, editor }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await editor.goto();
    const inspector = new InspectorPanel(page);
    const results = new ResultsPage(page);

    // Two sensors, one reading a second each for 30 s, in order.
    const source = await editor.dragFromPalette('source.sample', 90, 90);
    await inspector.expectNode(source);
    await inspector.type('Rate', '2');
    await inspector.type('Keys', '2');
    await inspector.type('Limit', '60');
    await inspector.type('Max out-of-orderness', '0');

    const byDevice = await editor.dragFromPalette('transform.keyBy', 320, 90);
    await editor.connect(source, 'out', byDevice);
    await inspector.expectNode(byDevice);
    await inspector.panel.getByRole('group', { name: /Key fields/ }).getByRole('checkbox', { name: /device/ }).check();

    const rolling = await editor.dragFromPalette('transform.rolling', 550, 90);
    await editor.connect(byDevice, 'out', rolling);
    await inspector.expectNode(rolling);
    // The picker offers the number fields reaching the node.
    await expect(inspector.options('Field')).toContainText(['temperature · number', 'humidity · number']);
    await inspector.field('Field').selectOption('temperature');
    await expect(editor.nodeSummary(rolling)).toHaveText('mean, stddev of temperature over last 20');

    const table = await editor.dragFromPalette('sink.table', 780, 90);
    await editor.connect(rolling, 'out', table);
    await expect(inspector.problemCount).toHaveText('0');

    await results.runToEnd();
    await results.tab(table).click();
    await expect(results.table(table)).toHaveAttribute('data-rows', '60');
    const headers = results.table(table).getByRole('columnheader');
    await expect(headers).toContainText(['temperature', 'rolling_mean', 'rolling_stddev']);
    // The table shows the newest rows (it draws only what is on screen): each rolling mean lies within the
    // temperatures shown, and each stddev is a number, the windows holding several readings by then.
    const cells = await results.table(table).getByRole('row').filter({ has: page.getByRole('cell') }).evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('[role="cell"]')].map((c) => c.textContent ?? '')));
    const names = await headers.allTextContents();
    const at = (name: string) => names.indexOf(name);
    const temps = cells.map((r) => Number(r[at('temperature')]));
    const means = cells.map((r) => Number(r[at('rolling_mean')]));
    expect(means.every((m) => m >= Math.min(...temps) - 5 && m <= Math.max(...temps) + 5)).toBe(true);
    expect(cells.length).toBeGreaterThan(5);
    expect(cells.every((r) => Number(r[at('rolling_stddev')]) >= 0 && r[at('rolling_stddev')] !== '')).toBe(true);
    await page.screenshot({ path: test.info().outputPath('rolling-table.png') });
  });
});
