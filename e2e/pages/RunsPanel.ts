import { expect, type Locator, type Page } from '@playwright/test';

/** The Runs panel (the run toolbar's "Runs" button): the history of runs and a past run's detail. */
export class RunsPanel {
  readonly page: Page;
  readonly button: Locator;
  readonly dialog: Locator;
  readonly rows: Locator;
  readonly stateFilter: Locator;
  readonly pipelineFilter: Locator;
  readonly detail: Locator;

  constructor(page: Page) {
    this.page = page;
    this.button = page.getByRole('toolbar', { name: 'Run' }).getByRole('button', { name: 'Runs', exact: true });
    this.dialog = page.getByRole('dialog', { name: /^Run/ });
    this.rows = this.dialog.getByRole('table', { name: 'Runs, newest first' }).getByTestId('run-row');
    this.stateFilter = this.dialog.getByRole('combobox', { name: 'State' });
    this.pipelineFilter = this.dialog.getByRole('combobox', { name: 'Pipeline' });
    this.detail = this.dialog.getByTestId('run-detail');
  }

  async open(): Promise<void> {
    await this.button.click();
    await expect(this.dialog).toBeVisible();
  }

  /** The rows' states, newest first, as the panel says them. */
  async states(): Promise<string[]> {
    return this.rows.getByTestId('run-state').allTextContents();
  }

  row(pipeline: string): Locator {
    return this.rows.filter({ hasText: pipeline });
  }

  async openRun(pipeline: string): Promise<void> {
    await this.row(pipeline).getByRole('button', { name: /^Open/ }).first().click();
    await expect(this.detail).toBeVisible();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
