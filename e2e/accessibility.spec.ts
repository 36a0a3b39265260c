import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { EditorPage } from './pages/EditorPage';
import { ResultsPage } from './pages/ResultsPage';

/** examples/live-sensor-dashboard.json: sensors -> byDevice -> fiveSeconds -> stats -> temperatureChart, windowTable. */
const DASHBOARD = 'Live sensor dashboard';
const BLOCKING = new Set(['critical', 'serious']);
/** Every part of the page sits in a landmark, so a screen reader's landmark list reaches it: these fail at any impact. */
const blocks = (v: { id: string; impact?: string | null }): boolean => BLOCKING.has(v.impact ?? '') || v.id === 'region' || v.id.startsWith('landmark-');

/**
 * Runs axe-core over the page as it is and fails on every critical or
 * serious violation and on content outside the landmarks, listing each (rule, impact, element, what to fix) so
 * the failure says what to change without a rerun.
 */
async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations.filter(blocks);
  const report = blocking.flatMap((v) => v.nodes.map((n) =>
    `[${v.impact}] ${v.id} at ${n.target.join(' ')}: ${v.help}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`));
  if (report.length > 0) console.log(`axe, ${view}:\n${report.join('\n')}`);
  const lesser = violations.filter((v) => !blocks(v)).map((v) => `[${v.impact}] ${v.id} (${v.nodes.length}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  if (lesser.length > 0) console.log(`axe, lesser in ${view}:\n${lesser.join('\n')}`);
  expect.soft(report, `critical or serious axe-core violations in ${view}`).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe-core finds nothing critical or serious (${colorScheme})`, () => {
    test.use({ colorScheme });
    // Each analysis takes seconds on a busy machine; a test runs up to six.
    test.setTimeout(180_000);

    test('the empty editor, the shortcuts help and the problems panel with problems', async ({ page }) => {
      const editor = new EditorPage(page);
      await editor.goto();
      await expectNoSeriousViolations(page, 'the empty editor');

      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await expect(page.getByRole('region', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectNoSeriousViolations(page, 'the shortcuts help');
      await page.keyboard.press('Escape');

      // A filter with no input and an empty condition has problems, listed in the dock.
      await editor.addWithKeyboard('transform.filter');
      await expect(editor.problems.getByRole('listitem').first()).toBeVisible();
      await expectNoSeriousViolations(page, 'the problems panel with problems');

      // The keyboard's "Connect" dialog, on the filter, offering the sample stream as its input.
      await editor.addWithKeyboard('source.sample');
      await page.keyboard.press('c');
      await expect(page.getByRole('dialog', { name: 'Connect sample1' }).getByRole('button', { name: /^filter1/ })).toBeVisible();
      await expectNoSeriousViolations(page, 'the Connect dialog');
    });

    test('the gallery, an example with a node selected, and the example running', async ({ page }) => {
      const bar = new DocumentsBar(page);
      const editor = new EditorPage(page);
      const results = new ResultsPage(page);
      await bar.goto();
      await bar.button('New from example').click();
      await expect(page.getByRole('dialog', { name: 'New from example' })).toBeVisible();
      await expectNoSeriousViolations(page, 'the gallery dialog');
      await page.keyboard.press('Escape');

      await bar.newFromExample(DASHBOARD);
      await editor.clickNode('fiveSeconds');
      await expect(editor.inspector.getByRole('textbox', { name: 'Node name' })).toHaveAttribute('placeholder', 'fiveSeconds');
      await expectNoSeriousViolations(page, 'an example with a node selected');

      await results.run('10');
      await expect(results.tab('Average temperature')).toHaveAttribute('aria-selected', 'true');
      await expect.poll(() => results.chartPoints('temperatureChart'), { timeout: 10_000 }).toBeGreaterThan(0);
      await results.pauseButton.click();
      await expectNoSeriousViolations(page, 'the run with a chart tab');

      await results.tab('Window results').click();
      await expect.poll(() => results.tableRows('windowTable')).toBeGreaterThan(0);
      await expectNoSeriousViolations(page, 'the run with a table tab');

      await editor.clickNode('byDevice');
      await expect(results.previewRows().first()).toBeVisible();
      await expectNoSeriousViolations(page, 'the run with a node preview');

      // Open the timeline, go on running until it draws, pause.
      await results.tab('Timeline').click();
      await results.runButton.click();
      await expect(page.getByTestId('timeline-canvas')).toBeVisible({ timeout: 10_000 });
      await results.pauseButton.click();
      await expectNoSeriousViolations(page, 'the run with the timeline');
    });
  });
}
