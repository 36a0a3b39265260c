import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { EditorPage } from './pages/EditorPage';
import { InspectorPanel } from './pages/InspectorPanel';
import { clickVisibleNode } from './revealNode';

/** examples/sensor-averages.json: sensors -> byDevice -> minute (tumbling 1m) -> stats -> results. */
const SENSORS = 'Sensor averages per device per minute';
/** examples/nexmark-q5-hot-items.json: bids -> byAuction -> sliding (hopping 10s every 2s) -> bidCount -> results. */
const NEXMARK = 'Nexmark Q5: hot items';

/** A pipeline with a count window, which Flink SQL cannot express. */
const COUNT_WINDOW = JSON.stringify({
  format: 'windowpane.pipeline',
  version: 1,
  name: 'Every hundred readings',
  nodes: [
    { id: 'sensors', kind: 'source.sample', position: { x: 0, y: 0 }, params: { stream: 'sensors', rate: 50, keys: 5, limit: 1000, seed: 1, maxOutOfOrderness: '1s' } },
    { id: 'byDevice', kind: 'transform.keyBy', position: { x: 220, y: 0 }, params: { fields: ['device'] } },
    { id: 'hundred', kind: 'window.count', name: 'Hundred readings', position: { x: 440, y: 0 }, params: { size: 100 } },
    { id: 'stats', kind: 'aggregate', position: { x: 660, y: 0 }, params: { aggregations: [{ name: 'avg_temperature', fn: 'avg', field: 'temperature' }] } },
    { id: 'results', kind: 'sink.collect', position: { x: 880, y: 0 } },
  ],
  edges: [
    { id: 'e1', from: 'sensors', to: 'byDevice' },
    { id: 'e2', from: 'byDevice', to: 'hundred' },
    { id: 'e3', from: 'hundred', to: 'stats' },
    { id: 'e4', from: 'stats', to: 'results' },
  ],
});

/** The Flink SQL panel as a user sees it. */
class FlinkSqlPanel {
  readonly panel: Locator;
  readonly script: Locator;
  readonly lines: Locator;
  readonly gaps: Locator;
  readonly problems: Locator;
  readonly marks: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('complementary', { name: 'Flink SQL export' });
    this.script = this.panel.getByRole('textbox', { name: 'Flink SQL script' });
    this.lines = this.panel.locator('.cm-line');
    this.gaps = this.panel.getByRole('region', { name: /^Gaps and differences/ });
    this.problems = this.panel.getByTestId('flink-sql-problems');
    this.marks = this.panel.getByTestId('flink-sql-marks');
  }

  /** Export > Flink SQL. */
  async open(bar: DocumentsBar): Promise<void> {
    await bar.bar.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'Flink SQL' }).click();
    await expect(this.panel).toBeVisible();
  }

  button(name: string): Locator {
    return this.panel.getByRole('button', { name, exact: true });
  }

  /** The script as the view shows it: every line's text (the examples' scripts are short enough for CodeMirror to draw them all). */
  async text(): Promise<string> {
    return (await this.lines.evaluateAll((els) => els.map((el) => el.textContent ?? ''))).join('\n');
  }

  /** The line holding `text`. */
  line(text: string): Locator {
    return this.lines.filter({ hasText: text }).first();
  }
}

const lit = (editor: EditorPage, id: string): Locator => editor.nodeLocator(id).locator('.wp-node.is-lit');

