import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { EditorPage } from './pages/EditorPage';

const sorted = (ids: readonly string[]): string[] => [...ids].sort();
const viewportTransform = (editor: EditorPage) => editor.canvas.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
/** `translate(-90.16px, -145.421px) scale(1.44)` as numbers, to one decimal. */
function viewportOf(transform: string): number[] {
  return (transform.match(/-?\d+(\.\d+)?/g) ?? []).map((n) => Math.round(Number(n) * 10) / 10);
}

/** The editor in a browser context of its own: its own IndexedDB, as on another machine. */
async function freshPage(browser: Browser): Promise<{ page: Page; bar: DocumentsBar; editor: EditorPage; close: () => Promise<void> }> {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  const bar = new DocumentsBar(page);
  await bar.goto();
  return { page, bar, editor: new EditorPage(page), close: () => context.close() };
}

test.describe('documents', () => {
  test('export, then import into a fresh page, gives the same graph and the same bytes', async ({ page, editor, browser, exampleFiles }) => {
    const example = exampleFiles.find((f) => f.slug === 'sensor-averages') ?? exampleFiles[0];
    test.skip(example === undefined, 'examples/ has no pipeline documents');
    if (example === undefined) return;
    const bar = new DocumentsBar(page);
    await bar.goto();
    await bar.newFromExample(example.name);
    await expect(editor.nodes).toHaveCount(example.nodeIds.length);

    const exported = await bar.export('shortcut');
    expect(exported.name).toBe(`${example.name}.windowpane.json`);
    expect(JSON.parse(exported.text)).toMatchObject({ format: 'windowpane.pipeline', version: 1, name: example.name });

    const other = await freshPage(browser);
    await other.bar.importFile(exported);
    await expect(other.bar.name).toHaveValue(example.name);
    await expect(other.editor.nodes).toHaveCount(example.nodeIds.length);
    expect(sorted(await other.editor.nodeIds())).toEqual(sorted(example.nodeIds));
    expect(await other.editor.edgeList()).toEqual(await editor.edgeList());
    expect((await other.bar.export('button')).text).toBe(exported.text);
    await other.close();
  });

  test('a reload brings back the work, its selection and its viewport', async ({ page, editor, exampleFiles }) => {
    const example = exampleFiles[0];
    test.skip(example === undefined, 'examples/ has no pipeline documents');
    if (example === undefined) return;
    const bar = new DocumentsBar(page);
    await bar.goto();
    await bar.newFromExample(example.name);
    await bar.rename('My pipeline');
    const picked = example.nodeIds[1] ?? example.nodeIds[0]!;
    await editor.nodeLocator(picked).click();
    await expect.poll(() => editor.selectedNodeIds()).toEqual([picked]);
    // An example opens framed (stored as soon as it is: never at the origin, which the toolbar covers);
    // the zoom-ins multiply the zoom that gave.
    await expect.poll(async () => (await bar.stored())?.viewport.x ?? 0).not.toBe(0);
    const framed = (await bar.stored())?.viewport.zoom ?? 1;
    const scale = (transform: string): number => Number(/scale\(([^)]+)\)/.exec(transform)?.[1]);
    await editor.zoomInButton.click();
    await editor.zoomInButton.click();
    // The zoom is animated; the canvas stores the viewport when the animation ends.
    await expect.poll(async () => scale(await viewportTransform(editor))).toBeCloseTo(framed * 1.44, 3);
    // Then a pan with the middle button, which the canvas stores as the button comes up.
    const pane = await editor.pane.boundingBox();
    if (pane === null) throw new Error('the canvas has no pane');
    await page.mouse.move(pane.x + pane.width * 0.3, pane.y + pane.height * 0.8);
    await page.mouse.down({ button: 'middle' });
    await page.mouse.move(pane.x + pane.width * 0.3 + 70, pane.y + pane.height * 0.8 - 40, { steps: 5 });
    await page.mouse.up({ button: 'middle' });
    const transform = await viewportTransform(editor);
    expect(scale(transform)).toBeCloseTo(framed * 1.44, 3);
    // The canvas commits a pan a moment after the button comes up; wait until that reached storage.
    await expect.poll(async () => {
      const viewport = (await bar.stored())?.viewport;
      return viewport === undefined ? [] : viewportOf(`${viewport.x} ${viewport.y} ${viewport.zoom}`);
    }).toEqual(viewportOf(transform));
    await bar.waitUntilSaved();

    await page.reload();
    await bar.bar.waitFor();
    await expect(bar.name).toHaveValue('My pipeline');
    const edges = await editor.edgeList();
    expect(sorted(await editor.nodeIds())).toEqual(sorted(example.nodeIds));
    expect(edges).toHaveLength(example.edgeIds.length);
    await expect.poll(() => editor.selectedNodeIds()).toEqual([picked]);
    await expect.poll(() => viewportTransform(editor)).toBe(transform);
    expect(await bar.pipelineNames()).toEqual(['My pipeline']);
  });

  test('a malformed or invalid import lists every problem and leaves the canvas as it was', async ({ page, editor, exampleFiles }) => {
    const example = exampleFiles[0];
    test.skip(example === undefined, 'examples/ has no pipeline documents');
    if (example === undefined) return;
    const bar = new DocumentsBar(page);
    await bar.goto();
    await bar.newFromExample(example.name);
    const before = await editor.nodeIds();
    const edgesBefore = await editor.edgeList();

    // Not JSON: the problem says where, by line and column.
    await bar.importFile({ name: 'broken.json', text: '{\n  "format": "windowpane.pipeline",\n  "version": 1,,\n  "nodes": []\n}\n' });
    const syntax = bar.problemsDialog();
    await expect(syntax).toBeVisible();
    await expect(syntax.getByRole('heading', { name: '“broken.json” can\'t be imported' })).toBeVisible();
    await expect(bar.problemRows(syntax)).toHaveCount(1);
    await expect(bar.problemRows(syntax).first()).toContainText('line 3, column');
    await syntax.getByRole('button', { name: 'Close' }).click();
    await expect(syntax).toBeHidden();

    // Valid JSON, invalid pipeline, dropped on the canvas: every problem with its path.
    const invalid = JSON.stringify({
      format: 'windowpane.pipeline', version: 1, name: 'Invalid',
      nodes: [{ id: 'w', kind: 'window.tumbling', params: { size: '5 minutes' } }, { id: 's', kind: 'source.nope', params: {} }],
      edges: [{ id: 'e1', from: 'nowhere', to: 'w' }],
    });
    await bar.dropFile(editor.pane, { name: 'invalid.json', text: invalid });
    const problems = bar.problemsDialog();
    await expect(problems).toBeVisible();
    expect(await bar.problemRows(problems).count()).toBeGreaterThanOrEqual(3);
    await expect(problems).toContainText('nodes[0].params.size');
    await expect(problems).toContainText('nodes[1].kind');
    await page.keyboard.press('Escape');
    await expect(problems).toBeHidden();

    // Pasted: the problems show beside the text, which stays to be fixed.
    await bar.pasteJson('{"format": "windowpane.pipeline"}');
    const paste = page.getByRole('dialog', { name: 'Paste pipeline JSON' });
    await expect(paste.getByRole('alert')).toContainText('nothing was imported');
    await paste.getByRole('button', { name: 'Cancel' }).click();

    await expect(bar.name).toHaveValue(example.name);
    expect(await editor.nodeIds()).toEqual(before);
    expect(await editor.edgeList()).toEqual(edgesBefore);
    expect(await bar.pipelineNames()).toEqual([example.name]);
  });

  test('a share link asks first: Cancel keeps the work, Open opens it as a new pipeline', async ({ page, editor, browser, exampleFiles }) => {
    const [shared, mine] = exampleFiles;
    test.skip(shared === undefined || mine === undefined, 'needs two examples');
    if (shared === undefined || mine === undefined) return;
    const bar = new DocumentsBar(page);
    await bar.goto();
    await bar.newFromExample(shared.name);
    const sharedEdges = await editor.edgeList();
    const link = await bar.copyShareLink();
    expect(link).toMatch(/#share=[A-Za-z0-9+$-]+$/);

    const other = await freshPage(browser);
    await other.bar.newFromExample(mine.name);

    // Opened in a new tab: asked at startup; Cancel keeps the work and drops the fragment.
    const tab = await other.page.context().newPage();
    const tabBar = new DocumentsBar(tab);
    await tab.goto(link);
    const ask = tab.getByRole('dialog', { name: 'Open a shared pipeline?' });
    await expect(ask).toContainText(shared.name);
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(ask).toBeHidden();
    await expect(tabBar.name).toHaveValue(mine.name);
    expect(new URL(tab.url()).hash).toBe('');
    await tab.close();

    // Pasted into the address bar of an open tab: asked too; Open adds it beside the current work.
    await other.page.goto(link);
    await other.page.getByRole('dialog', { name: 'Open a shared pipeline?' }).getByRole('button', { name: 'Open shared pipeline' }).click();
    await expect(other.bar.name).toHaveValue(shared.name);
    expect(sorted(await other.editor.nodeIds())).toEqual(sorted(shared.nodeIds));
    expect(await other.editor.edgeList()).toEqual(sharedEdges);
    expect(new URL(other.page.url()).hash).toBe('');
    expect(sorted(await other.bar.pipelineNames())).toEqual(sorted([shared.name, mine.name]));

    // A link cut short on its way shows what is wrong and changes nothing.
    await other.page.goto(link.slice(0, link.indexOf('#share=') + 40));
    await expect(other.bar.problemsDialog()).toContainText('share link is damaged');
    await other.bar.problemsDialog().getByRole('button', { name: 'Close' }).click();
    await expect(other.bar.name).toHaveValue(shared.name);
    await other.close();
  });

  test('new from example: a card per example, opened as a pipeline of its own', async ({ page, editor, exampleFiles }) => {
    test.skip(exampleFiles.length < 2, 'needs two examples');
    const bar = new DocumentsBar(page);
    await bar.goto();
    await bar.button('New from example').click();
    const gallery = page.getByRole('dialog', { name: 'New from example' });
    const cards = gallery.getByRole('list', { name: 'Examples' }).getByRole('button');
    await expect(cards).toHaveCount(exampleFiles.length);
    for (const file of exampleFiles) {
      const card = cards.filter({ hasText: file.name });
      await expect(card).toContainText(`${file.nodeIds.length} nodes`);
    }
    await gallery.getByRole('button', { name: 'Cancel' }).click();

    const [first, second] = exampleFiles;
    await bar.newFromExample(first!.name);
    expect(sorted(await editor.nodeIds())).toEqual(sorted(first!.nodeIds));
    await bar.newFromExample(second!.name);
    expect(sorted(await editor.nodeIds())).toEqual(sorted(second!.nodeIds));
    // The empty pipeline of the first visit was reused, not left behind.
    expect((await bar.pipelineNames()).sort()).toEqual([first!.name, second!.name].sort());
    await bar.openPipeline(first!.name);
    expect(sorted(await editor.nodeIds())).toEqual(sorted(first!.nodeIds));
  });

  test('pipelines: duplicate, rename from the menu, delete and undo', async ({ page, exampleFiles }) => {
    const example = exampleFiles[0];
    test.skip(example === undefined, 'examples/ has no pipeline documents');
    if (example === undefined) return;
    const bar = new DocumentsBar(page);
    await bar.goto();
    await bar.newFromExample(example.name);
    await bar.pipelineAction('Duplicate', example.name);
    await expect(bar.name).toHaveValue(`${example.name} copy`);

    await bar.pipelineAction('Rename', `${example.name} copy`);
    const field = bar.pipelinesPanel.getByRole('textbox');
    await field.fill('Second');
    await field.press('Enter');
    await expect(bar.name).toHaveValue('Second');

    await bar.pipelineAction('Delete', 'Second');
    await expect(bar.notice).toContainText('Deleted “Second”.');
    await expect(bar.name).toHaveValue(example.name);
    await bar.notice.getByRole('button', { name: 'Undo' }).click();
    await expect(bar.name).toHaveValue('Second');
    expect((await bar.pipelineNames()).sort()).toEqual([example.name, 'Second'].sort());

    await bar.waitUntilSaved();
    await page.reload();
    expect((await bar.pipelineNames()).sort()).toEqual([example.name, 'Second'].sort());
  });

  test('the same example twice, and an import whose name is taken, open under names of their own', async ({ page, exampleFiles }) => {
    const example = exampleFiles[0];
    test.skip(example === undefined, 'examples/ has no pipeline documents');
    if (example === undefined) return;
    const bar = new DocumentsBar(page);
    await bar.goto();
    await bar.newFromExample(example.name);
    await bar.newFromExample(example.name, `${example.name} (2)`);
    await expect(bar.notice).toContainText(`Opened “${example.name} (2)” from the examples.`);
    const file = await bar.export('button');
    await bar.importFile(file);
    await expect(bar.name).toHaveValue(`${example.name} (3)`);
    expect((await bar.pipelineNames()).sort()).toEqual([example.name, `${example.name} (2)`, `${example.name} (3)`].sort());
  });

  test('a notice over the canvas does not stand between the user and the nodes under it', async ({ page, editor, exampleFiles }) => {
    const example = exampleFiles[0];
    test.skip(example === undefined, 'examples/ has no pipeline documents');
    if (example === undefined) return;
    const bar = new DocumentsBar(page);
    await bar.goto();
    await bar.newFromExample(example.name);
    const message = bar.notice.locator('.wp-docs-notice-message');
    await expect(message).toBeVisible();
    const box = (await message.boundingBox())!;
    // What a click on the message's text reaches: the canvas below, not the notice.
    const reached = await page.evaluate(({ x, y }) => {
      const hit = document.elementFromPoint(x, y);
      return { inNotice: hit?.closest('.wp-docs-notice') !== null, inCanvas: hit?.closest('[data-testid="canvas"]') !== null };
    }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(reached).toEqual({ inNotice: false, inCanvas: true });
    await expect(editor.canvas).toBeVisible();
    // Its button still works.
    await bar.notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(bar.notice).toHaveCount(0);
  });
});
