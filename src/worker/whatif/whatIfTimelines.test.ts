import { describe, expect, it } from 'vitest';
import { compareWhatIf } from '../../engine/compare/compareRuns';
import { pipeline } from '../../engine/testing/documents';
import { createWhatIfTimelines } from './whatIfTimelines';

const doc = pipeline([
  { id: 'src', kind: 'source.sample', params: { stream: 'payments', rate: 50, keys: 4, seed: 7, maxOutOfOrderness: '2s', lateFraction: 0.05 } },
  { id: 'k', kind: 'transform.keyBy', params: { fields: ['card'] } },
  { id: 'w', kind: 'window.tumbling', params: { size: '10s' } },
  { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }] } },
  { id: 'out', kind: 'sink.collect' },
]);
const all = { key: null, fold: true, maxKeys: 16, maxMarks: 100_000, span: { from: -Infinity, to: Infinity } };

describe("what-if's timelines of both runs", () => {
  it("follow the first window node when the change is a source's parameter, each run its own events", () => {
    const timelines = createWhatIfTimelines('src', () => 0);
    const compared = compareWhatIf(doc, { nodeId: 'src', param: 'maxOutOfOrderness', value: '8s' }, { limit: 3000, observe: timelines.observe });
    if (!compared.ok) throw new Error(compared.message);
    const a = timelines.run('a')!.frame({ ...all, nodeId: 'w' });
    const b = timelines.run('b')!.frame({ ...all, nodeId: 'w' });
    expect(a?.totalEvents).toBe(3000);
    expect(b?.totalEvents).toBe(3000);
    const late = (f: typeof a) => Array.from(f!.marks.fate).filter((x) => x === 2).length;
    const node = compared.comparison.nodes[0]!;
    expect([late(a), late(b)]).toEqual([node.lateA, node.lateB]);
    expect(timelines.run('a')!.frame({ ...all, nodeId: 'src' })).toBeNull();
  });

  it('records nothing for a pipeline without a window node', () => {
    const timelines = createWhatIfTimelines('src', () => 0);
    const plain = pipeline([
      { id: 'src', kind: 'source.sample', params: { stream: 'payments', rate: 50, keys: 4, seed: 7, maxOutOfOrderness: '2s' } },
      { id: 'out', kind: 'sink.collect' },
    ]);
    const compared = compareWhatIf(plain, { nodeId: 'src', param: 'maxOutOfOrderness', value: '8s' }, { limit: 100, observe: timelines.observe });
    expect(compared.ok).toBe(true);
    expect(timelines.run('a')).toBeNull();
    expect(timelines.run('b')).toBeNull();
  });
});
