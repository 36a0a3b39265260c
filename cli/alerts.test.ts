import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from './main';
import { memoryIo, ndjson } from './testIo';

/**
 * `windowpane run --alerts FILE` end to end, and webhooks posted with Node's
 * fetch to a real local HTTP server. The pipeline is written into the memory
 * I/O; its file source has inline data: a key `m` whose `v` spikes twice.
 */
function pipelineText(params: Record<string, unknown>, withAlert = true): string {
  const rows = [];
  for (let i = 0; i < 60; i++) rows.push({ t: i * 60_000, m: i % 2 === 0 ? 'a' : 'b', v: (i >= 10 && i <= 13) || i === 40 ? 99 : 1 });
  const nodes = [
    { id: 'src', kind: 'source.file', params: { format: 'ndjson', eventTime: 't', timeFormat: 'epochMillis', data: rows.map((r) => JSON.stringify(r)).join('\n') } },
    { id: 'key', kind: 'transform.keyBy', params: { fields: ['m'] } },
    withAlert ? { id: 'alerts', kind: 'sink.alert', params: { when: 'v > 50', resolveAfter: '5m', cooldown: '10m', ...params } } : { id: 'table', kind: 'sink.table', params: {} },
  ];
  const edges = [{ id: 'e0', from: 'src', to: 'key' }, { id: 'e1', from: 'key', to: nodes[2]!.id }];
  return JSON.stringify({ format: 'windowpane.pipeline', version: 1, name: 'alerts', nodes, edges });
}

async function run(pipeline: string, ...argv: string[]) {
  const io = memoryIo();
  io.files.set('p.json', pipeline);
  const code = await main(['run', 'p.json', ...argv], io);
  return { code, io, err: io.err.join('') };
}

let server: Server | null = null;
afterEach(async () => {
  const s = server;
  server = null;
  if (s !== null) await new Promise((resolve) => { s.close(resolve); });
});

/** A local endpoint: answers each POST with the next status of `statuses` (then 204), and records the bodies and content types. */
async function endpoint(statuses: readonly number[]): Promise<{ url: string; received: { type: string | undefined; body: Record<string, unknown> }[]; hits: () => number }> {
  const received: { type: string | undefined; body: Record<string, unknown> }[] = [];
  let hits = 0;
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => { text += chunk.toString('utf8'); });
    req.on('end', () => {
      const status = statuses[hits++] ?? 204;
      if (status < 300) received.push({ type: req.headers['content-type'], body: JSON.parse(text) as Record<string, unknown> });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => { server!.listen(0, '127.0.0.1', resolve); });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, hits: () => hits };
}

describe('windowpane run --alerts', () => {
  it('writes every alert row as NDJSON: one alert per burst and key, open rows as it grows, a resolved row at the end', async () => {
    const { code, io, err } = await run(pipelineText({ severity: 'critical' }), '--alerts', 'alerts.ndjson');
    expect(code, err).toBe(0);
    const rows = ndjson(io.files.get('alerts.ndjson')!);
    // Spikes at minutes 10..13 (a: 10, 12; b: 11, 13) and 40 (a).
    const latest = new Map(rows.map((r) => [r['alert_id'], r]));
    expect([...latest.values()].map((r) => [r['alert_id'], r['status'], r['count'], r['first_time'], r['last_time'], r['resolved_time']])).toEqual([
      ['alerts:a:1', 'resolved', 2, 600_000, 720_000, 1_020_000],
      ['alerts:b:1', 'resolved', 2, 660_000, 780_000, 1_080_000],
      ['alerts:a:2', 'resolved', 1, 2_400_000, 2_400_000, 2_700_000],
    ]);
    expect(rows[0]).toEqual({ alert_id: 'alerts:a:1', sink: 'alerts', key: 'a', severity: 'critical', status: 'open', first_time: 600_000, last_time: 600_000, count: 1, resolved_time: null, max_score: null, reason: 'v > 50 holds' });
    expect(err).toContain(`alert sink 'alerts': ${rows.length} alert rows`);
  });

  it('refuses --alerts (exit 2) for a pipeline without an alert sink, and with --checkpoint', async () => {
    const none = await run(pipelineText({}, false), '--alerts', 'alerts.ndjson');
    expect(none.code).toBe(2);
    expect(none.err).toContain('--alerts needs an alert sink');
    expect(none.io.files.has('alerts.ndjson')).toBe(false);
    const both = await run(pipelineText({}), '--alerts', 'alerts.ndjson', '--out', 'o.ndjson', '--checkpoint', 'dir');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--alerts cannot be combined with --checkpoint');
  });

  it('posts each alert row to the webhook as JSON, retrying a failed post, and sums it up on stderr', async () => {
    const hook = await endpoint([503]);
    const { code, io, err } = await run(pipelineText({ webhook: hook.url }), '--alerts', 'alerts.ndjson');
    expect(code, err).toBe(0);
    const rows = ndjson(io.files.get('alerts.ndjson')!);
    expect(hook.received.map((r) => r.body)).toEqual(rows);
    expect(hook.received.every((r) => r.type === 'application/json')).toBe(true);
    expect(hook.hits()).toBe(rows.length + 1);
    expect(err).toContain(`webhook ${hook.url}: ${rows.length} sent, 0 failed, 1 retries`);
  });

  it('counts the alerts a failing endpoint never accepted', async () => {
    const hook = await endpoint(Array.from({ length: 100 }, () => 500));
    const { code, err, io } = await run(pipelineText({ webhook: hook.url }), '--alerts', 'alerts.ndjson');
    expect(code, err).toBe(0);
    const rows = ndjson(io.files.get('alerts.ndjson')!).length;
    // The first row gets 4 attempts, then the endpoint counts as down and each later row gets one.
    expect(hook.hits()).toBe(4 + rows - 1);
    expect(err).toContain(`webhook ${hook.url}: 0 sent, ${rows} failed, 3 retries (last error: HTTP 500)`);
  });
});
