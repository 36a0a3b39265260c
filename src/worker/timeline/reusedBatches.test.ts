/**
 * The worker's tap keeps no batch (RuntimeHost.tapKeepsBatches: false), so the
 * engine writes each step's output into the arrays of the last: what the
 * timeline keeps of a followed window's input (event fields) and output
 * (result rows) must be its own copies. A map before the window and one after
 * it make both sides reuse their arrays; the run takes several steps.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../engine/run/runPipeline';
import { validate, type PipelineDocument } from '../../model';
import { createPipelineWorker } from '../pipelineWorker';
import { RUN_BATCH_ROWS } from '../scheduler';
import { createFakeClock } from '../testing/fakeClock';

// Several steps, and fewer events than the timeline keeps the fields of (20,000).
const EVENTS = 4 * RUN_BATCH_ROWS + 123;

function doc(): PipelineDocument {
  const at = { x: 0, y: 0 };
  const checked = validate({
    format: 'windowpane.pipeline', version: 1, name: 'reused',
    nodes: [
      { id: 'src', kind: 'source.sample', position: at, params: { stream: 'sensors', rate: 1000, keys: 4, seed: 3, limit: EVENTS } },
      { id: 'dry', kind: 'transform.filter', position: at, params: { expr: 'humidity > 35' } },
      { id: 'f', kind: 'transform.map', position: at, params: { fields: [{ name: 'temp_f', expr: 'temperature * 1.8 + 32' }] } },
      { id: 'key', kind: 'transform.keyBy', position: at, params: { fields: ['device'] } },
      { id: 'w', kind: 'window.tumbling', position: at, params: { size: '1s' } },
      { id: 'agg', kind: 'aggregate', position: at, params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 'hot', fn: 'max', field: 'temp_f' }] } },
      { id: 'some', kind: 'transform.filter', position: at, params: { expr: 'n > 0' } },
      { id: 'out', kind: 'sink.collect', position: at },
    ],
    edges: [
      { id: 'e0', from: 'src', to: 'dry' }, { id: 'e1', from: 'dry', to: 'f' }, { id: 'e2', from: 'f', to: 'key' }, { id: 'e3', from: 'key', to: 'w' },
      { id: 'e4', from: 'w', to: 'agg' }, { id: 'e5', from: 'agg', to: 'some' }, { id: 'e6', from: 'some', to: 'out' },
    ],
  });
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('; '));
  return checked.document;
}

describe('the timeline over batches the engine reuses', () => {
  it('shows each event\'s fields and each window\'s results as they were, after later steps wrote over their arrays', () => {
    const d = doc();
    const cli = runPipeline(d);
    if (!cli.ok) throw new Error('compiles');
    const clock = createFakeClock();
    const api = createPipelineWorker({ ...clock, openFeed: () => ({ close: () => undefined }) });
    api.load(d, false);
    api.followTimeline('w');
    api.setSpeed('max');
    api.start();
    for (let i = 0; i < 1000 && api.drain().phase === 'running'; i++) clock.advance(50);
    expect(api.drain().phase).toBe('finished');

    const frame = api.timeline({ nodeId: 'w', key: null, fold: false, maxKeys: 100, maxMarks: 1_000_000, span: { from: -8.64e15, to: 8.64e15 } });
    if (frame === null) throw new Error('followed');
    expect(frame.marks.length).toBeGreaterThan(EVENTS / 3);
    // Every 37th event, from the first batch to the last: temp_f is its own temperature's.
    for (let j = 0; j < frame.marks.length; j += 37) {
      const fields = api.timelineEvent('w', frame.marks.seq[j]!)?.fields;
      expect(fields?.['temp_f']).toBe((fields?.['temperature'] as number) * 1.8 + 32);
    }
    // Every window's result is the CLI's.
    const rows = cli.results.get('out') ?? [];
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) {
      const detail = api.timelineFindWindow('w', String(row['device']), row['window_start'] as number, row['window_end'] as number);
      expect(detail?.revisions.map((r) => [r.result['n'], r.result['hot']])).toEqual([[row['n'], row['hot']]]);
    }
  });
});
