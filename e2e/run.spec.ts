import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { RunControls } from './pages/RunControls';
import { InspectorPanel } from './pages/InspectorPanel';

const SENSOR_EXAMPLE = 'Sensor averages per device per minute';
/** What Step advances by (src/worker/scheduler.ts STEP_BATCH_ROWS). */
const STEP_BATCH_ROWS = 1000;

test.describe('running a pipeline', () => {
  test.beforeEach(async ({ editor, page }) => {
    await editor.goto();
    await new DocumentsBar(page).newFromExample(SENSOR_EXAMPLE);
  });

  test('Run shows Running and the figures climb; Pause freezes them; Step advances one batch; Stop resets', async ({ page, consoleErrors }) => {
    const run = new RunControls(page);
    await run.expectPhase('Idle');
    await run.run();
    await expect.poll(() => run.events()).toBeGreaterThan(0);
    const early = await run.events();
    await expect.poll(() => run.events()).toBeGreaterThan(early);

    await run.setSpeed('100');
    // A minute of sensor events (1.2 s at 100x) fills the first windows, which reach the sink.
    await expect.poll(() => run.results(), { timeout: 10_000 }).toBeGreaterThan(0);

    await run.pause();
    await page.waitForTimeout(300);
    const paused = await run.events();
    await page.waitForTimeout(1000);
    expect(await run.events()).toBe(paused);
    await run.expectPhase('Paused');

    await run.step();
    await expect.poll(() => run.events()).toBe(paused + STEP_BATCH_ROWS);
    await run.step('event');
    await expect.poll(() => run.events()).toBe(paused + STEP_BATCH_ROWS + 1);
    await run.expectPhase('Paused');

    await run.stop();
    await expect.poll(() => run.events()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  test('the keyboard runs, pauses and steps', async ({ page }) => {
    const run = new RunControls(page);
    await page.keyboard.press('F10');
    await run.expectPhase('Paused');
    await expect.poll(() => run.events()).toBe(STEP_BATCH_ROWS);
    await page.keyboard.press('F5');
    await run.expectPhase('Running');
    await page.keyboard.press('ControlOrMeta+Enter');
    await run.expectPhase('Paused');
  });

  test('a finite input finishes at max speed', async ({ page }) => {
    const run = new RunControls(page);
    await run.setSpeed('max');
    await run.runButton.click();
    await run.expectPhase('Finished');
    expect(await run.events()).toBe(30_000);
    expect(await run.results()).toBeGreaterThan(0);
  });

  test('editing a parameter while running restarts from the beginning with the new graph; moving a node does not', async ({ page, editor }) => {
    const run = new RunControls(page);
    await run.setSpeed('10');
    await run.run();
    await expect.poll(() => run.events()).toBeGreaterThan(600);

    await editor.dragNode('results', 40, 60);
    await page.waitForTimeout(400);
    const afterMove = await run.events();
    expect(afterMove).toBeGreaterThan(600);

    await editor.clickNode('minute');
    const inspector = new InspectorPanel(page);
    await inspector.expectNode('minute');
    const before = await run.events();
    await inspector.type('Size', '30s');
    await expect.poll(() => run.events()).toBeLessThan(before / 2);
    await run.expectPhase('Running');
    await expect.poll(() => run.events()).toBeGreaterThan(0);
  });

  test('an invalid edit stops the run and says why', async ({ page, editor }) => {
    const run = new RunControls(page);
    await run.run();
    await editor.clickNode('minute');
    const inspector = new InspectorPanel(page);
    await inspector.expectNode('minute');
    await inspector.type('Size', '5 minutes');
    await run.expectPhase('Idle');
    await expect(run.status).toContainText("Can't run");
  });
});

test('dropping a CSV file on the canvas adds a file source referring to the stored file, which runs and notes its unreadable row', async ({ page, editor }) => {
  await editor.goto();
  const before = (await editor.nodeIds()).length;
  const rows = Array.from({ length: 120 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString()},dev${i % 3},${20 + (i % 7)}`);
  // One row whose time cannot be read: skipped, and reported as a note of the run.
  const csv = `time,device,temperature\n${rows.join('\n')}\nsoon,dev1,20\n`;
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'readings.csv', { type: 'text/csv' }));
    return transfer;
  }, csv);
  const at = await editor.pagePoint({ x: 200, y: 200 });
  for (const type of ['dragenter', 'dragover', 'drop']) await editor.pane.dispatchEvent(type, { dataTransfer, clientX: at.x, clientY: at.y });
  await expect.poll(async () => (await editor.nodeIds()).length).toBe(before + 1);
  const id = (await editor.nodeIds()).find((n) => n.startsWith('file'));
  expect(id).toBeDefined();
  await expect(editor.nodeLocator(id!)).toContainText('readings.csv');
  await expect(page.locator('.wp-docs-notice')).toContainText('kept in this browser; event time “time”');

  // Into a collect sink, the file plays to its end.
  const sink = await editor.dragFromPalette('sink.collect', 480, 200);
  await editor.connect(id!, 'out', sink);
  const run = new RunControls(page);
  await run.setSpeed('max');
  await run.runButton.click();
  await run.expectPhase('Finished');
  expect(await run.events()).toBe(120);
  expect(await run.results()).toBe(120);
  await expect(page.getByTestId('run-notes')).toHaveText('1 note');
  await expect(page.getByTestId('run-notes')).toHaveAttribute('title', /line 122: event time "time"/);
});

test('a crashed worker is replaced: the run says so, the canvas stays, and Run works again', async ({ page, editor }) => {
  await editor.goto();
  await new DocumentsBar(page).newFromExample(SENSOR_EXAMPLE);
  const run = new RunControls(page);
  await run.run();
  await expect.poll(() => page.workers().length).toBeGreaterThan(0);
  const nodes = await editor.nodeIds();
  // An error nobody catches inside the worker: what a crash looks like from the page.
  await page.workers()[0]!.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated crash');
    });
  });
  await run.expectPhase('Idle');
  await expect(run.status).toContainText('Worker restarted: ');
  expect(await editor.nodeIds()).toEqual(nodes);
  await run.run();
  await expect.poll(() => run.events()).toBeGreaterThan(0);
  await expect(run.status).not.toContainText('Worker restarted');
});

/**
 * A pipeline as one built from the palette is: its node ids are the palette's
 * (`tumbling1`, `aggregate1`), so two such pipelines share them.
 */
function palettePipeline(name: string, windowSize: string) {
  return {
    format: 'windowpane.pipeline',
    version: 1,
    name,
    nodes: [
      { id: 'sample1', kind: 'source.sample', position: { x: 0, y: 0 }, params: { stream: 'sensors', rate: 50, keys: 5, limit: 30000, seed: 42 } },
      { id: 'keyBy1', kind: 'transform.keyBy', position: { x: 220, y: 0 }, params: { fields: ['device'] } },
      { id: 'tumbling1', kind: 'window.tumbling', position: { x: 440, y: 0 }, params: { size: windowSize } },
      { id: 'aggregate1', kind: 'aggregate', position: { x: 660, y: 0 }, params: { aggregations: [{ name: 'readings', fn: 'count' }] } },
      { id: 'collect1', kind: 'sink.collect', position: { x: 880, y: 0 }, params: {} },
    ],
    edges: [
      { id: 'e1', from: 'sample1', to: 'keyBy1' },
      { id: 'e2', from: 'keyBy1', to: 'tumbling1' },
      { id: 'e3', from: 'tumbling1', to: 'aggregate1' },
      { id: 'e4', from: 'aggregate1', to: 'collect1' },
    ],
  };
}

/** A file source without its data: valid, but it cannot run. */
const NO_DATA = {
  format: 'windowpane.pipeline',
  version: 1,
  name: 'Taxi without data',
  nodes: [
    { id: 'taxi', kind: 'source.file', position: { x: 0, y: 0 }, params: { format: 'csv', eventTime: 'timestamp', fileName: 'not-attached.csv' } },
    { id: 'collect1', kind: 'sink.collect', position: { x: 240, y: 0 }, params: {} },
  ],
  edges: [{ id: 'e1', from: 'taxi', to: 'collect1' }],
};

test.describe('runs belong to their pipeline', () => {
  test('another pipeline whose nodes reuse the ids shows none of the first one\'s badges, preview or phase', async ({ page, editor, consoleErrors }) => {
    await editor.goto();
    const bar = new DocumentsBar(page);
    const run = new RunControls(page);
    await bar.pasteJson(JSON.stringify(palettePipeline('Pipeline A', '1m')));
    await expect(bar.name).toHaveValue('Pipeline A');
    await run.step();
    await run.expectPhase('Paused');
    await expect(editor.nodeLocator('tumbling1').getByTestId('node-stats')).toBeVisible();
    // While paused, a click shows the node's last records in the dock.
    await editor.clickNode('keyBy1');
    await expect(page.getByTestId('preview-table')).not.toHaveAttribute('data-rows', '0');

    await bar.pasteJson(JSON.stringify(palettePipeline('Pipeline B', '30s')));
    await expect(bar.name).toHaveValue('Pipeline B');
    await run.expectPhase('Idle');
    await expect(run.phase).toHaveText('Idle');
    await expect(run.figures).toHaveCount(0);
    await expect(editor.nodes).toHaveCount(5);
    await expect(editor.canvas.getByTestId('node-stats')).toHaveCount(0);
    await editor.clickNode('keyBy1');
    await page.getByRole('tab', { name: /Preview: keyBy1/ }).click();
    await expect(page.getByTestId('node-preview')).toContainText('Run the pipeline to see the records');
    await expect(page.getByTestId('preview-table')).toHaveCount(0);

    // Back on A, its run was stopped when B opened: it is idle too.
    await bar.openPipeline('Pipeline A');
    await run.expectPhase('Idle');
    await expect(editor.canvas.getByTestId('node-stats')).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test('a pipeline that never ran says Idle, not the other one\'s Finished', async ({ page, editor }) => {
    await editor.goto();
    const bar = new DocumentsBar(page);
    const run = new RunControls(page);
    await bar.pasteJson(JSON.stringify(palettePipeline('Pipeline A', '1m')));
    await expect(bar.name).toHaveValue('Pipeline A');
    await run.setSpeed('max');
    await run.runButton.click();
    await run.expectPhase('Finished');
    await expect(run.figures).toContainText('30,000 events');

    await bar.newPipeline();
    await run.expectPhase('Idle');
    await expect(run.phase).toHaveText('Idle');
    await expect(run.figures).toHaveCount(0);
    expect(await run.events()).toBe(0);
    await expect(run.stopButton).toBeDisabled();
  });

  test('a Run that cannot start says why in the Problems panel too, and the reason stays with its pipeline', async ({ page, editor }) => {
    await editor.goto();
    const bar = new DocumentsBar(page);
    const run = new RunControls(page);
    const inspector = new InspectorPanel(page);
    await bar.pasteJson(JSON.stringify(palettePipeline('Pipeline A', '1m')));
    await expect(bar.name).toHaveValue('Pipeline A');
    await bar.pasteJson(JSON.stringify(NO_DATA));
    await expect(bar.name).toHaveValue(NO_DATA.name);
    // The document is valid (it opened), but the Problems panel says before any Run what a Run would.
    await expect(inspector.problemCount).toHaveText('1');
    await expect(inspector.problemsOf('taxi')).toContainText(["Has no data: choose its data file not-attached.csv with the node's Choose file button"]);

    await run.runButton.click();
    await expect(run.problem).toContainText("Can't run: node 'taxi': has no data: choose its data file not-attached.csv");
    await expect(inspector.problems).toBeVisible();
    // The Run's reason is the one listed already: said once, not twice.
    await expect(inspector.problemsOf('taxi')).toContainText(["Has no data: choose its data file not-attached.csv with the node's Choose file button"]);
    await expect(inspector.problemCount).toHaveText('1');

    await bar.openPipeline('Pipeline A');
    await run.expectPhase('Idle');
    await expect(run.problem).toHaveCount(0);
    await expect(inspector.problemCount).toHaveText('0');
    await expect(inspector.problems).not.toContainText("Can't run");
  });
});
