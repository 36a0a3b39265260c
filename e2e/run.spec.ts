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

test('dropping a CSV file on the canvas adds a file source holding its data, which runs and notes its unreadable row', async ({ page, editor }) => {
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
  await expect(page.locator('.wp-docs-notice')).toContainText('120 rows');

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
