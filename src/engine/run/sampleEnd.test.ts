import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_TIME_RANGE, validate } from '../../model';
import { runPipeline } from './runPipeline';

/** A sample stream at the slowest rate plays past any calendar within a few million events: it ends at the range's end. */
describe('sample sources end at the end of the event-time range', () => {
  function run(maxOutOfOrderness: string, lateFraction: number) {
    const startTime = DEFAULT_EVENT_TIME_RANGE.end - 10_000_000; // ten events before the end, at one per 1000 s
    const result = validate({
      format: 'windowpane.pipeline', version: 1, name: 'slow',
      nodes: [
        { id: 'src', kind: 'source.sample', params: { stream: 'sensors', rate: 0.001, limit: 1000, startTime, maxOutOfOrderness, lateFraction } },
        { id: 'out', kind: 'sink.collect' },
      ],
      edges: [{ id: 'e1', from: 'src', to: 'out' }],
    });
    if (!result.ok) throw new Error(result.problems[0]!.message);
    const ran = runPipeline(result.document, { batchSize: 7 });
    if (!ran.ok) throw new Error(ran.problems[0]!.message);
    return ran.results.get('out')!.map((r) => r['ts'] as number);
  }

  it('delivers the events before the end and none after, in order or shuffled', () => {
    const inOrder = run('0ms', 0);
    expect(inOrder).toHaveLength(10);
    expect(Math.max(...inOrder)).toBeLessThan(DEFAULT_EVENT_TIME_RANGE.end);
    const shuffled = run('3000s', 0.5);
    expect(shuffled.length).toBeGreaterThan(0);
    expect(shuffled.length).toBeLessThanOrEqual(10);
    expect(Math.max(...shuffled)).toBeLessThan(DEFAULT_EVENT_TIME_RANGE.end);
  });
});
