import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NYC_TAXI } from './exampleFiles';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { EditorPage } from './pages/EditorPage';
import { ResultsPage } from './pages/ResultsPage';

/** What a collect sink's table keeps (COLLECT_ROWS in src/worker/protocol.ts). */
const COLLECT_ROWS = 10_000;
/** What a log view keeps (LOG_ROWS in src/worker/protocol.ts). */
const LOG_ROWS = 1_000;

interface ExampleNode {
  readonly id: string;
  readonly kind: string;
  readonly name?: string;
  readonly params?: Record<string, unknown>;
}

const EXAMPLES_DIR = join(import.meta.dirname, '..', 'examples');
const examples = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')).sort().map((file) => {
  const doc = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as { name: string; nodes: ExampleNode[] };
  return { file, name: doc.name, nodes: doc.nodes };
});

test.describe('every collect sink of the examples shows its rows', () => {
  for (const example of examples) {
    const collects = example.nodes.filter((n) => n.kind === 'sink.collect');
    if (collects.length === 0) continue;
    test(`${example.file}: Run fills a results table per collect sink`, async ({ page }) => {
      const bar = new DocumentsBar(page);
      await bar.goto();
      await bar.newFromExample(example.name);
      // A file source without inline data runs once it is given its file, as a user gives it: Choose file on the node.
      const chooseFile = page.getByTestId('canvas').getByRole('button', { name: /^Choose file/ });
      if (example.nodes.some((n) => n.kind === 'source.file' && n.params?.data === undefined)) {
        const chooser = page.waitForEvent('filechooser');
        await chooseFile.click();
        await (await chooser).setFiles(NYC_TAXI);
        await expect(chooseFile).toHaveCount(0);
      }
      const results = new ResultsPage(page);
      await results.runToEnd();
      for (const sink of collects) {
        const tab = results.tab(sink.name ?? sink.id);
        await tab.click();
        await expect(tab).toHaveAttribute('aria-selected', 'true');
        // The table holds what the sink received (its newest COLLECT_ROWS), once the last figures and redraw are in.
        await expect.poll(async () => {
          const received = (await results.sinkCounts()).get(sink.name ?? sink.id) ?? 0;
          return received > 0 && (await results.tableRows(sink.id)) === Math.min(received, COLLECT_ROWS);
        }).toBe(true);
        await expect(results.table(sink.id).getByRole('row').nth(1)).toBeVisible();
      }
    });
  }
});

/** Sensors -> keyBy -> tumbling 5 s (no lateness) -> count -> collect; late readings and raw readings to logs. */
const LATE_SENSORS = JSON.stringify({
  format: 'windowpane.pipeline',
  version: 1,
  name: 'Late sensor readings',
  nodes: [
    { id: 'sensors', kind: 'source.sample', position: { x: 0, y: 0 }, params: { stream: 'sensors', rate: 100, keys: 4, limit: 3000, seed: 9, maxOutOfOrderness: '1s', lateFraction: 0.05 } },
    { id: 'byDevice', kind: 'transform.keyBy', position: { x: 220, y: 0 }, params: { fields: ['device'] } },
    { id: 'fiveSeconds', kind: 'window.tumbling', position: { x: 440, y: 0 }, params: { size: '5s' } },
    { id: 'counts', kind: 'aggregate', position: { x: 660, y: 0 }, params: { aggregations: [{ name: 'n', fn: 'count' }] } },
    { id: 'results', kind: 'sink.collect', position: { x: 880, y: 0 } },
    { id: 'late', kind: 'sink.log', name: 'Late readings', position: { x: 660, y: 160 }, params: { limit: 5 } },
    { id: 'raw', kind: 'sink.log', name: 'Raw readings', position: { x: 220, y: 160 }, params: { limit: 5 } },
  ],
  edges: [
    { id: 'e1', from: 'sensors', to: 'byDevice' },
    { id: 'e2', from: 'byDevice', to: 'fiveSeconds' },
    { id: 'e3', from: 'fiveSeconds', to: 'counts' },
    { id: 'e4', from: 'counts', to: 'results' },
    { id: 'e5', from: 'fiveSeconds', to: 'late', fromPort: 'late' },
    { id: 'e6', from: 'sensors', to: 'raw' },
  ],
});

test.describe('log sinks and late events', () => {
  test.beforeEach(async ({ page }) => {
    const bar = new DocumentsBar(page);
    await bar.goto();
    await bar.pasteJson(LATE_SENSORS);
    await expect(bar.name).toHaveValue('Late sensor readings');
    // The "Opened ..." notice lies over the top row of nodes: a user closes it before clicking them. (A click
    // it intercepts makes Playwright retry with forced scrolling of React Flow's wrapper, which React Flow
    // scrolls back at once, so the retried click can land on the pane.)
    const notice = page.locator('.wp-docs-notice');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toBeHidden();
    await new ResultsPage(page).runToEnd();
  });

  test('a log sink shows every line it received in a log tab that follows the newest and scrolls back', async ({ page }) => {
    const results = new ResultsPage(page);
    await results.tab('Raw readings').click();
    const log = results.log('raw');
    await expect(log).toHaveAttribute('data-received', '3000');
    await expect(log).toHaveAttribute('data-lines', String(LOG_ROWS));
    await expect(log).toContainText('3,000 lines (the newest 1,000 kept)');
    const lines = log.getByRole('log', { name: 'Log of Raw readings' });
    // It follows the newest line: scrolled to the bottom.
    await expect.poll(() => lines.evaluate((e) => e.scrollHeight - e.clientHeight - e.scrollTop)).toBeLessThan(2);
    expect(await lines.evaluate((e) => e.scrollHeight > e.clientHeight * 10)).toBe(true);
    await expect(lines.locator('.wp-log-line').last()).toContainText(/^ts=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} {2}device=sensor-\d+ {2}temperature=[\d.]+ {2}humidity=[\d.]+$/);
    // Scrolled back to the top, it shows the oldest line kept and stays there.
    await lines.evaluate((e) => { e.scrollTop = 0; });
    await expect(lines.locator('.wp-log-line').first()).toBeInViewport();
    expect(await lines.evaluate((e) => e.scrollTop)).toBe(0);

    // The late events went to their own log, with the input's fields.
    await results.tab('Late readings').click();
    const late = (await results.sinkCounts()).get('Late readings') ?? 0;
    expect(late).toBeGreaterThan(0);
    await expect(results.log('late')).toHaveAttribute('data-received', String(late));
    await expect(results.log('late').locator('.wp-log-line').first()).toContainText(/^ts=\S+ \S+ {2}device=sensor-\d+ {2}temperature=/);
  });

  test('a window\'s Late tab lists the late events with their own fields and values', async ({ page }) => {
    const results = new ResultsPage(page);
    await new EditorPage(page).clickNode('fiveSeconds');
    await expect(results.preview).toHaveAttribute('data-node', 'fiveSeconds');
    await results.preview.getByRole('button', { name: /^Late/ }).click();
    await expect(results.previewHeaders()).toHaveText(['tstime', 'devicestring', 'temperaturenumber', 'humiditynumber']);
    await expect(results.previewRows().first().locator('td')).toHaveText([/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/, /^sensor-\d+$/, /^[\d.]+$/, /^[\d.]+$/]);
    await results.preview.getByRole('button', { name: /^Output/ }).click();
    await expect(results.previewHeaders()).toHaveText(['revisionnumber', 'window_starttime', 'window_endtime', 'devicestring', 'nnumber']);
  });
});
