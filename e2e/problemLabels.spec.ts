import { expect, test } from './fixtures';
import { InspectorPanel } from './pages/InspectorPanel';

test.describe('problem wording', () => {
  test('the Problems panel names params by the labels the settings panel shows, and asks for a field rather than echoing an empty one', async ({ page, editor }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await editor.goto();
    const source = await editor.doubleClickPalette('source.sample');
    const key = await editor.doubleClickPalette('transform.keyBy');
    const chart = await editor.doubleClickPalette('sink.chart');
    await editor.connect(source, 'out', key);
    await editor.connect(key, 'out', chart);
    const inspector = new InspectorPanel(page);
    await page.getByRole('tab', { name: /^Problems/ }).click();
    await expect(inspector.problemsOf(key)).toHaveText(['Key fields needs at least 1 entry']);
    await expect(inspector.problemsOf(chart)).toHaveText(['Y field is empty: choose a field']);
    await expect(inspector.problems).not.toContainText("got ''");
    await page.screenshot({ path: test.info().outputPath('problem-labels.png') });

    // The settings panel says the same sentence.
    await inspector.problemsOf(key).click();
    await inspector.expectNode(key);
    await expect(inspector.nodeProblems).toContainText('Key fields needs at least 1 entry');
    await inspector.problemsOf(chart).click();
    await inspector.expectNode(chart);
    await expect(inspector.nodeProblems).toContainText('Y field is empty: choose a field');
    await page.screenshot({ path: test.info().outputPath('problem-labels-chart.png') });
  });
});
