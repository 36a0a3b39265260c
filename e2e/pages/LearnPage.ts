import type { Locator, Page } from '@playwright/test';

/** The Learn panel as a learner and a teacher use it: found by roles and labels. */
export class LearnPage {
  readonly page: Page;
  readonly button: Locator;
  readonly panel: Locator;
  readonly lessons: Locator;
  readonly importedLessons: Locator;
  readonly fileInput: Locator;

  constructor(page: Page) {
    this.page = page;
    this.button = page.getByRole('button', { name: 'Learn', exact: true });
    this.panel = page.getByRole('complementary', { name: 'Learn' });
    this.lessons = this.panel.getByRole('list', { name: 'Lessons' });
    this.importedLessons = this.panel.getByRole('list', { name: 'Imported lessons' });
    this.fileInput = this.panel.getByLabel('Lesson file to import');
  }

  async open(): Promise<void> {
    await this.button.click();
    await this.panel.getByRole('heading', { name: 'Learn', level: 2 }).waitFor();
  }

  /** A lesson's entry in the list, by its title. */
  lesson(title: string | RegExp): Locator {
    return this.panel.getByRole('listitem').filter({ hasText: title });
  }

  task(n: number): Locator {
    return this.panel.getByRole('region', { name: `Task ${n}` });
  }

  /** Drops a file on the panel the way the operating system would. */
  async drop(name: string, text: string): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(({ name: fileName, text: content }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: 'application/json' }));
      return transfer;
    }, { name, text });
    const body = this.panel.locator('.wp-learn');
    for (const type of ['dragenter', 'dragover', 'drop']) await body.dispatchEvent(type, { dataTransfer });
  }
}
