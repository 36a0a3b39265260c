import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { EditorPage } from './pages/EditorPage';
import { InspectorPanel } from './pages/InspectorPanel';
import { clickVisibleNode } from './revealNode';

/** A sensor pipeline with a node of every kind the inspector treats specially. */
const PIPELINE = {
  format: 'windowpane.pipeline', version: 1, name: 'Hot devices',
  nodes: [
    { id: 'src', kind: 'source.sample', position: { x: 0, y: 0 }, params: { stream: 'sensors', limit: 1000, maxOutOfOrderness: '2s' } },
    { id: 'hot', kind: 'transform.filter', position: { x: 220, y: 0 }, params: { expr: 'temperature > 20' } },
    { id: 'byDevice', kind: 'transform.keyBy', position: { x: 440, y: 0 }, params: { fields: ['device'] } },
    { id: 'perMinute', kind: 'window.tumbling', position: { x: 660, y: 0 }, params: { size: '1m' } },
    { id: 'stats', kind: 'aggregate', position: { x: 880, y: 0 }, params: { aggregations: [{ name: 'readings', fn: 'count' }, { name: 'average', fn: 'avg', field: 'temperature' }] } },
    { id: 'out', kind: 'sink.collect', position: { x: 1100, y: 0 } },
  ],
  edges: [
    { id: 'e1', from: 'src', to: 'hot' },
    { id: 'e2', from: 'hot', to: 'byDevice' },
    { id: 'e3', from: 'byDevice', to: 'perMinute' },
    { id: 'e4', from: 'perMinute', to: 'stats' },
    { id: 'e5', from: 'stats', to: 'out' },
  ],
};

/** Opens the pipeline above as a document of its own (ids kept), with nothing selected. */
async function openPipeline(page: Page): Promise<InspectorPanel> {
  const bar = new DocumentsBar(page);
  await bar.goto();
  await bar.pasteJson(JSON.stringify(PIPELINE));
  await expect(bar.name).toHaveValue('Hot devices');
  // It opens at a readable zoom from its source, wider than a 1280 px window: all of it in view to click any node.
  await new EditorPage(page).fitView();
  const inspector = new InspectorPanel(page);
  await expect(inspector.problemCount).toHaveText('0');
  return inspector;
}

async function select(editor: EditorPage, inspector: InspectorPanel, id: string): Promise<void> {
  await clickVisibleNode(editor, id);
  await inspector.expectNode(id);
}

