import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar, type TestFile } from './pages/DocumentsBar';
import { EditorPage } from './pages/EditorPage';
import { InspectorPanel } from './pages/InspectorPanel';

const SHOTS = '/tmp/i2-store-ui';
const rows = Array.from({ length: 120 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString()},dev${i % 3},${20 + (i % 7)}`);
const READINGS: TestFile = { name: 'readings.csv', text: `time,device,temperature\n${rows.join('\n')}\n` };
const OTHER: TestFile = { name: 'other.csv', text: `ts,site,load\n${rows.map((_, i) => `${1_704_067_200_000 + i * 1000},s${i % 2},${i}`).join('\n')}\n` };

interface FileParams {
  readonly stored?: { hash: string; size: number };
  readonly fields?: { name: string; type: string }[];
  readonly data?: string;
  readonly fileName?: string;
  readonly eventTime?: string;
}

/** Drops `file` on the canvas the way the operating system would; the new node's id. */
async function dropData(page: Page, editor: EditorPage, file: TestFile): Promise<string> {
  const before = new Set(await editor.nodeIds());
  const dataTransfer = await page.evaluateHandle(({ name, text }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], name, { type: 'text/csv' }));
    return transfer;
  }, file);
  const at = await editor.pagePoint({ x: 220, y: 200 });
  for (const type of ['dragenter', 'dragover', 'drop']) await editor.pane.dispatchEvent(type, { dataTransfer, clientX: at.x, clientY: at.y });
  await expect.poll(async () => (await editor.nodeIds()).length).toBe(before.size + 1);
  return (await editor.nodeIds()).find((id) => !before.has(id))!;
}

async function savedParams(bar: DocumentsBar, id: string): Promise<FileParams> {
  await bar.waitUntilSaved();
  const record = await bar.stored();
  const nodes = (record?.doc as { nodes: { id: string; params: FileParams }[] } | undefined)?.nodes ?? [];
  return nodes.find((n) => n.id === id)?.params ?? {};
}

test.use({ viewport: { width: 1440, height: 900 } });

test('the inspector of a stored file shows it, chooses another as a reference, and turns a small one into text, never both', async ({ page, editor }) => {
  const bar = new DocumentsBar(page);
  const inspector = new InspectorPanel(page);
  await editor.goto();
  const id = await dropData(page, editor, READINGS);
  await editor.nodeLocator(id).click();
  await inspector.expectNode(id);

  // The stored file, not an empty text box offering to load one.
  const file = inspector.panel.getByRole('group', { name: 'Stored file' });
  await expect(file).toContainText('readings.csv');
  await expect(file).toContainText('4.0 KB');
  await expect(file).toContainText('3 fields found');
  await expect(inspector.panel.getByText('Load a file…')).toHaveCount(0);
  await expect(inspector.panel.getByPlaceholder('Paste CSV, NDJSON or a JSON array, or load a file')).toHaveCount(0);
  await expect(inspector.noNodeProblems).toBeVisible();
  await file.locator('xpath=ancestor::fieldset[1]').screenshot({ path: `${SHOTS}/inspector-stored.png` });
  const first = await savedParams(bar, id);

  // Another file is stored and referred to, as a drop is: its fields and event time replace the old ones.
  await inspector.panel.locator('input.wp-file-picker').setInputFiles({ name: OTHER.name, mimeType: 'text/csv', buffer: Buffer.from(OTHER.text) });
  await expect(file).toContainText('other.csv');
  await expect.poll(async () => (await savedParams(bar, id)).fileName).toBe('other.csv');
  const other = await savedParams(bar, id);
  expect(other.stored?.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(other.stored?.hash).not.toBe(first.stored?.hash);
  expect(other.eventTime).toBe('ts');
  expect(other.fields).toEqual([{ name: 'ts', type: 'time' }, { name: 'site', type: 'string' }, { name: 'load', type: 'number' }]);
  expect(other).not.toHaveProperty('data');
  await expect(inspector.noNodeProblems).toBeVisible();

  // A small file becomes text in the document: the reference and its fields go, and nothing is invalid.
  await inspector.panel.getByRole('button', { name: 'Edit as text' }).click();
  const text = inspector.panel.getByPlaceholder('Paste CSV, NDJSON or a JSON array, or load a file');
  await expect(text).toHaveValue(OTHER.text);
  await expect(file).toHaveCount(0);
  await expect.poll(async () => (await savedParams(bar, id)).data).toBe(OTHER.text);
  const inline = await savedParams(bar, id);
  expect(inline).not.toHaveProperty('stored');
  expect(inline).not.toHaveProperty('fields');
  await expect(inspector.noNodeProblems).toBeVisible();
  await text.locator('xpath=ancestor::*[contains(@class, "wp-param")][1]').screenshot({ path: `${SHOTS}/inspector-inline.png` });
});
