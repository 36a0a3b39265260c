import { expect, test } from './fixtures';
import { EditorPage } from './pages/EditorPage';

function pipeline(nodes: object[], edges: object[] = []): string {
  return JSON.stringify({ format: 'windowpane.pipeline', version: 1, name: 'Pasted', nodes, edges });
}

const at = (x: number, y: number) => ({ x, y });

/** sensors → byDevice → minute → stats → results, laid out left to right. */
const SENSOR_CHAIN = pipeline(
  [
    { id: 'sensors', kind: 'source.sample', position: at(0, 0), params: { stream: 'sensors', rate: 50, keys: 5, limit: 1000 } },
    { id: 'byDevice', kind: 'transform.keyBy', position: at(240, 0), params: { fields: ['device'] } },
    { id: 'minute', kind: 'window.tumbling', position: at(480, 0), params: { size: '1m', allowedLateness: '10s' } },
    { id: 'stats', kind: 'aggregate', position: at(720, 0), params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 'avg_t', fn: 'avg', field: 'temperature' }] } },
    { id: 'results', kind: 'sink.collect', position: at(960, 0) },
  ],
  [
    { id: 'e1', from: 'sensors', to: 'byDevice' },
    { id: 'e2', from: 'byDevice', to: 'minute' },
    { id: 'e3', from: 'minute', to: 'stats' },
    { id: 'e4', from: 'stats', to: 'results' },
  ],
);

test.describe('the palette', () => {
  test('adds nodes by dragging onto the canvas, by double-click and from the keyboard', async ({ editor }) => {
    await editor.goto();
    const dropped = await editor.dragFromPalette('window.tumbling', 300, 200);
    expect(dropped).toBe('tumbling1');
    await expect(editor.nodeLocator(dropped)).toBeVisible();
    // The node is centred where it was dropped.
    const box = (await editor.nodeLocator(dropped).boundingBox())!;
    const drop = await editor.pagePoint(at(300, 200));
    expect(Math.abs(box.x + box.width / 2 - drop.x)).toBeLessThan(24);
    expect(Math.abs(box.y + box.height / 2 - drop.y)).toBeLessThan(24);

    expect(await editor.doubleClickPalette('source.sample')).toBe('sample1');
    expect(await editor.addWithKeyboard('sink.log')).toBe('log1');
    // The new node is selected, and keyboard focus stays in the palette to add more.
    expect(await editor.selectedNodeIds()).toEqual(['log1']);
    await expect(editor.paletteItem('sink.log')).toBeFocused();
  });

  test('is grouped by family, reachable with Tab, and filters by name', async ({ editor, page }) => {
    await editor.goto();
    await editor.paletteFilter.focus();
    await page.keyboard.press('Tab');
    await expect(editor.paletteItem('source.sample')).toBeFocused();
    await editor.paletteFilter.fill('window');
    await expect(editor.palette.locator('[data-kind]')).toHaveCount(5);
    await expect(editor.palette.getByRole('heading', { name: 'Windows' })).toBeVisible();
    await expect(editor.palette.getByRole('heading', { name: 'Sources' })).toHaveCount(0);
  });
});

test.describe('nodes on the canvas', () => {
  test('show their summary, their ports and an error badge listing their problems', async ({ editor }) => {
    await editor.goto();
    await editor.pastePipeline(SENSOR_CHAIN);
    await editor.fitView();
    await expect(editor.nodeSummary('sample1')).toHaveText('Sample sensors · 50/s · 5 keys');
    await expect(editor.nodeSummary('keyBy1')).toHaveText('Key by device');
    await expect(editor.nodeSummary('tumbling1')).toHaveText('Tumbling 1m, lateness 10s');
    await expect(editor.nodeSummary('aggregate1')).toHaveText('count, avg(temperature)');
    // Sources take no input, sinks give no output, windows have out and late.
    await expect(editor.handle('sample1', 'in')).toHaveCount(0);
    await expect(editor.handle('collect1', 'out')).toHaveCount(0);
    await expect(editor.handle('tumbling1', 'out')).toBeVisible();
    await expect(editor.handle('tumbling1', 'late')).toContainText('late');
    await expect(editor.nodeBadge('keyBy1')).toHaveCount(0);

    const filter = await editor.dragFromPalette('transform.filter', 200, 320);
    await expect(editor.nodeSummary(filter)).toHaveText('Filter: true');
    const badge = editor.nodeBadge(filter);
    await expect(badge).toContainText('needs exactly one input edge');
    await badge.hover();
    await expect(badge.getByRole('tooltip')).toBeVisible();
  });

  test('hovering an edge shows the fields and types that flow along it', async ({ editor }) => {
    await editor.goto();
    await editor.pastePipeline(SENSOR_CHAIN);
    await editor.fitView();
    await editor.hoverEdge('e2');
    await expect(editor.edgeTooltip).toContainText('keyBy1 → tumbling1');
    await expect(editor.edgeTooltip.getByRole('row', { name: /temperature/ })).toContainText('number');
    await expect(editor.edgeTooltip.getByRole('row', { name: /device/ })).toContainText('key');
    await editor.clickEmptyCanvas();
    await expect(editor.edgeTooltip).toHaveCount(0);
  });
});

