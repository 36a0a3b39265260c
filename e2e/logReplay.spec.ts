/**
 * "Replay from..." on a WebSocket source in log mode: after a change to the
 * graph, the pipeline reruns over the log's history from earliest and the old
 * and new results show side by side.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type SampleServer } from '../server/createServer';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { EditorPage } from './pages/EditorPage';
import { InspectorPanel } from './pages/InspectorPanel';
import { ResultsPage } from './pages/ResultsPage';
import { OWN_SERVER_PORT } from './ports';
import { clickVisibleNode } from './revealNode';

/** A port of this spec's own server with a topic (the config's sample server keeps no topics). */
const LOG_PORT = OWN_SERVER_PORT + 5;
let dir: string;
let server: SampleServer;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wp-e2e-log-'));
  server = await createServer({ port: LOG_PORT, host: '127.0.0.1', topics: { dataDir: dir, partitions: 2, topics: [{ name: 'readings', stream: 'sensors', limit: 4000, seed: 5, keys: 3 }] } });
  await server.topics!.ready();
});
test.afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const pipeline = JSON.stringify({
  format: 'windowpane.pipeline', version: 1, name: 'Log replay',
  nodes: [
    { id: 'readings', kind: 'source.websocket', position: { x: 0, y: 0 }, params: {
      url: `ws://127.0.0.1:${LOG_PORT}/topics/readings`, eventTime: 'ts', maxOutOfOrderness: '0s',
      fields: [{ name: 'ts', type: 'number' }, { name: 'device', type: 'string' }, { name: 'temperature', type: 'number' }],
      log: { from: 'earliest' },
    } },
    { id: 'window', kind: 'window.tumbling', position: { x: 250, y: 0 }, params: { size: '1s' } },
    { id: 'count', kind: 'aggregate', position: { x: 500, y: 0 }, params: { aggregations: [{ name: 'n', fn: 'count' }] } },
    { id: 'counts', kind: 'sink.table', position: { x: 750, y: 0 } },
  ],
  edges: [{ id: 'e1', from: 'readings', to: 'window' }, { id: 'e2', from: 'window', to: 'count' }, { id: 'e3', from: 'count', to: 'counts' }],
});

test('Replay from earliest after a change shows the old and the new results side by side', async ({ page }) => {
  test.setTimeout(120_000);
  const bar = new DocumentsBar(page);
  await bar.goto();
  await bar.pasteJson(pipeline);
  const editor = new EditorPage(page);
  await expect(editor.nodes).toHaveCount(4);
  const results = new ResultsPage(page);
  await results.run('max');
  // 4,000 events at 1,000 a second: windows of 1 s fire as the watermark passes them (the last stays open, the log goes on).
  await expect.poll(() => results.tableRows('counts'), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);

  // The change: windows of 500 ms.
  const inspector = new InspectorPanel(page);
  await clickVisibleNode(editor, 'window');
  await inspector.expectNode('window');
  await inspector.type('Size', '500ms');
  await expect(inspector.field('Size')).toHaveValue('500ms');

  await clickVisibleNode(editor, 'readings');
  await inspector.expectNode('readings');
  await inspector.panel.getByRole('button', { name: 'Replay from…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replay from…' });
  await expect(dialog.getByRole('radio', { name: 'Earliest' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Replay' }).click();

  const before = dialog.getByRole('region', { name: 'Before the replay' });
  const after = dialog.getByRole('region', { name: 'Replayed' });
  await expect(before.getByRole('heading')).toHaveText(/^Before the replay \((\d+) results\)$/);
  const oldCount = Number(/\((\d+) results\)/.exec((await before.getByRole('heading').textContent()) ?? '')![1]);
  expect(oldCount).toBeGreaterThanOrEqual(3);
  // Before: the 1 s windows of the run before the change (the edit restarted the run); replayed from the first offset: 500 ms ones.
  await expect(before.locator('tbody tr').first().locator('td').nth(1)).toHaveText('1700000001000');
  await expect.poll(async () => after.locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2 * oldCount - 1);
  await expect(after.locator('tbody tr[data-side="same"]')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/i7-logsource/replay.png' });
});
