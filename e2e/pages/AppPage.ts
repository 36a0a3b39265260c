import type { Locator, Page } from '@playwright/test';

/** The application shell as a user sees it: the top bar and the editor's regions. */
export class AppPage {
  readonly page: Page;
  readonly wordmark: Locator;
  readonly tagline: Locator;
  readonly skipLink: Locator;
  readonly main: Locator;
  readonly documentsBar: Locator;
  readonly palette: Locator;
  readonly canvas: Locator;
  readonly inspector: Locator;
  readonly problems: Locator;

  constructor(page: Page) {
    this.page = page;
    this.wordmark = page.getByRole('heading', { level: 1, name: 'Windowpane' });
    this.tagline = page.getByText('Design streaming pipelines. See event time.');
    this.skipLink = page.getByRole('link', { name: 'Skip to the canvas' });
    this.main = page.getByRole('main');
    this.documentsBar = page.getByRole('toolbar', { name: 'Pipeline' });
    this.palette = page.getByRole('navigation', { name: 'Node palette' });
    this.canvas = page.getByTestId('canvas');
    this.inspector = page.getByRole('complementary', { name: 'Inspector' });
    this.problems = page.getByRole('region', { name: 'Problems' });
  }

  /** Opens the app, optionally at a hash. */
  async goto(hash = ''): Promise<void> {
    await this.page.goto(`/${hash}`);
    await this.wordmark.waitFor();
  }
}
