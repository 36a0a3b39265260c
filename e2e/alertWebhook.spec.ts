import { createServer, type Server } from 'node:http';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DocumentsBar } from './pages/DocumentsBar';
import { RunControls } from './pages/RunControls';
import { OWN_SERVER_PORT } from './ports';

/**
 * Alert sinks with webhooks in the app: the worker posts each alert row with
 * fetch to a local endpoint (which allows the app's origin by CORS), and the
 * sink's badge counts what was sent and what failed.
 */
const ROWS = Array.from({ length: 40 }, (_, i) => ({ t: i * 60_000, m: i % 2 === 0 ? 'a' : 'b', v: i === 10 || i === 11 || i === 30 ? 99 : 1 }));

function pipeline(port: number): string {
  const data = ROWS.map((r) => JSON.stringify(r)).join('\n');
  const sink = (id: string, path: string, x: number) => ({ id, kind: 'sink.alert', position: { x, y: 300 }, params: { when: 'v > 50', severity: 'critical', resolveAfter: '5m', cooldown: '10m', webhook: `http://127.0.0.1:${port}${path}` } });
  return JSON.stringify({
    format: 'windowpane.pipeline', version: 1, name: 'Alert webhooks',
    nodes: [
      { id: 'src', kind: 'source.file', position: { x: 0, y: 0 }, params: { format: 'ndjson', eventTime: 't', timeFormat: 'epochMillis', data } },
      { id: 'key', kind: 'transform.keyBy', position: { x: 0, y: 150 }, params: { fields: ['m'] } },
      sink('hooked', '/ok', -150), sink('failing', '/fail', 250),
    ],
    edges: [{ id: 'e0', from: 'src', to: 'key' }, { id: 'e1', from: 'key', to: 'hooked' }, { id: 'e2', from: 'key', to: 'failing' }],
  });
}

let server: Server;
const received: Record<string, unknown>[] = [];
let failedHits = 0;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    // The app's origin differs from the endpoint's: a JSON POST is preflighted.
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'content-type');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    let text = '';
    req.on('data', (chunk: Buffer) => { text += chunk.toString('utf8'); });
    req.on('end', () => {
      if (req.url === '/fail') {
        failedHits++;
        res.writeHead(500).end();
        return;
      }
      received.push(JSON.parse(text) as Record<string, unknown>);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => { server.listen(OWN_SERVER_PORT, '127.0.0.1', resolve); });
});

test.afterAll(async () => {
  await new Promise((resolve) => { server.close(resolve); });
});

const badge = (page: Page, id: string) => page.getByTestId('canvas').locator(`.react-flow__node[data-id="${id}"]`).getByTestId('webhook-badge');

test('the worker posts alert rows to the webhook and the node counts sent and failed posts', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const bar = new DocumentsBar(page);
  await bar.goto();
  await bar.pasteJson(pipeline(OWN_SERVER_PORT));
  const run = new RunControls(page);
  await run.run();
  // Key a spikes at minutes 10 and 30 (two alerts), key b at 11: each alert opens and resolves, 6 rows in all.
  await expect(badge(page, 'hooked')).toHaveAttribute('data-sent', '6', { timeout: 20_000 });
  await expect(badge(page, 'hooked')).toHaveAttribute('data-failed', '0');
  await expect(badge(page, 'hooked')).toHaveText('webhook 6 sent');
  expect(received.map((r) => `${String(r.alert_id)} ${String(r.status)}`).sort()).toEqual([
    'hooked:a:1 open', 'hooked:a:1 resolved', 'hooked:a:2 open', 'hooked:a:2 resolved', 'hooked:b:1 open', 'hooked:b:1 resolved',
  ]);
  expect(received.every((r) => r.severity === 'critical' && r.sink === 'hooked')).toBe(true);
  // Every row of the failing sink is given up on (after retries for the first), and counted on its badge.
  await expect(badge(page, 'failing')).toHaveAttribute('data-failed', '6', { timeout: 20_000 });
  await expect(badge(page, 'failing')).toContainText('6 failed');
  expect(failedHits).toBeGreaterThanOrEqual(6);
  await page.screenshot({ path: '/tmp/n8-alerts/webhook-badges.png' });
});
