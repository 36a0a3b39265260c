import { expect, type Locator, type Page } from '@playwright/test';

/** The phase names the run toolbar shows. */
export type RunPhaseText = 'Idle' | 'Running' | 'Paused' | 'Finished' | 'Failed';

/**
 * The run toolbar over the canvas: Run / Pause, Step (and its menu), Stop,
 * the speed control and the status line, whose figures are also in
 * `data-events` (events the sources produced) and `data-results` (rows that
 * reached the sinks).
 */
export class RunControls {
  readonly page: Page;
  readonly toolbar: Locator;
  readonly runButton: Locator;
  readonly pauseButton: Locator;
  readonly stepButton: Locator;
  readonly stepOptions: Locator;
  readonly stopButton: Locator;
  readonly speed: Locator;
  readonly status: Locator;
  readonly phase: Locator;
  /** "30,000 events · 55 results", shown once a run exists. */
  readonly figures: Locator;
  /** Why the last Run could not start ("Can't run: …"), or that the worker restarted. */
  readonly problem: Locator;

  constructor(page: Page) {
    this.page = page;
    this.toolbar = page.getByRole('toolbar', { name: 'Run' });
    this.runButton = this.toolbar.getByRole('button', { name: 'Run', exact: true });
    this.pauseButton = this.toolbar.getByRole('button', { name: 'Pause', exact: true });
    this.stepButton = this.toolbar.getByRole('button', { name: 'Step', exact: true });
    this.stepOptions = this.toolbar.getByRole('button', { name: 'Step options' });
    this.stopButton = this.toolbar.getByRole('button', { name: 'Stop', exact: true });
    this.speed = this.toolbar.getByRole('combobox', { name: 'Speed' });
    this.status = page.getByTestId('run-status');
    this.phase = this.status.getByRole('status');
    this.figures = this.status.locator('.wp-run-figures');
    this.problem = this.status.locator('.wp-run-problem');
  }

  async run(): Promise<void> {
    await this.runButton.click();
    await this.expectPhase('Running');
  }

  async pause(): Promise<void> {
    await this.pauseButton.click();
    await this.expectPhase('Paused');
  }

  async stop(): Promise<void> {
    await this.stopButton.click();
    await this.expectPhase('Idle');
  }

  /** Steps one batch (the button) or one event (its menu). */
  async step(unit: 'batch' | 'event' = 'batch'): Promise<void> {
    if (unit === 'batch') await this.stepButton.click();
    else {
      await this.stepOptions.click();
      await this.toolbar.getByRole('menuitem', { name: /One event/ }).click();
    }
  }

  /** `0.1`, `1`, `100` or `max`. */
  async setSpeed(speed: string): Promise<void> {
    await this.speed.selectOption(speed);
  }

  async expectPhase(phase: RunPhaseText): Promise<void> {
    await expect(this.status).toHaveAttribute('data-phase', phase.toLowerCase());
  }

  /** Events the sources have produced in this run. */
  async events(): Promise<number> {
    return Number(await this.status.getAttribute('data-events'));
  }

  /** Rows that reached the sinks in this run. */
  async results(): Promise<number> {
    return Number(await this.status.getAttribute('data-results'));
  }
}