test.describe('connecting nodes', () => {
  test('connects an output handle to an input, or to the body of a node', async ({ editor }) => {
    await editor.goto();
    const src = await editor.dragFromPalette('source.sample', 120, 120);
    const win = await editor.dragFromPalette('window.tumbling', 420, 120);
    const agg = await editor.dragFromPalette('aggregate', 420, 300);
    await editor.connect(src, 'out', win);
    await editor.connect(win, 'out', agg, 'body');
    expect(await editor.edgeList()).toEqual(['sample1.out->tumbling1', 'tumbling1.out->aggregate1']);
  });

  test('refuses a connection the document would refuse, with its reason beside the cursor', async ({ editor }) => {
    await editor.goto();
    const win = await editor.dragFromPalette('window.tumbling', 150, 150);
    const sink = await editor.dragFromPalette('sink.collect', 450, 150);
    const src = await editor.dragFromPalette('source.sample', 450, 330);

    await editor.startConnection(win, 'out');
    await editor.dragConnectionOver(sink);
    await expect(editor.connectionReason).toHaveText('A window must be followed by an aggregate');
    // The label sits beside the cursor (to its left when there is no room on its right).
    const label = (await editor.connectionReason.boundingBox())!;
    const handle = (await editor.handle(sink, 'in').boundingBox())!;
    const cursor = { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 };
    expect(Math.min(Math.abs(label.x - cursor.x), Math.abs(label.x + label.width - cursor.x))).toBeLessThan(40);
    expect(Math.abs(label.y - cursor.y)).toBeLessThan(40);
    await editor.releaseConnection();
    await expect(editor.connectionReason).toHaveCount(0);

    // A source has no input handle: its body still says why.
    await editor.startConnection(win, 'late');
    await editor.dragConnectionOver(src, 'body');
    await expect(editor.connectionReason).toHaveText('A source takes no input');
    await editor.releaseConnection();

    expect(await editor.edgeList()).toEqual([]);
  });

  test('refuses a field the next node needs that does not reach it', async ({ editor }) => {
    await editor.goto();
    const [clicks, byDevice] = await editor.pastePipeline(pipeline([
      { id: 'clicks', kind: 'source.sample', position: at(0, 0), params: { stream: 'clicks' } },
      { id: 'byDevice', kind: 'transform.keyBy', position: at(320, 40), params: { fields: ['device'] } },
    ]));
    await editor.fitView();
    await editor.startConnection(clicks!, 'out');
    await editor.dragConnectionOver(byDevice!);
    await expect(editor.connectionReason).toHaveText("'keyBy1' needs field 'device', which this stream lacks (it has ts, user, page)");
    await editor.releaseConnection();
    expect(await editor.edgeList()).toEqual([]);
  });
});

