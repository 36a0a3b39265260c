import type { Locator, Page } from '@playwright/test';

/** The application shell as a user sees it: top bar, example list, example detail. */
export class AppPage {
  readonly page: Page;
  readonly wordmark: Locator;
  readonly tagline: Locator;
  readonly exampleNav: Locator;
  readonly exampleLinks: Locator;
  readonly main: Locator;
  readonly detailHeading: Locator;
  readonly validation: Locator;
  readonly nodesTable: Locator;
  readonly edgesTable: Locator;
  readonly problems: Locator;

  constructor(page: Page) {
    this.page = page;
    this.wordmark = page.getByRole('heading', { level: 1, name: 'Windowpane' });
    this.tagline = page.getByText('Design streaming pipelines. See event time.');
    this.exampleNav = page.getByRole('navigation', { name: /Example pipelines/ });
    this.exampleLinks = this.exampleNav.getByRole('link');
    this.main = page.getByRole('main');
    this.detailHeading = this.main.getByRole('heading', { level: 2 });
    this.validation = page.getByRole('status', { name: 'Validation' });
    this.nodesTable = page.getByRole('table', { name: /^Nodes/ });
    this.edgesTable = page.getByRole('table', { name: /^Edges/ });
    this.problems = page.getByRole('region', { name: 'Problems' });
  }

  /** Opens the app, optionally at a hash such as `#/examples/card-spend`. */
  async goto(hash = ''): Promise<void> {
    await this.page.goto(`/${hash}`);
    await this.wordmark.waitFor();
  }

  exampleLink(name: string): Locator {
    return this.exampleNav.getByRole('link', { name, exact: true });
  }

  /** Picks an example from the list with the mouse. */
  async pickExample(name: string): Promise<void> {
    await this.exampleLink(name).click();
    await this.detailHeading.filter({ hasText: name }).waitFor();
  }

  /** Picks an example from the list with the keyboard. */
  async pickExampleWithKeyboard(name: string): Promise<void> {
    await this.exampleLink(name).focus();
    await this.page.keyboard.press('Enter');
    await this.detailHeading.filter({ hasText: name }).waitFor();
  }

  /** The ids in the first column of a table, in order (the code, without the node's label). */
  private idsIn(table: Locator): Promise<string[]> {
    return table
      .getByRole('rowheader')
      .evaluateAll((cells) => cells.map((cell) => cell.querySelector('code')?.textContent ?? ''));
  }

  nodeIds(): Promise<string[]> {
    return this.idsIn(this.nodesTable);
  }

  edgeIds(): Promise<string[]> {
    return this.idsIn(this.edgesTable);
  }
}
