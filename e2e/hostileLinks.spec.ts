import { readFileSync } from 'node:fs';
import LZString from 'lz-string';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { revealNode } from './revealNode';

/**
 * Share links and saved documents that hold names a plain object answers from
 * Object.prototype. Such a link used to open, and selecting its node (or its
 * problem) made React throw on Object.prototype: the page went blank, and
 * stayed blank after a reload because the selection had been saved.
 */
const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;

interface Doc {
  name: string;
  nodes: { id: string; kind: string; params?: Record<string, unknown> }[];
  edges: unknown[];
}
/** Source, keyBy, tumbling "minute", aggregate "stats", sink. */
const SENSORS = JSON.parse(readFileSync(new URL('../examples/sensor-averages.json', import.meta.url), 'utf8')) as Doc;

function shareHash(edit: (doc: Doc) => void): string {
  const doc = structuredClone(SENSORS);
  edit(doc);
  return `#share=${LZString.compressToEncodedURIComponent(JSON.stringify(doc))}`;
}

/** What a blank page lacks: the wordmark, the documents bar and the canvas. */
async function expectUsable(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Windowpane' })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Pipeline' })).toBeVisible();
  await expect(page.getByTestId('canvas').locator('.react-flow__pane')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Node palette' })).toBeVisible();
}

/** Writes records into the app's IndexedDB, as an older Windowpane left them. */
async function storeRecords(page: Page, records: readonly (readonly [string, unknown])[]): Promise<void> {
  await page.evaluate(async (entries) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('windowpane-documents');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('cannot open the database'));
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('pipelines', 'readwrite');
      for (const [key, value] of entries) tx.objectStore('pipelines').put(value, key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('cannot write'));
    });
    db.close();
  }, records as [string, unknown][]);
}

async function storedRecord(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (k) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('windowpane-documents');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('cannot open the database'));
    });
    const value = await new Promise<unknown>((resolve, reject) => {
      const request = db.transaction('pipelines').objectStore('pipelines').get(k);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('cannot read'));
    });
    db.close();
    return value;
  }, key);
}

