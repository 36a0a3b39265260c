import { describe, expect, it } from 'vitest';
import { validate } from '../validate';
import { problemsOf, sensorPipeline } from '../testing/fixtures';

/** `sensorPipeline()` with its window made a CUMULATE window of these params; problems as `path: message`. */
function problemsWith(params: unknown): string[] {
  const document = sensorPipeline();
  document.nodes[2] = { id: 'w', kind: 'window.cumulate', params } as never;
  return problemsOf(document).map((p) => `${p.path}: ${p.message}`);
}

describe('window.cumulate params', () => {
  it('accepts a step, a maxSize that is a whole multiple of it, and fills the defaults', () => {
    expect(problemsWith({ step: '1h', maxSize: '1d' })).toEqual([]);
    expect(problemsWith({ step: '1m', maxSize: '1m' })).toEqual([]);
    expect(problemsWith({ step: '1.5s', maxSize: '4.5s', offset: '-2s', time: 'processing', allowedLateness: '10s' })).toEqual([]);
    const document = sensorPipeline();
    document.nodes[2] = { id: 'w', kind: 'window.cumulate', params: { step: '1h', maxSize: '1d' } };
    const result = validate(document);
    expect(result.ok && result.document.nodes[2]?.params).toEqual({ step: '1h', maxSize: '1d', offset: '0ms', time: 'event', allowedLateness: '0ms' });
  });

  it('refuses a maxSize that is not a whole multiple of step, on maxSize, naming the nearest that are', () => {
    expect(problemsWith({ step: '10m', maxSize: '25m' })).toEqual([
      "nodes[2].params.maxSize: node 'w': maxSize must be a whole multiple of step, got '25m' for step '10m'; try '20m' or '30m'",
    ]);
    // Smaller than one step: the only multiple nearby is the step itself.
    expect(problemsWith({ step: '1h', maxSize: '30m' })).toEqual([
      "nodes[2].params.maxSize: node 'w': maxSize must be a whole multiple of step, got '30m' for step '1h'; try '1h'",
    ]);
    expect(problemsWith({ step: '7ms', maxSize: '1s' })[0]).toContain("try '994ms' or '1001ms'");
  });

  it('names each missing or unreadable param on its own path', () => {
    expect(problemsWith({})).toEqual([
      "nodes[2].params.step: node 'w': step is required",
      "nodes[2].params.maxSize: node 'w': maxSize is required",
    ]);
    expect(problemsWith({ step: '0s', maxSize: 'a day' })).toEqual([
      "nodes[2].params.step: node 'w': step must be longer than 0, got '0s'",
      "nodes[2].params.maxSize: node 'w': maxSize must be a duration like 30s or 5m, got 'a day'",
    ]);
    expect(problemsWith({ step: '0.5ms', maxSize: '1s' })).toEqual([
      "nodes[2].params.step: node 'w': step must be a whole number of milliseconds, got '0.5ms'",
    ]);
    expect(problemsWith({ step: '1s', maxSize: '1m', slide: '1s' })[0]).toMatch(/^nodes\[2\]\.params: node 'w': .*unknown key 'slide'/);
  });

  it('bounds the offset by maxSize, the distance between period starts', () => {
    expect(problemsWith({ step: '1h', maxSize: '1d', offset: '-5h' })).toEqual([]);
    expect(problemsWith({ step: '1h', maxSize: '1d', offset: '1d' })).toEqual([
      "nodes[2].params.offset: node 'w': offset must be smaller than maxSize, got '1d' for maxSize '1d'",
    ]);
    expect(problemsWith({ step: '1h', maxSize: '1d', offset: '-25h' })).toEqual([
      "nodes[2].params.offset: node 'w': offset must be smaller than maxSize ignoring its sign, got '-25h' for maxSize '1d'",
    ]);
  });

  it('refuses more than 10,000 windows per period, since an event at its start counts in each', () => {
    expect(problemsWith({ step: '1s', maxSize: '10000s' })).toEqual([]);
    expect(problemsWith({ step: '1s', maxSize: '10001s' })).toEqual([
      "nodes[2].params.step: node 'w': step puts each event in up to 10,001 windows (maxSize '10001s' / step '1s'); at most 10,000 are allowed, so make step at least maxSize / 10,000",
    ]);
    expect(problemsWith({ step: '1ms', maxSize: '36500d' })[0]).toContain('up to 3,153,600,000,000 windows');
  });
});
