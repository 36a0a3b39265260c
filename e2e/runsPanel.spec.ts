import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { livePipeline } from './livePipelines';
import { DocumentsBar } from './pages/DocumentsBar';
import { EditorPage } from './pages/EditorPage';
import { ResultsPage } from './pages/ResultsPage';
import { RunControls } from './pages/RunControls';
import { RunsPanel } from './pages/RunsPanel';
import { SAMPLE_SERVER_PORT } from './ports';

/** examples/sensor-averages.json: sensors -> byDevice -> minute -> stats -> results (a collect sink); 30,000 events, 55 results. */
const AVERAGES = 'Sensor averages per device per minute';

/** Critical or serious axe-core violations inside the Runs panel. */
async function panelViolations(page: import('@playwright/test').Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include('dialog[open]').analyze();
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`));
}

const nodeState = (page: import('@playwright/test').Page, nodeId: string) => page.locator(`.react-flow__node[data-id="${nodeId}"]`).getByTestId('node-state');

test.describe('the history of runs', () => {
  test('lists a completed and a failed run with their states, filters by state, and opens the completed run\'s results', async ({ page }) => {
    // Two axe-core analyses take seconds each on a busy machine.
    test.setTimeout(120_000);
    const bar = new DocumentsBar(page);
    const results = new ResultsPage(page);
    const run = new RunControls(page);
    const runs = new RunsPanel(page);
    await bar.goto();
    await bar.newFromExample(AVERAGES);
    await expect(new EditorPage(page).nodes).toHaveCount(5);
    await results.runToEnd();
    // Every node shows Completed once the end of input has passed through it.
    for (const id of ['sensors', 'byDevice', 'minute', 'stats', 'results']) await expect(nodeState(page, id)).toHaveAttribute('data-state', 'completed');
    await expect(nodeState(page, 'stats')).toHaveText('Completed');
    const shown = await results.results();
    expect(shown).toBeGreaterThan(0);

    // A WebSocket source on a stream the server does not have: refused (1008), so the source fails; the user stops the run.
    await bar.pasteJson(livePipeline(`ws://localhost:${SAMPLE_SERVER_PORT}/streams/weather`));
    await expect(bar.name).toHaveValue('Live sensors');
    await results.run('1');
    await expect(nodeState(page, 'live')).toHaveAttribute('data-state', 'failed');
    await expect(nodeState(page, 'live')).toHaveAttribute('title', /^Failed: refused by the server \(code 1008\): unknown stream 'weather'/);
    await expect(nodeState(page, 'liveStats')).toHaveText('Pending');
    await run.stop();
    await expect(nodeState(page, 'live')).toHaveCount(0);

    await runs.open();
    await expect(runs.rows).toHaveCount(2);
    expect(await runs.states()).toEqual(['Failed', 'Completed']);
    await expect(runs.row('Live sensors').getByTestId('run-state')).toHaveAttribute('title', /^Live sensors: refused by the server/);
    await expect(runs.row(AVERAGES)).toContainText('30,000');
    expect(await panelViolations(page)).toEqual([]);

    await runs.stateFilter.selectOption('Completed');
    await expect(runs.rows).toHaveCount(1);
    await expect(runs.rows.first()).toHaveAttribute('data-state', 'completed');
    await runs.stateFilter.selectOption('Failed');
    await expect(runs.rows).toHaveCount(1);
    await expect(runs.rows.first()).toContainText('Live sensors');
    await runs.stateFilter.selectOption('All states');
    await runs.pipelineFilter.selectOption(AVERAGES);
    await expect(runs.rows).toHaveCount(1);

    // The completed run: its figures per node and its results, in the results table the dock uses.
    await runs.openRun(AVERAGES);
    await expect(runs.detail.getByTestId('run-state')).toHaveText('Completed');
    const nodes = runs.detail.getByTestId('run-nodes');
    await expect(nodes.locator('tr[data-node="sensors"]')).toContainText('30,000');
    await expect(nodes.locator('tr[data-state="completed"]')).toHaveCount(5);
    const table = runs.detail.getByTestId('run-sink').getByTestId('live-table');
    await expect(table).toHaveAttribute('data-rows', String(shown));
    await expect(table.getByRole('row').nth(1)).toContainText('sensor-');
    expect(await panelViolations(page)).toEqual([]);

    // Keyboard: back to the list, and Escape closes the panel.
    await runs.detail.getByRole('button', { name: '← All runs' }).press('Enter');
    await expect(runs.rows).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(runs.dialog).toBeHidden();
  });

  test('a run under way when the page goes is listed as Crashed on the next load, with what it had done', async ({ page }) => {
    const bar = new DocumentsBar(page);
    const results = new ResultsPage(page);
    const run = new RunControls(page);
    await bar.goto();
    await bar.newFromExample(AVERAGES);
    await results.run('1');
    await expect.poll(() => run.events()).toBeGreaterThan(0);
    await expect(nodeState(page, 'sensors')).toHaveText('Running');
    // The record is written at the start and every 3 s: wait for a write that holds events.
    await expect.poll(async () => page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('windowpane-runs');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const all = await new Promise<{ eventsIn: number }[]>((resolve) => {
        const request = db.transaction('runs').objectStore('runs').getAll(IDBKeyRange.bound('run:', 'run;', false, true));
        request.onsuccess = () => resolve(request.result as { eventsIn: number }[]);
      });
      db.close();
      return all[0]?.eventsIn ?? 0;
    }), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.reload();
    const runs = new RunsPanel(page);
    await runs.open();
    await expect(runs.rows).toHaveCount(1);
    expect(await runs.states()).toEqual(['Crashed']);
    await runs.openRun(AVERAGES);
    await expect(runs.detail.getByTestId('run-reason')).toHaveText(/the page or its worker stopped before the run ended/);
    // Events out of the source, as last written before the page went.
    await expect(runs.detail.getByTestId('run-nodes').locator('tr[data-node="sensors"] td').nth(3)).not.toHaveText('0');
  });
});

test('a WebSocket source\'s retry policy is set in the inspector, each value with its help, and left out again for the default', async ({ page }) => {
  const bar = new DocumentsBar(page);
  await bar.goto();
  await bar.pasteJson(livePipeline('ws://localhost:1/streams/sensors'));
  await new EditorPage(page).clickNode('live');
  const set = page.getByRole('checkbox', { name: 'Set retry policy' });
  await expect(set).not.toBeChecked();
  await expect(page.getByRole('spinbutton', { name: /^Retries/ })).toHaveCount(0);
  await set.check();
  const retries = page.getByRole('spinbutton', { name: /^Retries/ });
  await expect(page.getByText('How many times to try again after a failure before the run fails')).toBeVisible();
  await retries.fill('0');
  await retries.press('Enter');
  const retryOf = async (): Promise<unknown> => {
    const stored = (await bar.stored()) as { doc: { nodes: { id: string; params: Record<string, unknown> }[] } } | undefined;
    return stored?.doc.nodes.find((n) => n.id === 'live')?.params['retry'];
  };
  await expect.poll(retryOf).toEqual({ retries: 0 });
  const jitter = page.getByRole('spinbutton', { name: /^Jitter/ });
  await jitter.fill('3');
  await jitter.press('Enter');
  // The value is checked as typed, under its own input.
  await expect(jitter).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Jitter must be at most 1', { exact: true })).toBeVisible();
  await set.uncheck();
  await expect.poll(retryOf).toBeUndefined();
});
