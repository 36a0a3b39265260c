import { createServer } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { EditorPage } from './pages/EditorPage';

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Counts the app's requests for the stream list in the page itself, so the test knows when one is still under way. */
async function countStreamRequests(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counts = { asked: 0, pending: 0 };
    Object.assign(window, { streamRequests: counts });
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.endsWith('/api/streams')) return original(input, init);
      counts.asked++;
      counts.pending++;
      return original(input, init).finally(() => { counts.pending--; });
    };
  });
}

const requests = (page: Page) => page.evaluate(() => (window as unknown as { streamRequests: { asked: number; pending: number } }).streamRequests);

test.describe('the sample server, away', () => {
  test('is looked for with backoff: a handful of failed requests in five minutes, and at once on focus or when asked', async ({ page }) => {
    // Many short steps of the page's clock, each a round trip to the browser: slow on a busy machine.
    test.setTimeout(120_000);
    const port = await closedPort();
    const failed: string[] = [];
    page.on('requestfailed', (request) => {
      if (request.url().endsWith('/api/streams')) failed.push(request.url());
    });
    await countStreamRequests(page);
    await page.clock.install();
    const editor = new EditorPage(page);
    await editor.goto(`/?server=http://localhost:${port}`);
    const offline = page.getByTestId('sample-server-offline');
    await expect(offline).toContainText('Sample server offline');

    // Five minutes on the page's clock, two seconds at a time (every wait is a multiple of 2 s, so
    // each look starts at the end of a step), each look let finish before the clock moves on.
    for (let seconds = 0; seconds < 300; seconds += 2) {
      await page.clock.runFor(2000);
      if ((await requests(page)).pending > 0) await expect.poll(async () => (await requests(page)).pending).toBe(0);
    }
    const { asked } = await requests(page);
    // Looks at 0, 2, 6, 14, 30, 62, 126 and 254 s (polling every 15 s with a retry made 40).
    expect(asked).toBeGreaterThanOrEqual(7);
    expect(asked).toBeLessThanOrEqual(9);
    await expect.poll(() => failed.length).toBe(asked);
    await expect(offline).toBeVisible();

    // Coming back to the window looks at once, without waiting for the next turn.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(async () => (await requests(page)).asked).toBe(asked + 1);
    await expect.poll(async () => (await requests(page)).pending).toBe(0);

    // So does the button.
    await offline.getByRole('button', { name: 'Check again' }).click();
    await expect.poll(async () => (await requests(page)).asked).toBe(asked + 2);
    await expect.poll(() => failed.length).toBe(asked + 2);
    await expect(offline).toBeVisible();
  });
});
