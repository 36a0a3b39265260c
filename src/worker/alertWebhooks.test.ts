import { describe, expect, it } from 'vitest';
import { compilePipeline } from '../engine/plan/compile';
import { ndjsonData, pipeline } from '../engine/testing/documents';
import { createAlertWebhooks } from './alertWebhooks';
import { createMetricsSampler } from './metrics';

const doc = pipeline([
  { id: 'src', kind: 'source.file', params: { format: 'ndjson', eventTime: 't', timeFormat: 'epochMillis', data: ndjsonData([{ t: 0, v: 1 }]) } },
  { id: 'hooked', kind: 'sink.alert', params: { when: 'v > 0', webhook: 'http://hooks.test/a' } },
], [{ from: 'src', to: 'hooked' }]);

describe("the worker's alert webhooks", () => {
  it('post alert rows of sinks with a webhook, and report their failures on the node metrics', async () => {
    const compiled = compilePipeline(doc);
    if (!compiled.ok) throw new Error('compile failed');
    const bodies: string[] = [];
    let settle!: () => void;
    const done = new Promise<void>((resolve) => { settle = resolve; });
    // A 400 is not retried: the failure shows at once.
    const hooks = createAlertWebhooks(compiled.plan.steps, (_url, init) => {
      bodies.push(String(init?.body));
      settle();
      return Promise.resolve(new Response(null, { status: 400 }));
    });
    hooks.onRows('hooked', [{ alert_id: 'hooked::1', status: 'open' }]);
    hooks.onRows('other', [{ alert_id: 'x' }]);
    await done;
    expect(bodies).toEqual(['{"alert_id":"hooked::1","status":"open"}']);
    await expect.poll(() => hooks.reports().get('hooked')?.failed).toBe(1);
    const metrics = new Map([['hooked', { rowsIn: 1, rowsOut: 0, watermark: 0, keys: 1, openWindows: 1, lateEvents: 0 }]]);
    const sampler = createMetricsSampler(doc, { metrics: () => metrics, lateRows: () => new Map(), connections: () => ({}), webhooks: () => hooks.reports() }, 0);
    expect(sampler.sample(1000, false)!.nodes.hooked?.webhook).toEqual({ sent: 0, failed: 1, pending: 0, lastError: 'HTTP 400' });
    hooks.close();
  });
});
