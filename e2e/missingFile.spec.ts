import { nabFile } from './exampleFiles';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { InspectorPanel } from './pages/InspectorPanel';
import { RunControls } from './pages/RunControls';

const FILE = 'machine_temperature_system_failure.csv';
const NEEDS = `Has no data: choose its data file ${FILE} with the node's Choose file button`;

test.describe('a file source without its data', () => {
  test('is a problem of its node before any Run, the one a Run refuses with, and choosing the file clears it', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const bar = new DocumentsBar(page);
    await bar.goto();
    // The example ships without its file and still opens.
    await bar.newFromExample('Machine temperature failure');
    await expect(bar.notice).toContainText('Opened “Machine temperature failure”');
    const node = page.getByTestId('canvas').locator('.react-flow__node[data-id="machine"]');
    await expect(node).toContainText(`Needs ${FILE}`);

    const inspector = new InspectorPanel(page);
    await page.getByRole('tab', { name: /^Problems/ }).click();
    await expect(inspector.problemCount).toHaveText('1');
    await expect(inspector.problemsOf('Machine temperature')).toHaveText([NEEDS]);
    await expect(inspector.problems).not.toContainText('No problems');
    await page.screenshot({ path: test.info().outputPath('missing-file-problem.png') });

    // Its settings panel says it too, and clicking the problem selects the node.
    await inspector.problemsOf('Machine temperature').click();
    await inspector.expectNode('machine');
    await expect(inspector.nodeProblems).toContainText(NEEDS);

    const run = new RunControls(page);
    await run.runButton.click();
    await expect(run.problem).toContainText(`Can't run: node 'machine': has no data: choose its data file ${FILE}`);
    // The Run's reason is the problem listed already: said once.
    await expect(inspector.problemCount).toHaveText('1');
    await expect(inspector.problemsOf('Machine temperature')).toHaveText([NEEDS]);
    await page.screenshot({ path: test.info().outputPath('missing-file-run-refused.png') });

    const chooser = page.waitForEvent('filechooser');
    await node.getByRole('button', { name: /^Choose file/ }).click();
    await (await chooser).setFiles(nabFile(FILE));
    await expect(node.getByRole('button', { name: /Choose file/ })).toHaveCount(0);
    await expect(inspector.problemCount).toHaveText('0');
    await expect(inspector.allClear).toContainText('No problems');
  });
});
