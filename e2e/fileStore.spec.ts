import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar, type TestFile } from './pages/DocumentsBar';
import { dropData, OTHER, READINGS, savedParams, type FileParams } from './droppedDataFiles';
import { EditorPage } from './pages/EditorPage';
import { RunControls } from './pages/RunControls';

const SHOTS = '/tmp/h5-store';

/** What the browser's file store holds under `hash`: its name and size, or null. */
async function storedFile(page: Page, hash: string): Promise<{ name: string; size: number; text: string } | null> {
  return page.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('windowpane-files');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('cannot open the file store'));
    });
    if (!db.objectStoreNames.contains('files')) return null;
    const value = await new Promise<unknown>((resolve, reject) => {
      const request = db.transaction('files').objectStore('files').get(key);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('cannot read'));
    });
    db.close();
    if (value === undefined) return null;
    const record = value as { name: string; size: number; blob: Blob };
    return { name: record.name, size: record.size, text: await record.blob.text() };
  }, hash);
}

/** Export: the dialog a pipeline with stored files asks, then the downloaded file's text. */
async function exportWith(page: Page, bar: DocumentsBar, includeData: boolean): Promise<string> {
  await bar.button('Export').click();
  const dialog = page.getByRole('dialog', { name: 'Export the pipeline' });
  await expect(dialog).toContainText('readings.csv');
  if (includeData) await dialog.getByRole('checkbox', { name: /Include data/ }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const path = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  return readFile(path, 'utf8');
}

/** The editor in a browser context of its own: its own IndexedDB, as on another machine. */
async function freshPage(browser: Browser): Promise<{ page: Page; bar: DocumentsBar; editor: EditorPage; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  const bar = new DocumentsBar(page);
  await bar.goto();
  return { page, bar, editor: new EditorPage(page), close: () => context.close() };
}

async function chooseFor(page: Page, button: ReturnType<Page['getByRole']>, file: TestFile): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.text) });
}

test.use({ viewport: { width: 1440, height: 900 } });

