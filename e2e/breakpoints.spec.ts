import { cliRun, exampleDocument, tableTime } from './cliRun';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { ResultsPage } from './pages/ResultsPage';
import { RunControls } from './pages/RunControls';
import { clickVisibleNode, revealNode } from './revealNode';

const CARD_SPEND = 'Card spend per minute';
/** A run with a breakpoint armed reads one event per step; the machine these run on is shared. */
const PAUSE_MS = 60_000;

test.describe('breakpoints', () => {
  test.beforeEach(async ({ page, editor }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await editor.goto();
    await new DocumentsBar(page).newFromExample(CARD_SPEND);
  });

  test('"until next late event" from the window\'s context menu stops on the event the CLI lists first on --late', async ({ page, editor }) => {
    const firstLate = cliRun('examples/card-spend.json').late[0]!;
    const results = new ResultsPage(page);
    await results.speed.selectOption('max');
    await revealNode(editor, 'minute');
    await editor.nodeLocator('minute').locator('.wp-node-title').click({ button: 'right' });
    const menu = page.getByRole('dialog', { name: 'Breakpoints of minute' });
    await menu.getByRole('button', { name: 'Run until the next late event' }).click();
    await expect(menu).toBeHidden();

    await expect(new RunControls(page).phase).toHaveText('Paused', { timeout: PAUSE_MS });
    await expect(page.getByTestId('breakpoint-hit')).toContainText('an event went to the late port of minute');
    // Marked on the node and listed.
    await expect(editor.nodeLocator('minute').getByTestId('breakpoint-marker')).toBeVisible();
    await expect(page.getByTestId('breakpoint-list').getByTestId('breakpoint')).toHaveText(['Until an event is late at minute×']);
    // The window is selected and its late records shown, the hit one marked: the CLI's first late event.
    await expect(results.preview).toHaveAttribute('data-node', 'minute');
    const hitRow = results.preview.locator('tr[data-hit="true"]');
    await expect(hitRow).toHaveCount(1);
    const cells = await hitRow.locator('td').allTextContents();
    expect(cells).toEqual([tableTime(firstLate['ts'] as number), firstLate['card'], firstLate['merchant'], String(firstLate['amount']), firstLate['country']]);
    // It stopped right after that event: nothing after it was read (it was the last one through the window).
    const position = Number(await page.getByTestId('breakpoint-hit').getAttribute('data-position'));
    await expect(results.nodeStats('payments')).toHaveAttribute('data-rows-out', String(position));
    await expect(results.nodeStats('minute')).toHaveAttribute('data-late', '1');

    // Removed from the list: the marker goes, and the run goes on to the end.
    await page.getByRole('button', { name: 'Remove breakpoint: Until an event is late at minute' }).click();
    await expect(editor.nodeLocator('minute').getByTestId('breakpoint-marker')).toHaveCount(0);
    await expect(page.getByTestId('breakpoint-list')).toHaveCount(0);
  });

  test('a condition on an edge: an error shows where it is typed, a good one stops on the first matching record', async ({ page, editor }) => {
    const results = new ResultsPage(page);
    await results.speed.selectOption('max');
    await revealNode(editor, 'payments');
    // The edge's context menu.
    await editor.page.locator('.react-flow__edge[data-id="e1"]').click({ button: 'right', force: true });
    const menu = page.getByRole('dialog', { name: 'Breakpoints of payments → byCard' });
    const field = menu.getByRole('textbox', { name: 'Run until a record on this edge matches' });
    await field.fill("card == 'card-00007' && amont > 200");
    await expect(menu.getByRole('alert')).toHaveText("unknown field 'amont' (did you mean 'amount'?) (column 25)");
    await menu.getByRole('button', { name: 'Run until' }).click();
    await expect(menu).toBeVisible();
    await field.fill("card == 'card-00007' && amount > 200");
    await expect(menu.getByRole('alert')).toHaveCount(0);
    await field.press('Enter');
    await expect(menu).toBeHidden();
    await expect(new RunControls(page).phase).toHaveText('Paused', { timeout: PAUSE_MS });
    await expect(page.locator('[data-testid="edge-breakpoint-marker"][data-edge="e1"]')).toBeAttached();
    await expect(results.preview).toHaveAttribute('data-node', 'payments');
    // The first such payment of the source, as the CLI gives the source's events: the hit is the last record read.
    const doc = exampleDocument('card-spend');
    const events = cliRun({ ...doc, nodes: [doc.nodes.find((n) => n.id === 'payments'), { id: 'all', kind: 'sink.collect' }], edges: [{ id: 'e', from: 'payments', to: 'all' }] }).out;
    const first = events.findIndex((e) => e['card'] === 'card-00007' && (e['amount'] as number) > 200);
    const cells = await results.preview.locator('tr[data-hit="true"] td').allTextContents();
    expect(cells).toEqual([tableTime(events[first]!['ts'] as number), 'card-00007', events[first]!['merchant'], String(events[first]!['amount']), events[first]!['country']]);
    await expect(page.getByTestId('breakpoint-hit')).toHaveAttribute('data-position', String(first + 1));
    await expect(results.nodeStats('payments')).toHaveAttribute('data-rows-out', String(first + 1));
  });

  test('from the inspector by keyboard: run until event number n stops after exactly n events', async ({ page, editor }) => {
    const results = new ResultsPage(page);
    await results.speed.selectOption('max');
    await clickVisibleNode(editor, 'payments');
    const section = page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: 'Breakpoints' });
    const field = section.getByRole('textbox', { name: 'Run until event number' });
    await field.focus();
    await page.keyboard.type('2,345');
    await page.keyboard.press('Enter');
    await expect(new RunControls(page).phase).toHaveText('Paused', { timeout: PAUSE_MS });
    await expect(results.nodeStats('payments')).toHaveAttribute('data-rows-out', '2345');
    await expect(page.getByTestId('breakpoint-hit')).toContainText('Stopped after event 2,345: event 2,345 was read.');
  });
});
