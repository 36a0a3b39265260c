import type { Locator, Page } from '@playwright/test';

/** A WebSocket source node as a user watches it: its connection state, dead letters and drops. */
export class LiveSourcePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  node(nodeId: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${nodeId}"]`);
  }

  /** The connection badge; `data-state` is connecting, live, reconnecting or closed, its title the detail. */
  connection(nodeId: string): Locator {
    return this.node(nodeId).getByTestId('connection-state');
  }

  async deadLetters(nodeId: string): Promise<number> {
    const badge = this.node(nodeId).getByTestId('dead-letters');
    return (await badge.count()) === 0 ? 0 : Number(await badge.getAttribute('data-count'));
  }

  async rowsOut(nodeId: string): Promise<number> {
    return Number(await this.node(nodeId).getByTestId('node-stats').getAttribute('data-rows-out'));
  }

  /** The palette's entry for a stream of the sample server. */
  paletteStream(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'Node palette' }).locator(`[data-live-stream="${name}"]`);
  }

  /** The run's phase: idle, running, paused, finished or failed. */
  runPhase(): Locator {
    return this.page.getByTestId('run-status');
  }
}
