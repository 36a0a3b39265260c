import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import type { EditorPage } from './pages/EditorPage';
import { InspectorPanel } from './pages/InspectorPanel';
import { ResultsPage } from './pages/ResultsPage';
import { clickVisibleNode } from './revealNode';

/** Ten sensors, keyed and windowed per second, an aggregate, and a chart of three of them beside a table. */
const PIPELINE = {
  format: 'windowpane.pipeline', version: 1, name: 'Sensors per second',
  nodes: [
    { id: 'src', kind: 'source.sample', position: { x: 0, y: 0 }, params: { stream: 'sensors', rate: 1000, keys: 10, limit: 1000000, seed: 1, maxOutOfOrderness: '2s' } },
    { id: 'byDevice', kind: 'transform.keyBy', position: { x: 0, y: 140 }, params: { fields: ['device'] } },
    { id: 'perSecond', kind: 'window.tumbling', position: { x: 0, y: 280 }, params: { size: '1s' } },
    { id: 'stats', kind: 'aggregate', position: { x: 240, y: 0 }, params: { aggregations: [{ name: 'count', fn: 'count' }, { name: 'avg_temperature', fn: 'avg', field: 'temperature' }] } },
    { id: 'chart', kind: 'sink.chart', position: { x: 240, y: 140 }, params: { y: 'avg_temperature', topKeys: 3 } },
    { id: 'table', kind: 'sink.table', position: { x: 240, y: 280 }, params: { maxRows: 1000 } },
  ],
  edges: [
    { id: 'e1', from: 'src', to: 'byDevice' },
    { id: 'e2', from: 'byDevice', to: 'perSecond' },
    { id: 'e3', from: 'perSecond', to: 'stats' },
    { id: 'e4', from: 'stats', to: 'chart' },
    { id: 'e5', from: 'stats', to: 'table' },
  ],
};

async function openPipeline(page: Page): Promise<InspectorPanel> {
  const bar = new DocumentsBar(page);
  await bar.goto();
  await bar.pasteJson(JSON.stringify(PIPELINE));
  await expect(bar.name).toHaveValue('Sensors per second');
  const inspector = new InspectorPanel(page);
  await expect(inspector.problemCount).toHaveText('0');
  return inspector;
}

async function select(editor: EditorPage, inspector: InspectorPanel, id: string): Promise<void> {
  await clickVisibleNode(editor, id);
  await inspector.expectNode(id);
}

test.describe('building a pipeline without traps', () => {
  test('a chart\'s y and series are picked from the fields reaching it, and a field that left stays, marked', async ({ page, editor }) => {
    const inspector = await openPipeline(page);
    await select(editor, inspector, 'chart');
    const y = inspector.field('Y field');
    await expect(y).toHaveValue('avg_temperature');
    // Numbers and times only: the key (a string) is not offered.
    await expect(inspector.options('Y field')).toHaveText(['window_start · time', 'window_end · time', 'count · number', 'avg_temperature · number', 'revision · number']);
    await y.selectOption('count');
    await expect(y).toHaveValue('count');

    const series = inspector.panel.getByRole('group', { name: /Series fields/ });
    await expect(series).toContainText('default: device');
    await series.getByRole('checkbox', { name: /^device/ }).check();
    await expect(series).toContainText('by: device');
    await series.getByRole('checkbox', { name: /^device/ }).uncheck();
    await expect(series).toContainText('default: device');
    await expect(inspector.problemCount).toHaveText('0');

    // The aggregate stops computing count: the chart keeps it, marked, with its problem.
    await select(editor, inspector, 'stats');
    await inspector.panel.getByRole('button', { name: 'Remove aggregation 1' }).click();
    await select(editor, inspector, 'chart');
    await expect(y).toHaveValue('count');
    await expect(y.locator('option:checked')).toHaveText('count (not in the input)');
    await expect(y).toHaveAttribute('aria-invalid', 'true');
    await expect(inspector.messagesOf('Y field')).toHaveText([/unknown field 'count'/]);
  });

  test('a new aggregation is named after its function and field until the user names it', async ({ page, editor }) => {
    const inspector = await openPipeline(page);
    await select(editor, inspector, 'stats');
    await inspector.panel.getByRole('button', { name: '+ Add aggregation' }).click();
    const name = inspector.field('Name of aggregation 3');
    await expect(name).toHaveValue('count2');
    await inspector.field('Function of aggregation 3').selectOption('max');
    await expect(name).toHaveValue('max_ts');
    await inspector.field('Field of aggregation 3').selectOption('humidity');
    await expect(name).toHaveValue('max_humidity');
    await inspector.field('Function of aggregation 3').selectOption('percentile');
    await expect(name).toHaveValue('p95_humidity');

    await inspector.type('Name of aggregation 3', 'wettest');
    await inspector.field('Function of aggregation 3').selectOption('max');
    await expect(inspector.field('Function of aggregation 3')).toHaveValue('max');
    await expect(name).toHaveValue('wettest');
    await expect(inspector.problemCount).toHaveText('0');
  });

  test('renaming a result renames it in the chart that plots it, as one undo step', async ({ page, editor }) => {
    const inspector = await openPipeline(page);
    await select(editor, inspector, 'stats');
    await inspector.type('Name of aggregation 2', 'mean_temperature');
    await expect(inspector.problemCount).toHaveText('0');
    await select(editor, inspector, 'chart');
    await expect(inspector.field('Y field')).toHaveValue('mean_temperature');

    await editor.undo();
    await expect(inspector.field('Y field')).toHaveValue('avg_temperature');
    await select(editor, inspector, 'stats');
    await expect(inspector.field('Name of aggregation 2')).toHaveValue('avg_temperature');
    await expect(inspector.problemCount).toHaveText('0');
  });

  test('a chart with more keys than topKeys says how many series it hides, and shows them when asked', async ({ page }) => {
    await openPipeline(page);
    const results = new ResultsPage(page);
    await results.run('10');
    await expect(results.tab('chart')).toHaveAttribute('aria-selected', 'true');
    const view = results.sinkView('chart');
    await expect(results.chart('chart')).toHaveAttribute('data-series', '3');
    await expect(view.getByRole('status')).toHaveText(/^7 more series hidden \(topKeys is 3\)/);
    await view.getByRole('button', { name: 'Show all' }).click();
    await expect(results.chart('chart')).toHaveAttribute('data-series', '10');
    await expect(view.getByRole('status')).toHaveText(/^All 10 series drawn/);
    await view.getByRole('button', { name: 'Top 3 only' }).click();
    await expect(results.chart('chart')).toHaveAttribute('data-series', '3');
    await results.stopButton.click();
  });
});
