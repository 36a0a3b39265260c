import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { comparisonPipeline, livePipeline, sensorsUrl } from './livePipelines';
import { DocumentsBar } from './pages/DocumentsBar';
import { EditorPage } from './pages/EditorPage';
import { LiveSourcePage } from './pages/LiveSourcePage';
import { ResultsPage } from './pages/ResultsPage';
import { OWN_SERVER_PORT, SAMPLE_SERVER_PORT } from './ports';
import { SampleServerProcess } from './sampleServer';

/** The sample server playwright.config.ts starts beside the app, and a server of the reconnect test's own. */
const SERVER_PORT = SAMPLE_SERVER_PORT;

async function open(page: Page, pipelineJson: string, nodeCount: number): Promise<void> {
  const bar = new DocumentsBar(page);
  await bar.goto();
  await bar.pasteJson(pipelineJson);
  await expect(new EditorPage(page).nodes).toHaveCount(nodeCount);
}

/** The NDJSON download of a table sink, as sorted lines. */
async function tableLines(page: Page, results: ResultsPage, tab: string, sinkId: string): Promise<string[]> {
  await results.tab(tab).click();
  const download = page.waitForEvent('download');
  await results.table(sinkId).getByRole('button', { name: 'Download NDJSON' }).click();
  const text = await readFile(await (await download).path(), 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').sort();
}

test.describe('live data from the sample server', () => {
  test('the palette offers the server\'s streams, which add a configured WebSocket source', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.goto();
    const live = new LiveSourcePage(page);
    await expect(live.paletteStream('sensors')).toHaveText('Live: sensors');
    await live.paletteStream('payments').dblclick();
    await expect(editor.nodes).toHaveCount(1);
    const url = editor.inspector.getByLabel('URL', { exact: true });
    await expect(url).toHaveValue(new RegExp(`^ws://localhost:${SERVER_PORT}/streams/payments\\?rate=1000&keys=10&seed=1`));
    await expect(editor.inspector.getByTestId('stream-picker').getByRole('combobox')).toHaveValue('payments');
    await editor.inspector.getByTestId('stream-picker').getByRole('combobox').selectOption('trades');
    await expect(url).toHaveValue(/\/streams\/trades\?rate=1000/);
  });

  test('without the server the app says so quietly and works with its built-in sources', async ({ page }) => {
    const editor = new EditorPage(page);
    // Nothing listens on port 1: the first look fails (the app looks again with backoff, see sampleServerOffline.spec.ts).
    await editor.goto('/?server=http://localhost:1');
    await expect(page.getByTestId('sample-server-offline')).toHaveText(/^Sample server offline/, { timeout: 15_000 });
    await expect(new LiveSourcePage(page).paletteStream('sensors')).toHaveCount(0);
    await editor.paletteItem('source.sample').dblclick();
    await expect(editor.nodes).toHaveCount(1);
  });

  test('a WebSocket source gives the same windowed results as the built-in source with the same seed', async ({ page }) => {
    await open(page, comparisonPipeline(SERVER_PORT, 20_000), 10);
    const results = new ResultsPage(page);
    const live = new LiveSourcePage(page);
    await results.run('max');
    // The server ends the stream after its limit (code 1000), which ends the source like the end of a file.
    await expect(live.runPhase()).toHaveAttribute('data-phase', 'finished', { timeout: 60_000 });
    await expect(live.connection('live')).toHaveAttribute('data-state', 'closed');
    const builtIn = await tableLines(page, results, 'Built-in results', 'builtInTable');
    const fromServer = await tableLines(page, results, 'Live results', 'liveTable');
    expect(builtIn.length).toBeGreaterThan(20);
    expect(fromServer).toEqual(builtIn);
  });

  test('malformed messages raise the dead-letter count while the pipeline runs on', async ({ page }) => {
    await open(page, livePipeline(sensorsUrl(SERVER_PORT, { rate: 400, batch: 20, corrupt: 0.2 })), 5);
    const results = new ResultsPage(page);
    const live = new LiveSourcePage(page);
    await results.run();
    await expect(live.connection('live')).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
    await expect.poll(() => live.deadLetters('live'), { timeout: 15_000 }).toBeGreaterThan(0);
    const dead = await live.deadLetters('live');
    const rows = await live.rowsOut('live');
    await expect.poll(() => live.deadLetters('live'), { timeout: 15_000 }).toBeGreaterThan(dead);
    await expect.poll(() => live.rowsOut('live'), { timeout: 15_000 }).toBeGreaterThan(rows);
    await expect(live.runPhase()).toHaveAttribute('data-phase', 'running');
    await expect(live.connection('live')).toHaveAttribute('data-state', 'live');
  });

  test.describe('with a server of its own', () => {
    const server = new SampleServerProcess(OWN_SERVER_PORT);
    test.beforeAll(async () => { await server.start(); });
    test.afterAll(async () => { await server.stop(); });

    test('stopping the server shows reconnecting, and restarting it resumes the flow', async ({ page }) => {
      test.setTimeout(120_000);
      await open(page, livePipeline(sensorsUrl(OWN_SERVER_PORT, { rate: 200 })), 5);
      const results = new ResultsPage(page);
      const live = new LiveSourcePage(page);
      await results.run();
      await expect(live.connection('live')).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
      await expect.poll(() => live.rowsOut('live'), { timeout: 15_000 }).toBeGreaterThan(0);

      await server.stop();
      await expect(live.connection('live')).toHaveAttribute('data-state', 'reconnecting', { timeout: 15_000 });
      await expect(live.connection('live')).toHaveAttribute('title', /retry \d+ of \d+ in [\d.]+ s|reconnecting to/);
      await expect(live.runPhase()).toHaveAttribute('data-phase', 'running');
      const before = await live.rowsOut('live');

      await server.start();
      await expect(live.connection('live')).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
      await expect.poll(() => live.rowsOut('live'), { timeout: 15_000 }).toBeGreaterThan(before);
    });
  });
});