test.describe('inspector', () => {
  test('shows the pipeline when nothing is selected, and a node\'s kind, help and params when one is', async ({ page, editor, consoleErrors }) => {
    const inspector = await openPipeline(page);
    await expect(inspector.panel.getByRole('heading', { name: 'Hot devices' })).toBeVisible();
    await expect(inspector.summaryStat('Nodes')).toHaveText('6');
    await expect(inspector.summaryStat('Edges')).toHaveText('5');
    await expect(inspector.summaryStat('Problems')).toHaveText('0');

    await select(editor, inspector, 'perMinute');
    await expect(inspector.panel.getByText('window.tumbling', { exact: true })).toBeVisible();
    await expect(inspector.panel.getByText(/back-to-back windows of one fixed size/)).toBeVisible();
    await expect(inspector.field('Size')).toHaveValue('1m');
    await expect(inspector.field('Allowed lateness')).toHaveAttribute('placeholder', '0ms (default)');
    await expect(inspector.panel.getByText(/after the watermark passes the window end a late event still updates the result/)).toBeVisible();
    await expect(inspector.field('Time')).toHaveValue('event');
    await expect(inspector.noNodeProblems).toBeVisible();

    await inspector.nodeName.fill('Per minute');
    await inspector.nodeName.press('Enter');
    await expect(editor.nodeLocator('perMinute')).toContainText('Per minute');
    expect(consoleErrors).toEqual([]);
  });

  test('keeps an invalid duration with its error beside it, and the problems panel follows every commit', async ({ page, editor }) => {
    const inspector = await openPipeline(page);
    await select(editor, inspector, 'perMinute');

    await inspector.type('Size', '5 minutes');
    await expect(inspector.field('Size')).toHaveValue('5 minutes');
    await expect(inspector.messagesOf('Size')).toHaveText(['Size must be a duration like 30s or 5m']);
    await expect(inspector.nodeProblems).toContainText("Size must be a duration like 30s or 5m, got '5 minutes'");
    await expect(inspector.problemCount).toHaveText('1');
    await expect(inspector.problemsOf('perMinute')).toHaveText(["Size must be a duration like 30s or 5m, got '5 minutes'"]);

    await inspector.type('Size', '1.5m');
    await expect(inspector.messagesOf('Size')).toHaveCount(0);
    await expect(inspector.panel.getByText('= 90s')).toBeVisible();
    await expect(inspector.problemCount).toHaveText('0');
    await expect(inspector.allClear).toContainText('No problems');

    // An offset as long as the window is the document's problem, not the field's: it shows beside the field too.
    await inspector.type('Offset', '90s');
    await expect(inspector.messagesOf('Offset')).toHaveText([/Offset must be smaller than size/]);
  });

  test('offers the fields that reach a node, with their types, and only those a function can read', async ({ page, editor }) => {
    const inspector = await openPipeline(page);
    await select(editor, inspector, 'stats');
    const field = inspector.field('Field of aggregation 2');
    await expect(inspector.options('Field of aggregation 2')).toHaveText(['temperature · number', 'humidity · number']);

    await inspector.field('Function of aggregation 2').selectOption('max');
    await expect(inspector.options('Field of aggregation 2')).toHaveText(['ts · time', 'temperature · number', 'humidity · number']);
    await field.selectOption('humidity');
    await expect(field).toHaveValue('humidity');

    await inspector.field('Function of aggregation 2').selectOption('percentile');
    await expect(inspector.field('Quantile (q) of aggregation 2')).toHaveValue('0.95');

    await select(editor, inspector, 'byDevice');
    const keys = inspector.panel.getByRole('group', { name: /Key fields/ });
    await expect(keys.getByRole('checkbox', { name: /device/ })).toBeChecked();
    await keys.getByRole('checkbox', { name: /humidity/ }).check();
    await expect(keys).toContainText('key: device, humidity');
    await expect(inspector.problemCount).toHaveText('0');
  });

  test('shows an expression\'s error at its column, and clicking its problem selects the node', async ({ page, editor }) => {
    const inspector = await openPipeline(page);
    await select(editor, inspector, 'hot');
    const condition = inspector.field('Condition');
    await expect(condition).toHaveValue('temperature > 20');

    await condition.fill('temperature > 20 && humdity < 50');
    const error = inspector.expressionError('Condition');
    await expect(error.box).toHaveAttribute('data-column', '21');
    await expect(error.text).toHaveText("Column 21: Unknown field 'humdity' (did you mean 'humidity'?)");
    await expect(error.caret).toHaveText(`temperature > 20 && humdity < 50\n${' '.repeat(20)}^`);
    await condition.press('Enter');
    await expect(inspector.problemCount).toHaveText('1');
    await expect(inspector.problemsOf('hot')).toHaveText([/column 21: unknown field 'humdity'/]);

    await select(editor, inspector, 'perMinute');
    await inspector.clickProblem(/unknown field 'humdity'/);
    await inspector.expectNode('hot');
    await expect.poll(() => editor.selectedNodeIds()).toEqual(['hot']);

    await inspector.type('Condition', 'temperature > 20 && humidity < 50');
    await expect(error.box).toHaveCount(0);
    await expect(inspector.problemCount).toHaveText('0');
    await expect(inspector.allClear).toBeVisible();
  });

  test('makes one undo step of a typed value, and follows the document back', async ({ page, editor }) => {
    const inspector = await openPipeline(page);
    await select(editor, inspector, 'perMinute');
    const size = inspector.field('Size');
    await size.selectText();
    await size.pressSequentially('90s');
    await size.blur();
    await expect(inspector.problemCount).toHaveText('0');
    await editor.undo();
    await expect(size).toHaveValue('1m');
    await editor.redo();
    await expect(size).toHaveValue('90s');
  });

  test('says how many things are selected, and shows the pipeline again when nothing is', async ({ page, editor }) => {
    const inspector = await openPipeline(page);
    await clickVisibleNode(editor, 'hot');
    await clickVisibleNode(editor, 'stats', ['ControlOrMeta']);
    await expect(inspector.panel.getByRole('heading', { name: '2 nodes selected' })).toBeVisible();
    await inspector.panel.getByRole('button', { name: /stats/ }).click();
    await inspector.expectNode('stats');
    await editor.clickEmptyCanvas();
    await expect(inspector.panel.getByRole('heading', { name: 'Hot devices' })).toBeVisible();
  });
});
