import { cliRun } from './cliRun';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { ResultsPage } from './pages/ResultsPage';

const REVENUE = 'Revenue so far today, hour by hour';

test.describe('why this result, from a chart', () => {
  test('clicking a point of the revenue chart opens the lineage of that window, with the values of the point', async ({ page, editor }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await editor.goto();
    await new DocumentsBar(page).newFromExample(REVENUE);
    const cli = cliRun('examples/revenue-so-far-today.json');
    const results = new ResultsPage(page);
    await results.speed.selectOption('max');
    await results.runButton.click();
    await expect(results.status).toHaveAttribute('data-phase', 'finished', { timeout: 120_000 });
    await results.tab('Revenue so far today').click();
    await expect.poll(() => results.chartPoints('revenueChart')).toBe(140);
    await expect(results.sinkView('revenueChart').getByText('click a point for why')).toBeVisible();

    // Down a vertical line in the middle of the plot until the pointer is over a point (the overlay names it).
    const over = results.chart('revenueChart').locator('.u-over');
    const box = (await over.boundingBox())!;
    const x = box.x + box.width / 2;
    let picked = '';
    let y = box.y + 2;
    for (; y < box.y + box.height; y += 8) {
      await page.mouse.move(x, y);
      picked = (await over.getAttribute('data-pick')) ?? '';
      if (picked !== '') break;
    }
    expect(picked).toMatch(/^.+@\d+$/);
    const [region, end] = [picked.slice(0, picked.lastIndexOf('@')), Number(picked.slice(picked.lastIndexOf('@') + 1))];
    await page.mouse.click(x, y);

    const dialog = page.getByRole('dialog', { name: 'Why this result' });
    await expect(dialog.getByTestId('lineage')).toBeVisible();
    // The CLI's results of that region's window ending there: the lineage lists their events and each firing.
    const firings = cli.out.filter((r) => r['sink'] === 'revenueChart' && r['region'] === region && r['window_end'] === end);
    expect(firings.length).toBeGreaterThan(0);
    const last = firings.at(-1)!;
    await expect(dialog.getByTestId('lineage')).toHaveAttribute('data-events', String(last['orders']));
    const revisions = dialog.getByTestId('lineage-revisions').locator('tbody tr');
    await expect(revisions).toHaveCount(firings.length);
    await expect(revisions.last().locator('td').nth(3)).toHaveText(String(last['orders']));
    const amounts = await dialog.getByTestId('lineage-events').locator('td[data-fields]').evaluateAll((tds) => tds.map((td) => (JSON.parse((td as HTMLElement).dataset.fields!) as { amount: number }).amount));
    expect(amounts.reduce((a, b) => a + b, 0)).toBeCloseTo(last['revenue'] as number, 6);
  });

  test('the table\'s Why leads each row, so it shows without scrolling', async ({ page, editor }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await editor.goto();
    await new DocumentsBar(page).newFromExample(REVENUE);
    const results = new ResultsPage(page);
    await results.speed.selectOption('max');
    await results.runButton.click();
    await expect(results.status).toHaveAttribute('data-phase', 'finished', { timeout: 120_000 });
    await results.tab('Hour by hour').click();
    const row = results.table('hourTable').getByRole('row').nth(1);
    const why = row.getByRole('button', { name: 'Why?' });
    await expect(why).toBeInViewport();
    const button = (await why.boundingBox())!;
    const firstCell = (await row.getByRole('cell').first().boundingBox())!;
    expect(button.x + button.width).toBeLessThanOrEqual(firstCell.x);
    await why.click();
    await expect(page.getByRole('dialog', { name: 'Why this result' }).getByTestId('lineage')).toBeVisible();
  });
});