test('a dropped CSV is kept in the file store; the document refers to it with its fields, never its data, through a reload', async ({ page, editor }) => {
  const bar = new DocumentsBar(page);
  await editor.goto();
  const id = await dropData(page, editor, READINGS);
  const node = editor.nodeLocator(id);
  await expect(node).toContainText('readings.csv');
  await expect(bar.notice).toContainText('kept in this browser; event time “time”');
  const params = await savedParams(bar, id);
  expect(params.stored?.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(params.stored?.size).toBe(Buffer.byteLength(READINGS.text));
  expect(params.fields).toEqual([{ name: 'time', type: 'time' }, { name: 'device', type: 'string' }, { name: 'temperature', type: 'number' }]);
  expect(params).not.toHaveProperty('data');
  expect(await storedFile(page, params.stored!.hash)).toEqual({ name: 'readings.csv', size: params.stored!.size, text: READINGS.text });
  await node.screenshot({ path: `${SHOTS}/stored-node.png` });

  // The stored fields reach the next node while designing: a filter on an unknown field is a problem.
  const filter = await editor.dragFromPalette('transform.filter', 520, 200);
  await editor.connect(id, 'out', filter);
  await page.reload();
  await bar.bar.waitFor();
  await expect(editor.nodeLocator(id)).toContainText('readings.csv');
  await expect(editor.nodeLocator(id).getByTestId('stored-file')).toHaveAttribute('data-presence', 'present');
  await expect(editor.nodeLocator(id).getByTestId('missing-file')).toHaveCount(0);
  expect(await savedParams(bar, id)).not.toHaveProperty('data');
});

test('export without data, import elsewhere: the node says the file is missing until the same file is chosen', async ({ page, editor, browser }) => {
  const bar = new DocumentsBar(page);
  await editor.goto();
  const id = await dropData(page, editor, READINGS);
  await bar.waitUntilSaved();
  const exported = JSON.parse(await exportWith(page, bar, false)) as { nodes: { id: string; params: FileParams }[] };
  await expect(bar.notice).toContainText('The data of readings.csv (4.0 KB) is not in it');
  const params = exported.nodes.find((n) => n.id === id)!.params;
  expect(params.stored?.hash).toMatch(/^sha256:/);
  expect(params).not.toHaveProperty('data');

  const other = await freshPage(browser);
  try {
    await other.bar.importFile({ name: 'readings.windowpane.json', text: JSON.stringify(exported) });
    const node = other.editor.nodeLocator(id);
    const missing = node.getByTestId('missing-file');
    await expect(missing).toContainText('File missing: readings.csv (4.0 KB)');
    const choose = node.getByRole('button', { name: 'Choose the file for readings.csv' });
    await expect(choose).toBeVisible();
    await node.screenshot({ path: `${SHOTS}/missing-node.png` });

    // Another file is not taken silently: it asks, and Cancel keeps the reference.
    await chooseFor(other.page, choose, OTHER);
    await expect(missing).toContainText('other.csv is not the file this source refers to');
    await node.screenshot({ path: `${SHOTS}/missing-other.png` });
    await missing.getByRole('button', { name: 'Cancel' }).click();
    await expect(choose).toBeVisible();

    // The same bytes make the node whole, and the document is unchanged.
    await chooseFor(other.page, choose, READINGS);
    await expect(missing).toHaveCount(0);
    await expect(node.getByTestId('stored-file')).toHaveAttribute('data-presence', 'present');
    expect((await savedParams(other.bar, id)).stored).toEqual(params.stored);
    const sink = await other.editor.dragFromPalette('sink.collect', 520, 200);
    await other.editor.connect(id, 'out', sink);
    const run = new RunControls(other.page);
    await run.setSpeed('max');
    await run.runButton.click();
    await run.expectPhase('Finished');
    expect(await run.results()).toBe(120);
  } finally {
    await other.close();
  }
});

test('a different file, used anyway, replaces the reference and its fields', async ({ page, editor, browser }) => {
  const bar = new DocumentsBar(page);
  await editor.goto();
  const id = await dropData(page, editor, READINGS);
  await bar.waitUntilSaved();
  const exported = await exportWith(page, bar, false);
  const other = await freshPage(browser);
  try {
    await other.bar.importFile({ name: 'readings.windowpane.json', text: exported });
    const node = other.editor.nodeLocator(id);
    await chooseFor(other.page, node.getByRole('button', { name: 'Choose the file for readings.csv' }), OTHER);
    await node.getByRole('button', { name: 'Use it anyway' }).click();
    await expect(node.getByTestId('missing-file')).toHaveCount(0);
    await expect(node).toContainText('other.csv');
    const params = await savedParams(other.bar, id);
    expect(params.fileName).toBe('other.csv');
    expect(params.stored?.size).toBe(Buffer.byteLength(OTHER.text));
    expect(params.fields?.map((f) => f.name)).toEqual(['ts', 'site', 'load']);
  } finally {
    await other.close();
  }
});

test('export with data inlines a small stored file; a share link carries the reference only and names the file', async ({ page, editor, browser }) => {
  const bar = new DocumentsBar(page);
  await editor.goto();
  const id = await dropData(page, editor, READINGS);
  await bar.waitUntilSaved();
  const exported = JSON.parse(await exportWith(page, bar, true)) as { nodes: { id: string; params: FileParams }[] };
  await expect(bar.notice).toContainText('It includes the data of readings.csv (4.0 KB)');
  const params = exported.nodes.find((n) => n.id === id)!.params;
  expect(params.data).toBe(READINGS.text);
  expect(params).not.toHaveProperty('stored');

  const link = await bar.copyShareLink();
  await expect(bar.notice).toContainText('the recipient will be asked for the file readings.csv (4.0 KB)');
  const other = await freshPage(browser);
  try {
    await other.page.goto(link);
    const ask = other.page.getByRole('dialog', { name: 'Open a shared pipeline?' });
    await expect(ask).toContainText('the node asks for readings.csv (4.0 KB)');
    await ask.getByRole('button', { name: 'Open shared pipeline' }).click();
    await expect(other.editor.nodeLocator(id).getByTestId('missing-file')).toContainText('File missing: readings.csv');
  } finally {
    await other.close();
  }
});

test('results show after Run of a stored file, also after a reload', async ({ page, editor }) => {
  const bar = new DocumentsBar(page);
  await editor.goto();
  const id = await dropData(page, editor, READINGS);
  const sink = await editor.dragFromPalette('sink.collect', 520, 200);
  await editor.connect(id, 'out', sink);
  const run = new RunControls(page);
  await run.setSpeed('max');
  await run.runButton.click();
  await run.expectPhase('Finished');
  expect(await run.results()).toBe(120);
  await bar.waitUntilSaved();
  await page.reload();
  await bar.bar.waitFor();
  await run.setSpeed('max');
  await run.runButton.click();
  await run.expectPhase('Finished');
  expect(await run.results()).toBe(120);
});

test('a data file dropped on a File node that needs one fills that node instead of adding another', async ({ page, editor }) => {
  const bar = new DocumentsBar(page);
  await editor.goto();
  const id = await editor.dragFromPalette('source.file', 300, 200);
  const node = editor.nodeLocator(id);
  await expect(node).toContainText('Needs a data file');
  const count = (await editor.nodeIds()).length;
  const dataTransfer = await page.evaluateHandle(({ name, text }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], name, { type: 'text/csv' }));
    return transfer;
  }, READINGS);
  const box = (await node.boundingBox())!;
  const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
  for (const type of ['dragenter', 'dragover', 'drop']) await node.dispatchEvent(type, { dataTransfer, ...at });
  await expect(node.getByTestId('stored-file')).toHaveAttribute('data-presence', 'present');
  await expect(node).not.toContainText('Needs a data file');
  expect((await editor.nodeIds()).length).toBe(count);
  await expect(bar.notice).toContainText(`now reads ${READINGS.name}`);
  expect((await savedParams(bar, id)).stored?.hash).toMatch(/^sha256:/);
});
