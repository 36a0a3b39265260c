import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** A file as a test hands it to the page: a name and its text. */
export interface TestFile {
  readonly name: string;
  readonly text: string;
}

/**
 * The documents bar above the canvas, as a user works it: the pipeline's
 * name, the Pipelines menu, New from example, import (file picker, paste,
 * drop), export (download, Ctrl+S, copy) and share links, and the dialogs
 * they open.
 */
export class DocumentsBar {
  readonly page: Page;
  readonly bar: Locator;
  readonly name: Locator;
  readonly saveStatus: Locator;
  readonly pipelinesButton: Locator;
  readonly pipelinesPanel: Locator;
  readonly notice: Locator;
  /** Whichever modal dialog is open. */
  readonly dialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.bar = page.getByRole('toolbar', { name: 'Pipeline' });
    this.name = this.bar.getByRole('textbox', { name: 'Pipeline name' });
    this.saveStatus = this.bar.locator('.wp-docs-save-status');
    this.pipelinesButton = this.bar.getByRole('button', { name: /^Pipelines/ });
    this.pipelinesPanel = page.getByRole('region', { name: 'Pipelines' });
    this.notice = page.locator('.wp-docs-notice');
    this.dialog = page.getByRole('dialog');
  }

  button(name: string): Locator {
    return this.bar.getByRole('button', { name, exact: true });
  }

  /** Opens the app and waits for the bar (and so for the restored pipeline). */
  async goto(hash = ''): Promise<void> {
    await this.page.goto(`/${hash}`);
    await this.bar.waitFor();
  }

  /** Waits until everything on screen is stored, so a reload or a crash keeps it. */
  async waitUntilSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveAttribute('data-status', 'saved');
  }

  /**
   * What autosave has stored for the open pipeline, read straight from
   * IndexedDB: for waiting until a change the canvas commits a moment after
   * the gesture (the end of a pan) has reached storage.
   */
  async stored(): Promise<{ doc: unknown; selection: unknown; viewport: { x: number; y: number; zoom: number } } | undefined> {
    return this.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('windowpane-documents');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('cannot open the database'));
      });
      const read = (store: IDBObjectStore, key: string) => new Promise<unknown>((resolve, reject) => {
        const request = store.get(key);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('cannot read'));
      });
      const store = db.transaction('pipelines').objectStore('pipelines');
      const open = await read(store, 'open');
      const record = typeof open === 'string' ? await read(store, `pipeline:${open}`) : undefined;
      db.close();
      return record as { doc: unknown; selection: unknown; viewport: { x: number; y: number; zoom: number } } | undefined;
    });
  }

  /**
   * New from example: picks the card whose title starts with `title`, and waits
   * until the pipeline is open under `opensAs` ("Title (2)" when a pipeline has the title already).
   */
  async newFromExample(title: string, opensAs = title): Promise<void> {
    await this.button('New from example').click();
    const gallery = this.page.getByRole('dialog', { name: 'New from example' });
    await gallery.getByRole('button', { name: new RegExp(`^${escapeRegExp(title)}`) }).click();
    await expect(gallery).toBeHidden();
    await expect(this.name).toHaveValue(opensAs);
  }

  /** Export by the button (or Ctrl+S); resolves to the suggested file name and the file's text. */
  async export(how: 'button' | 'shortcut' = 'button'): Promise<TestFile> {
    const download = this.page.waitForEvent('download');
    if (how === 'button') await this.button('Export').click();
    else await this.page.keyboard.press('ControlOrMeta+s');
    const file = await download;
    const path = await file.path();
    return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /** Import through the file picker. */
  async importFile(file: TestFile): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.button('Import…').click();
    await (await chooser).setFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  }

  /** Drops a file on `target` (the canvas, say) the way the operating system would. */
  async dropFile(target: Locator, file: TestFile): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'application/json' }));
      return transfer;
    }, file);
    for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
  }

  /** Paste JSON: types the text into the dialog and imports it. */
  async pasteJson(text: string): Promise<void> {
    await this.button('Paste JSON…').click();
    const dialog = this.page.getByRole('dialog', { name: 'Paste pipeline JSON' });
    await dialog.getByRole('textbox', { name: 'Pipeline JSON' }).fill(text);
    await dialog.getByRole('button', { name: 'Import' }).click();
  }

  /** The dialog that lists why an import failed. */
  problemsDialog(): Locator {
    return this.page.getByRole('dialog', { name: /can't be (imported|opened)/ });
  }

  /** The rows of a problems list: where, then what. */
  problemRows(dialog: Locator): Locator {
    return dialog.getByRole('list', { name: 'Problems found' }).getByRole('listitem');
  }

  async openPipelines(): Promise<void> {
    if ((await this.pipelinesButton.getAttribute('aria-expanded')) !== 'true') await this.pipelinesButton.click();
    await expect(this.pipelinesPanel).toBeVisible();
  }

  /** The names in the Pipelines menu, most recently changed first. */
  async pipelineNames(): Promise<string[]> {
    await this.openPipelines();
    const names = await this.pipelinesPanel.locator('.wp-docs-pipeline-name').allTextContents();
    await this.page.keyboard.press('Escape');
    return names;
  }

  async openPipeline(name: string): Promise<void> {
    await this.openPipelines();
    await this.pipelinesPanel.getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`) }).first().click();
    await expect(this.name).toHaveValue(name);
  }

  /** Starts a new, empty pipeline from the Pipelines menu. */
  async newPipeline(): Promise<void> {
    await this.openPipelines();
    await this.pipelinesPanel.getByRole('button', { name: 'New pipeline' }).click();
    await expect(this.name).toHaveValue(/^Untitled pipeline/);
  }

  async pipelineAction(action: 'Rename' | 'Duplicate' | 'Delete', name: string): Promise<void> {
    await this.openPipelines();
    await this.pipelinesPanel.getByRole('button', { name: `${action} ${name}`, exact: true }).click();
  }

  /** Renames the open pipeline in place. */
  async rename(name: string): Promise<void> {
    await this.name.fill(name);
    await this.name.press('Enter');
    await expect(this.name).toHaveValue(name);
  }

  /** Share link: clicks it and reads the link back from the clipboard (grant clipboard permissions first). */
  async copyShareLink(): Promise<string> {
    await this.button('Share link').click();
    await expect(this.notice).toContainText('Share link copied');
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