test.describe('editing', () => {
  test('selects with a box and shift-click, deletes, and undoes and redoes every step', async ({ editor, page }) => {
    await editor.goto();
    await editor.pastePipeline(SENSOR_CHAIN);
    await editor.fitView();
    await editor.clickEmptyCanvas();

    // Box around the first two nodes.
    const first = (await editor.nodeLocator('sample1').boundingBox())!;
    const second = (await editor.nodeLocator('keyBy1').boundingBox())!;
    const canvas = (await editor.canvas.boundingBox())!;
    await editor.boxSelect(
      at(first.x - canvas.x - 10, first.y - canvas.y - 20),
      at(second.x - canvas.x + second.width / 2, second.y - canvas.y + second.height + 20),
    );
    expect(await editor.selectedNodeIds()).toEqual(['sample1', 'keyBy1']);
    await editor.clickNode('collect1', ['Shift']);
    expect((await editor.selectedNodeIds()).sort()).toEqual(['collect1', 'keyBy1', 'sample1']);

    await page.keyboard.press('Delete');
    expect(await editor.nodeIds()).toEqual(['tumbling1', 'aggregate1']);
    expect(await editor.edgeList()).toEqual(['tumbling1.out->aggregate1']);

    await editor.undo();
    expect(await editor.nodeIds()).toHaveLength(5);
    expect(await editor.edgeList()).toHaveLength(4);
    await editor.redo();
    expect(await editor.nodeIds()).toEqual(['tumbling1', 'aggregate1']);
    await page.keyboard.press('ControlOrMeta+y');
    expect(await editor.nodeIds()).toEqual(['tumbling1', 'aggregate1']);
    await editor.undoButton.click();
    expect(await editor.nodeIds()).toHaveLength(5);
    await editor.redoButton.click();
    expect(await editor.nodeIds()).toHaveLength(2);
  });

  test('a drag is one undo step and lands on the grid', async ({ editor }) => {
    await editor.goto();
    const id = await editor.dragFromPalette('aggregate', 200, 200);
    const before = (await editor.nodeLocator(id).boundingBox())!;
    await editor.dragNode(id, 150, 90);
    const after = (await editor.nodeLocator(id).boundingBox())!;
    expect(after.x - before.x).toBeGreaterThan(120);
    await editor.clickNode(id);
    await editor.shortcut('C');
    const copied = JSON.parse(await editor.readClipboard()) as { nodes: { position: { x: number; y: number } }[] };
    expect(copied.nodes[0]!.position.x % 16).toBe(0);
    expect(copied.nodes[0]!.position.y % 16).toBe(0);
    await editor.undo();
    await expect.poll(async () => (await editor.nodeLocator(id).boundingBox())!.x).toBeCloseTo(before.x, 0);
    await editor.undo();
    expect(await editor.nodeIds()).toEqual([]);
  });

  test('copies the selection as pipeline JSON, pastes it with fresh ids, and duplicates', async ({ editor }) => {
    await editor.goto();
    await editor.pastePipeline(SENSOR_CHAIN);
    await editor.fitView();
    await editor.clickEmptyCanvas();
    await editor.clickNode('tumbling1');
    await editor.clickNode('aggregate1', ['Shift']);
    await editor.shortcut('C');
    await expect(editor.notice).toHaveText('Copied 2 nodes');
    const copied = JSON.parse(await editor.readClipboard()) as { format: string; nodes: { id: string }[]; edges: { from: string; to: string }[] };
    expect(copied.format).toBe('windowpane.pipeline');
    expect(copied.nodes.map((n) => n.id)).toEqual(['tumbling1', 'aggregate1']);
    expect(copied.edges).toMatchObject([{ from: 'tumbling1', to: 'aggregate1' }]);

    await editor.shortcut('V');
    await expect(editor.nodes).toHaveCount(7);
    expect(await editor.selectedNodeIds()).toEqual(['tumbling2', 'aggregate2']);
    expect((await editor.edgeList()).at(-1)).toBe('tumbling2.out->aggregate2');

    await editor.shortcut('D');
    await expect(editor.nodes).toHaveCount(9);
    expect(await editor.selectedNodeIds()).toEqual(['tumbling3', 'aggregate3']);
  });

  test('pastes between browser tabs through the clipboard', async ({ editor, context }) => {
    await editor.goto();
    await editor.pastePipeline(SENSOR_CHAIN);
    await editor.shortcut('A');
    await editor.shortcut('C');
    await expect(editor.notice).toHaveText('Copied 5 nodes');

    const other = await context.newPage();
    const second = new EditorPage(other);
    await second.goto();
    // The second tab opens the same saved pipeline; the paste comes on top of it.
    const nodes = await second.nodes.count();
    const edges = await second.edges.count();
    await second.clickEmptyCanvas();
    await second.shortcut('V');
    await expect(second.nodes).toHaveCount(nodes + 5);
    await expect(second.edges).toHaveCount(edges + 4);
    expect(await second.selectedNodeIds()).toHaveLength(5);
    await other.close();
  });

  test('pastes nothing when the clipboard does not hold a pipeline, and says so', async ({ editor }) => {
    await editor.goto();
    await editor.dragFromPalette('sink.log', 200, 200);
    await editor.writeClipboard('just some words');
    await editor.clickEmptyCanvas();
    await editor.shortcut('V');
    await expect(editor.notice).toHaveText('The clipboard does not hold pipeline JSON');
    await editor.writeClipboard(pipeline([{ id: 'x', kind: 'window.weekly' }]));
    await editor.shortcut('V');
    await expect(editor.notice).toContainText('is not a node kind');
    expect(await editor.nodeIds()).toEqual(['log1']);
  });

  test('lays the pipeline out left to right in one undoable step', async ({ editor }) => {
    await editor.goto();
    await editor.pastePipeline(pipeline(
      [
        { id: 'c', kind: 'sink.collect', position: at(0, 300) },
        { id: 'a', kind: 'aggregate', position: at(40, 0), params: { aggregations: [{ name: 'n', fn: 'count' }] } },
        { id: 's', kind: 'source.sample', position: at(300, 200), params: { stream: 'sensors' } },
      ],
      [{ id: 'e1', from: 's', to: 'a' }, { id: 'e2', from: 'a', to: 'c' }],
    ));
    await editor.layoutButton.click();
    await editor.page.waitForTimeout(500);
    const x = async (id: string) => (await editor.nodeLocator(id).boundingBox())!.x;
    await expect.poll(async () => (await x('sample1')) < (await x('aggregate1')) && (await x('aggregate1')) < (await x('collect1'))).toBe(true);
    // A chain lies on one row: the centres line up, give or take the grid.
    const ys = await Promise.all(['sample1', 'aggregate1', 'collect1'].map(async (id) => {
      const box = (await editor.nodeLocator(id).boundingBox())!;
      return box.y + box.height / 2;
    }));
    expect(Math.max(...ys) - Math.min(...ys)).toBeLessThan(16);
    await editor.undo();
    await expect.poll(async () => (await x('collect1')) < (await x('sample1'))).toBe(true);
  });

  test('offers zoom controls and a minimap', async ({ editor }) => {
    await editor.goto();
    await expect(editor.minimap).toBeVisible();
    await expect(editor.zoomInButton).toBeVisible();
    await expect(editor.undoButton).toBeDisabled();
    await expect(editor.redoButton).toBeDisabled();
  });
});