test.describe('the Flink SQL panel', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('Export > Flink SQL shows the example as a script that follows an edit of the window size; an invalid pipeline shows its problems', async ({ page, editor }) => {
    const bar = new DocumentsBar(page);
    const inspector = new InspectorPanel(page);
    const flink = new FlinkSqlPanel(page);
    await editor.goto();
    await bar.newFromExample(SENSORS);
    await flink.open(bar);
    await expect(flink.panel.getByRole('region', { name: 'Flink SQL' })).toBeFocused();
    await expect(flink.script).toContainText('CREATE TABLE');
    await expect(flink.script).toContainText('TUMBLE(');
    await expect(flink.script).toContainText("INTERVAL '1' MINUTE");
    await expect(flink.script).toContainText('INSERT INTO');

    await clickVisibleNode(editor, 'minute');
    await inspector.expectNode('minute');
    // The window's statement is marked for the selected node, and the status says so in words.
    await expect(flink.panel.locator('.cm-line[data-marked]').filter({ hasText: 'TUMBLE(' })).not.toHaveCount(0);
    await expect(flink.marks).toContainText('from “minute” marked');

    await inspector.type('Size', '30s');
    await expect(flink.script).toContainText("INTERVAL '30' SECOND");
    await expect(flink.script).not.toContainText("INTERVAL '1' MINUTE");

    await inspector.type('Size', 'five minutes');
    await expect(flink.problems).toBeVisible();
    await expect(flink.problems).toContainText('size');
    await expect(flink.script).toHaveCount(0);
    await inspector.type('Size', '2m');
    await expect(flink.script).toContainText("INTERVAL '2' MINUTE");
  });

  test('a hopping window becomes HOP, and a source connector chosen in the panel is the one in its CREATE TABLE, per pipeline', async ({ page, editor }) => {
    const bar = new DocumentsBar(page);
    const flink = new FlinkSqlPanel(page);
    await editor.goto();
    await bar.newFromExample(NEXMARK);
    await flink.open(bar);
    await expect(flink.script).toContainText('HOP(');
    const source = flink.panel.getByRole('combobox', { name: /^bids/ });
    await expect(source.locator('option:checked')).toHaveText('Datagen (default)');
    await expect(flink.script).toContainText("'connector' = 'datagen'");
    await source.selectOption('kafka');
    await expect(flink.script).toContainText("'connector' = 'kafka'");
    await expect(flink.script).not.toContainText("'connector' = 'datagen'");

    // Another pipeline has its own choices; coming back finds this one's.
    await bar.newFromExample(SENSORS);
    await expect(flink.panel.getByRole('combobox', { name: /^sensors/ }).locator('option:checked')).toHaveText('Datagen (default)');
    await expect(flink.script).toContainText("'connector' = 'datagen'");
    await bar.openPipeline(NEXMARK);
    await expect(source.locator('option:checked')).toHaveText('Kafka');
    await expect(flink.script).toContainText("'connector' = 'kafka'");
  });

  test('a count window is listed with its reason, and choosing it selects the node', async ({ page, editor }) => {
    const bar = new DocumentsBar(page);
    const flink = new FlinkSqlPanel(page);
    await editor.goto();
    await bar.pasteJson(COUNT_WINDOW);
    await expect(bar.name).toHaveValue('Every hundred readings');
    await flink.open(bar);
    await expect(flink.script).toContainText('CREATE TABLE');
    const gap = flink.gaps.getByRole('listitem').filter({ hasText: 'Hundred readings' });
    await expect(gap).toHaveAttribute('data-severity', 'unmappable');
    // Severity in words, not only in colour.
    await expect(gap).toContainText('Left out');
    await expect(gap).toContainText(/count window/i);
    await gap.getByRole('button').click();
    await expect.poll(() => editor.selectedNodeIds()).toEqual(['hundred']);
  });

  test('Copy puts the script on the clipboard and Download saves the same text as a .sql file named after the pipeline', async ({ page, editor }) => {
    const bar = new DocumentsBar(page);
    const flink = new FlinkSqlPanel(page);
    await editor.goto();
    await bar.newFromExample(SENSORS);
    await flink.open(bar);
    await expect(flink.script).toContainText('INSERT INTO');
    const shown = await flink.text();

    await flink.button('Copy').click();
    await expect(flink.button('Copied')).toBeVisible();
    expect(await editor.readClipboard()).toBe(shown);
    await expect(flink.button('Copy')).toBeVisible();

    const download = page.waitForEvent('download');
    await flink.button('Download').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${SENSORS}.sql`);
    expect(await readFile(await file.path(), 'utf8')).toBe(shown);
  });

  test('a statement under the pointer, or holding the cursor, lights its nodes on the canvas', async ({ page, editor }) => {
    const bar = new DocumentsBar(page);
    const flink = new FlinkSqlPanel(page);
    await editor.goto();
    await bar.newFromExample(SENSORS);
    await flink.open(bar);
    await expect(flink.script).toContainText('TUMBLE(');
    await expect(lit(editor, 'minute')).toHaveCount(0);

    await flink.line('TUMBLE(').hover();
    await expect(lit(editor, 'minute')).toBeVisible();
    await expect(lit(editor, 'results')).toHaveCount(0);
    await expect(flink.marks).toContainText('Lit on the canvas');
    await page.mouse.move(5, 5);
    await expect(lit(editor, 'minute')).toHaveCount(0);

    // From the keyboard: the cursor's statement is lit while the script has the focus.
    await flink.script.focus();
    // The last line of the script's last statement, which writes the sink (past the end is the final line break).
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('ArrowUp');
    await expect(lit(editor, 'results')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(lit(editor, 'results')).toHaveCount(0);

    // Escape closes the panel and gives the focus back to Export > Flink SQL.
    await flink.script.focus();
    await page.keyboard.press('Escape');
    await expect(flink.panel).toHaveCount(0);
    await expect(bar.bar.getByRole('button', { name: 'Flink SQL' })).toBeFocused();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe-core finds nothing critical or serious in the panel, with a script and gaps (${colorScheme})`, async ({ page, editor }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme });
      const bar = new DocumentsBar(page);
      const flink = new FlinkSqlPanel(page);
      await editor.goto();
      await bar.pasteJson(COUNT_WINDOW);
      await flink.open(bar);
      await expect(flink.gaps.getByRole('listitem')).not.toHaveCount(0);
      await clickVisibleNode(editor, 'hundred');
      const { violations } = await new AxeBuilder({ page }).include('.wp-editor-flink').analyze();
      const serious = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
      const report = serious.flatMap((v) => v.nodes.map((n) => `[${v.impact}] ${v.id} at ${n.target.join(' ')}: ${v.help}`));
      expect(report).toEqual([]);
    });
  }
});
