import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A run as a user watches it: the run toolbar, the results dock under the
 * canvas (problems, one tab per chart and table sink, the node preview), the
 * live badges on nodes and the rates on edges.
 */
export class ResultsPage {
  readonly page: Page;
  readonly runToolbar: Locator;
  readonly runButton: Locator;
  readonly pauseButton: Locator;
  readonly stopButton: Locator;
  readonly speed: Locator;
  readonly dockTabs: Locator;
  readonly preview: Locator;
  /** The run status; `data-phase` is the phase, `data-results` the results so far, each counted once. */
  readonly status: Locator;
  /** The status line's result count; its title lists each sink's own count. */
  readonly resultCount: Locator;

  constructor(page: Page) {
    this.page = page;
    this.runToolbar = page.getByRole('toolbar', { name: 'Run' });
    this.runButton = this.runToolbar.getByRole('button', { name: 'Run', exact: true });
    this.pauseButton = this.runToolbar.getByRole('button', { name: 'Pause', exact: true });
    this.stopButton = this.runToolbar.getByRole('button', { name: 'Stop', exact: true });
    this.speed = this.runToolbar.getByRole('combobox', { name: 'Speed' });
    this.dockTabs = page.getByRole('tablist', { name: 'Results dock' });
    this.preview = page.getByTestId('node-preview');
    this.status = page.getByTestId('run-status');
    this.resultCount = page.getByTestId('run-results');
  }

  /** Runs at Max speed until the sources end (a paced speed would take minutes). */
  async runToEnd(): Promise<void> {
    await this.speed.selectOption('max');
    await this.runButton.click();
    await expect(this.status).toHaveAttribute('data-phase', 'finished', { timeout: 30_000 });
  }

  async results(): Promise<number> {
    return Number(await this.status.getAttribute('data-results'));
  }

  /** Each sink's own result count, by its title, as the result count's hover text lists them. */
  async sinkCounts(): Promise<Map<string, number>> {
    const title = (await this.resultCount.getAttribute('title')) ?? '';
    const counts = new Map<string, number>();
    for (const line of title.split('\n').slice(1)) {
      const at = line.lastIndexOf(': ');
      counts.set(line.slice(0, at), Number(line.slice(at + 2).replaceAll(',', '')));
    }
    return counts;
  }

  /** Sets the speed (an option value: '10', 'max') and presses Run. */
  async run(speed = '10'): Promise<void> {
    await this.speed.selectOption(speed);
    await this.runButton.click();
    await expect(this.pauseButton).toBeVisible();
  }

  /** A tab of the dock: a string names it exactly. */
  tab(name: string | RegExp): Locator {
    return this.dockTabs.getByRole('tab', typeof name === 'string' ? { name, exact: true } : { name });
  }

  /** The results view of a chart or table sink in the dock. */
  sinkView(sinkId: string): Locator {
    return this.page.locator(`[data-testid="sink-view"][data-sink="${sinkId}"]`);
  }

  /** The uPlot host of a chart sink: `data-points` counts the points drawn. */
  chart(sinkId: string): Locator {
    return this.sinkView(sinkId).getByTestId('live-chart');
  }

  table(sinkId: string): Locator {
    return this.sinkView(sinkId).getByTestId('live-table');
  }

  /** A log sink's lines: `data-lines` holds the lines kept, `data-received` every row it received. */
  log(sinkId: string): Locator {
    return this.sinkView(sinkId).getByTestId('live-log');
  }

  async chartPoints(sinkId: string): Promise<number> {
    return Number(await this.chart(sinkId).getAttribute('data-points'));
  }

  async tableRows(sinkId: string): Promise<number> {
    return Number(await this.table(sinkId).getAttribute('data-rows'));
  }

  /** The sparkline on a chart node of the canvas. */
  nodeSparkline(nodeId: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${nodeId}"]`).getByTestId('sparkline');
  }

  /** A node's live badges; `data-rows-in`, `data-rows-out` and `data-late` hold its totals. */
  nodeStats(nodeId: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${nodeId}"]`).getByTestId('node-stats');
  }

  async rowsOut(nodeId: string): Promise<number> {
    return Number(await this.nodeStats(nodeId).getAttribute('data-rows-out'));
  }

  /** An edge's rate label. */
  edgeLabel(edgeId: string): Locator {
    return this.page.locator(`.react-flow__edge[data-id="${edgeId}"]`).getByTestId('edge-rate');
  }

  /** The preview's table rows (newest first). */
  previewRows(): Locator {
    return this.preview.getByTestId('preview-table').locator('tbody tr');
  }

  /** Preview rows marked as a revision (`revised`) or replaced by one (`superseded`). */
  previewRowsMarked(mark: 'revised' | 'superseded'): Locator {
    return this.preview.getByTestId('preview-table').locator(`tbody tr[data-mark="${mark}"]`);
  }

  previewHeaders(): Locator {
    return this.preview.getByRole('columnheader');
  }
}
