/** Data files dropped on the canvas and what the autosaved document then says of their nodes (shared by the stored-file specs). */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import type { DocumentsBar, TestFile } from './pages/DocumentsBar';
import type { EditorPage } from './pages/EditorPage';

const rows = Array.from({ length: 120 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString()},dev${i % 3},${20 + (i % 7)}`);
/** 120 readings with ISO times, three devices. */
export const READINGS: TestFile = { name: 'readings.csv', text: `time,device,temperature\n${rows.join('\n')}\n` };
/** Another file of 120 rows, with epoch-millisecond times and other fields. */
export const OTHER: TestFile = { name: 'other.csv', text: `ts,site,load\n${rows.map((_, i) => `${1_704_067_200_000 + i * 1000},s${i % 2},${i}`).join('\n')}\n` };

/** The params of a file source as the document holds them. */
export interface FileParams {
  readonly stored?: { hash: string; size: number };
  readonly fields?: { name: string; type: string }[];
  readonly data?: string;
  readonly fileName?: string;
  readonly eventTime?: string;
}

/** Drops `file` on the canvas the way the operating system would; the new node's id. */
export async function dropData(page: Page, editor: EditorPage, file: TestFile): Promise<string> {
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

/** The params of node `id` in the autosaved document, read from IndexedDB as the app keeps it. */
export async function savedParams(bar: DocumentsBar, id: string): Promise<FileParams> {
  await bar.waitUntilSaved();
  const record = await bar.stored();
  const nodes = (record?.doc as { nodes: { id: string; params: FileParams }[] } | undefined)?.nodes ?? [];
  return nodes.find((n) => n.id === id)?.params ?? {};
}
