import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { dropData, OTHER, READINGS, savedParams } from './droppedDataFiles';
import { InspectorPanel } from './pages/InspectorPanel';

const SHOTS = '/tmp/i2-store-ui';

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