test.describe('hostile share links', () => {
  for (const name of HOSTILE) {
    test(`an aggregation whose function is "${name}" opens, its node selects, and reload and / work`, async ({ page, editor, consoleErrors }) => {
      const bar = new DocumentsBar(page);
      await editor.goto(`/${shareHash((d) => { (d.nodes[3]!.params!.aggregations as { fn: string }[])[0]!.fn = name; })}`);
      await page.getByRole('dialog', { name: 'Open a shared pipeline?' }).getByRole('button', { name: 'Open shared pipeline' }).click();
      await expect(bar.name).toHaveValue(SENSORS.name);

      // The problem is listed in the settings panel's words, with its JSON path as its title, and choosing it selects the node.
      const problem = editor.problems.getByRole('button').filter({ hasText: 'Function of aggregation 1' });
      await expect(problem).toHaveAttribute('title', 'nodes[3].params.aggregations[0].fn');
      await expect(problem).toContainText(`got '${name}'`);
      await problem.click();
      await expect.poll(() => editor.selectedNodeIds()).toEqual(['stats']);
      await expect(editor.inspector.getByRole('combobox', { name: /^Function/ }).first()).toHaveValue(name);

      // Selecting it on the canvas works too.
      await editor.clickEmptyCanvas();
      await revealNode(editor, 'stats');
      await editor.clickNode('stats');
      await expect.poll(() => editor.selectedNodeIds()).toEqual(['stats']);
      await expect(editor.inspector.getByText(`${name} (not an option)`).first()).toBeAttached();
      await bar.waitUntilSaved();

      await page.reload();
      await expectUsable(page);
      await expect.poll(() => editor.selectedNodeIds()).toEqual(['stats']);
      await expect(editor.inspector.getByRole('combobox', { name: /^Function/ }).first()).toHaveValue(name);

      await editor.goto('/');
      await expectUsable(page);
      await expect.poll(async () => (await editor.nodeIds()).sort()).toEqual(SENSORS.nodes.map((n) => n.id).sort());
      expect(consoleErrors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
    });

    test(`a node of kind "${name}" is refused like an import, listing nodes[2].kind, and the app carries on`, async ({ page, editor, consoleErrors }) => {
      const bar = new DocumentsBar(page);
      await editor.goto(`/${shareHash((d) => { d.nodes[2]!.kind = name; })}`);
      const refused = page.getByRole('dialog', { name: "This share link can't be opened" });
      const rows = bar.problemRows(refused);
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText('nodes[2].kind');
      await expect(rows.first()).toContainText(`unknown kind '${name}'`);
      await refused.getByRole('button', { name: 'Close' }).click();
      await expectUsable(page);
      await expect(bar.name).toHaveValue('Untitled pipeline');

      // Usable: a node can be added and selected, and the page reloads to it.
      const added = await editor.doubleClickPalette('window.tumbling');
      await editor.clickNode(added);
      await expect(editor.inspector.locator('.wp-node-id')).toHaveText(added);
      await bar.waitUntilSaved();
      await page.reload();
      await expectUsable(page);
      await expect.poll(() => editor.nodeIds()).toEqual([added]);
      await editor.goto('/');
      await expectUsable(page);
      expect(consoleErrors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
    });
  }

  test('node ids, field names and params named like Object.prototype members open and select', async ({ page, editor, consoleErrors }) => {
    const bar = new DocumentsBar(page);
    await editor.goto(`/${shareHash((d) => {
      d.nodes[4]!.id = 'constructor';
      (d.edges[3] as { to: string }).to = 'constructor';
      (d.nodes[3]!.params!.aggregations as { field?: string }[])[1]!.field = '__proto__';
      Object.assign(d.nodes[2]!.params!, { toString: '1m' });
    })}`);
    await page.getByRole('dialog', { name: 'Open a shared pipeline?' }).getByRole('button', { name: 'Open shared pipeline' }).click();
    await expect(bar.name).toHaveValue(SENSORS.name);
    for (const id of ['constructor', 'stats', 'minute']) {
      await revealNode(editor, id);
      await editor.clickNode(id);
      await expect.poll(() => editor.selectedNodeIds()).toEqual([id]);
      await expect(editor.inspector.locator('.wp-node-id')).toHaveText(id);
    }
    await bar.waitUntilSaved();
    await page.reload();
    await expectUsable(page);
    await expect.poll(() => editor.selectedNodeIds()).toEqual(['minute']);
    expect(consoleErrors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
  });
});

test.describe('a saved pipeline that fails to load', () => {
  test('is kept aside with its problem said, a usable pipeline opens, and its JSON can be copied', async ({ page, editor }) => {
    const bar = new DocumentsBar(page);
    await editor.goto('/');
    await bar.waitUntilSaved();
    // What the page stored before this fix: the link's document and its selected node.
    const doc = { format: 'windowpane.pipeline', version: 1, ...structuredClone(SENSORS) };
    doc.nodes[2]!.kind = '__proto__';
    const record = { doc, selection: { nodes: ['minute'], edges: [] }, viewport: { x: 0, y: 0, zoom: 1 } };
    await storeRecords(page, [
      ['pipelines', [{ id: 'old', name: 'Blank for good', updatedAt: Date.now() + 60_000 }]],
      ['open', 'old'],
      ['pipeline:old', record],
    ]);

    await page.reload();
    await expectUsable(page);
    await expect(bar.notice).toContainText('“Blank for good” could not be opened (nodes[2].kind: ');
    await expect(bar.notice).toContainText('kept unchanged in the Pipelines menu');
    await expect(bar.name).toHaveValue('Untitled pipeline');
    await editor.doubleClickPalette('sink.log');
    await bar.waitUntilSaved();
    expect(await storedRecord(page, 'pipeline:old')).toEqual(record);

    await bar.openPipelines();
    await bar.pipelinesPanel.getByRole('button', { name: /^Blank for good/ }).first().click();
    const dialog = page.getByRole('dialog', { name: "“Blank for good” can't be opened" });
    await expect(bar.problemRows(dialog).first()).toContainText('nodes[2].kind');
    await dialog.getByRole('button', { name: 'Copy its JSON' }).click();
    await expect(bar.notice).toContainText('Pipeline JSON copied.');
    const copied = JSON.parse(await editor.readClipboard()) as unknown;
    expect(copied).toEqual(doc);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(bar.name).toHaveValue('Untitled pipeline');

    await page.reload();
    await expectUsable(page);
    expect(await storedRecord(page, 'pipeline:old')).toEqual(record);
  });
});

test.describe('a panel that fails', () => {
  /** Each boundary's title, and a landmark of the panel that is back once it reloads. */
  const PANELS = [
    ['canvas', (page: Page) => page.getByTestId('canvas')],
    ['inspector', (page: Page) => page.getByRole('complementary', { name: 'Inspector' })],
    ['palette', (page: Page) => page.getByRole('navigation', { name: 'Node palette' })],
    ['documents bar', (page: Page) => page.getByRole('toolbar', { name: 'Pipeline' })],
    ['results dock', (page: Page) => page.getByRole('tablist', { name: 'Results dock' })],
    ['problems panel', (page: Page) => page.getByRole('region', { name: 'Problems' })],
    ['run toolbar', (page: Page) => page.getByRole('button', { name: 'Run', exact: true })],
  ] as const;

  for (const [title, landmark] of PANELS) {
    test(`the ${title} shows "Reload this panel" and comes back; the rest stays usable`, async ({ page }) => {
      // A switch only tests have (the app reads it under browser automation alone).
      await page.addInitScript((panel) => { window.__windowpaneFailPanels = [panel]; }, title);
      await page.goto('/');
      const failed = page.locator(`[data-testid="panel-failed"][data-panel="${title}"]`);
      await expect(failed).toBeVisible();
      await expect(failed).toContainText(`The ${title} stopped working.`);
      await expect(landmark(page)).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 1, name: 'Windowpane' })).toBeVisible();
      await expect(page.getByTestId('panel-failed')).toHaveCount(1);

      await page.evaluate(() => { window.__windowpaneFailPanels = []; });
      await failed.getByRole('button', { name: 'Reload this panel' }).click();
      await expect(failed).toHaveCount(0);
      await expect(landmark(page).first()).toBeVisible();
      await expectUsable(page);
    });
  }

  test('tries again when another pipeline opens, and autosave resumes', async ({ page, editor }) => {
    const bar = new DocumentsBar(page);
    await editor.goto('/');
    await bar.rename('First');
    await bar.waitUntilSaved();
    await page.evaluate(() => { window.__windowpaneFailPanels = ['inspector']; });
    const added = await editor.doubleClickPalette('sink.log');
    const failed = page.locator('[data-testid="panel-failed"][data-panel="inspector"]');
    await expect(failed).toBeVisible();
    await expect(bar.saveStatus).toHaveText('Not saved: a panel failed');

    await page.evaluate(() => { window.__windowpaneFailPanels = []; });
    await bar.newPipeline();
    await expect(failed).toHaveCount(0);
    await expect(editor.inspector).toBeVisible();
    const second = await editor.doubleClickPalette('sink.table');
    await bar.waitUntilSaved();
    await page.reload();
    await expectUsable(page);
    await expect.poll(() => editor.nodeIds()).toEqual([second]);
    // The first pipeline kept what it had before the failure: the node added as the panel failed was never stored.
    await bar.openPipeline('First');
    await expect.poll(async () => (await bar.stored())?.doc).toMatchObject({ name: 'First', nodes: [] });
    expect(await editor.nodeIds()).not.toContain(added);
  });

  test('pauses autosave while it shows, so a reload brings back the state before the failure', async ({ page, editor }) => {
    const bar = new DocumentsBar(page);
    await editor.goto(`/${shareHash(() => {})}`);
    await page.getByRole('dialog', { name: 'Open a shared pipeline?' }).getByRole('button', { name: 'Open shared pipeline' }).click();
    await expect(bar.name).toHaveValue(SENSORS.name);
    await revealNode(editor, 'stats');
    await bar.waitUntilSaved();
    expect(await editor.selectedNodeIds()).toEqual([]);

    await page.evaluate(() => { window.__windowpaneFailPanels = ['inspector']; });
    await editor.clickNode('stats');
    const failed = page.locator('[data-testid="panel-failed"][data-panel="inspector"]');
    await expect(failed).toContainText('Reload this panel');
    await expect(bar.saveStatus).toHaveText('Not saved: a panel failed');
    // The canvas still works beside it.
    await editor.clickNode('minute');
    await expect.poll(() => editor.selectedNodeIds()).toEqual(['minute']);

    // The failure cleared, a reload of the panel renders it again and stores what is on screen.
    await page.evaluate(() => { window.__windowpaneFailPanels = []; });
    await failed.getByRole('button', { name: 'Reload this panel' }).click();
    await expect(editor.inspector.locator('.wp-node-id')).toHaveText('minute');
    await bar.waitUntilSaved();
    await expect.poll(async () => ((await bar.stored())?.selection as { nodes: string[] } | undefined)?.nodes).toEqual(['minute']);

    // Failing again, then reloading the page: what was stored is the state before the failure.
    await page.evaluate(() => { window.__windowpaneFailPanels = ['inspector']; });
    await editor.clickNode('stats');
    await expect(failed).toBeVisible();
    await page.reload();
    await expectUsable(page);
    await expect(failed).toHaveCount(0);
    await expect.poll(() => editor.selectedNodeIds()).toEqual(['minute']);
  });
});
