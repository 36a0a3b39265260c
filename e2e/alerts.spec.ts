import { nabFile } from './exampleFiles';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { RunControls } from './pages/RunControls';

test.describe('anomaly alerts', () => {
  test('the machine temperature example lists its alerts in the Alerts tab and rings them on the chart', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const bar = new DocumentsBar(page);
    await bar.goto();
    await bar.newFromExample('Machine temperature failure');
    const node = page.getByTestId('canvas').locator('.react-flow__node[data-id="machine"]');
    await expect(node).toContainText('Needs machine_temperature_system_failure.csv');
    const chooser = page.waitForEvent('filechooser');
    await node.getByRole('button', { name: /^Choose file/ }).click();
    await (await chooser).setFiles(nabFile('machine_temperature_system_failure.csv'));
    await expect(node.getByRole('button', { name: /Choose file/ })).toHaveCount(0);

    const run = new RunControls(page);
    await run.setSpeed('max');
    await run.runButton.click();
    await run.expectPhase('Finished');

    // The tab says how many alerts are open (none: every burst of this file resolves before it ends).
    const tab = page.getByRole('tab', { name: /Alerts/ });
    await tab.click();
    const panel = page.getByTestId('alerts-panel');
    await expect(panel).toBeVisible();
    const rows = panel.getByTestId('alert-row');
    // 21 bursts of 4-sigma readings, each its own alert (see the README's examples).
    await expect(rows).toHaveCount(21);
    await expect(rows.first()).toHaveAttribute('data-status', 'resolved');
    await expect(rows.first()).toContainText('critical');
    await expect(rows.first()).toContainText('sigma');
    await expect(panel.getByTestId('severity-critical')).toContainText('21 resolved');
    // Newest first by last time; a click on the header turns it round.
    await expect(rows.first()).toContainText('2014-02-18');
    await panel.getByRole('button', { name: 'Last' }).click();
    await expect(rows.first()).toContainText('2013-12-15');
    await expect(panel.getByRole('columnheader', { name: 'Last' })).toHaveAttribute('aria-sort', 'ascending');

    // The chart of hourly averages rings the hours with an anomalous reading.
    await page.getByRole('tab', { name: 'Temperature per hour' }).click();
    const plot = page.getByTestId('live-chart');
    await expect.poll(async () => Number(await plot.getAttribute('data-anomalies'))).toBeGreaterThan(20);
    await expect(page.getByTestId('chart-anomalies')).toContainText('anomalies');
    await page.screenshot({ path: test.info().outputPath('machine-temperature.png') });
  });
});
