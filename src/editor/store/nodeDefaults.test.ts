import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../engine/run/runPipeline';
import { loadPipeline } from '../../model';
import { starterParams } from './nodeDefaults';

/** A pipeline of freshly dropped nodes: sample stream, one-minute tumbling window, count, collect. */
function starterPipeline(window = 'window.tumbling'): string {
  const node = (id: string, kind: string) => ({ id, kind, position: { x: 0, y: 0 }, params: starterParams(kind) });
  return JSON.stringify({
    format: 'windowpane.pipeline', version: 1, name: 'starter',
    nodes: [node('s', 'source.sample'), node('w', window), node('a', 'aggregate'), node('c', 'sink.collect')],
    edges: [{ id: 'e1', from: 's', to: 'w' }, { id: 'e2', from: 'w', to: 'a' }, { id: 'e3', from: 'a', to: 'c' }],
  });
}

describe('starterParams', () => {
  it('gives a dropped sample stream enough events to fill more than two one-minute windows', () => {
    const loaded = loadPipeline(starterPipeline());
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const run = runPipeline(loaded.document);
    if (!('results' in run)) throw new Error(JSON.stringify(run.problems));
    const windows = new Set((run.results.get('c') ?? []).map((r) => r['window_start']));
    // A full minute needs the stream to last past the end of the second window too.
    expect(windows.size).toBeGreaterThan(3);
    const params = starterParams('source.sample');
    expect(Number(params['limit']) / Number(params['rate'])).toBeGreaterThanOrEqual(180);
  });

  it('gives a dropped cumulate window valid params whose windows grow from one start by a minute at a time', () => {
    const loaded = loadPipeline(starterPipeline('window.cumulate'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const run = runPipeline(loaded.document);
    if (!('results' in run)) throw new Error(JSON.stringify(run.problems));
    const rows = run.results.get('c') ?? [];
    const lengths = new Set(rows.map((r) => (r['window_end'] as number) - (r['window_start'] as number)));
    expect([...lengths].sort((a, b) => a - b)).toEqual([60_000, 120_000, 180_000, 240_000, 300_000]);
    // A period's windows count ever more of the same events.
    const period = rows.filter((r) => r['window_start'] === rows[0]!['window_start']).map((r) => r['count'] as number);
    expect(period).toEqual([...period].sort((a, b) => a - b));
  });
});
