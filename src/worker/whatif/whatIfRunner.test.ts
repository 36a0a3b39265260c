import { describe, expect, it } from 'vitest';
import { compareWhatIf } from '../../engine/compare/compareRuns';
import { pipeline } from '../../engine/testing/documents';
import { createPipelineWorker } from '../pipelineWorker';
import { createFakeClock } from '../testing/fakeClock';
import type { TimelineFrame } from '../timelineTypes';
import type { WhatIfAnswer } from './whatIfTypes';

const doc = pipeline([
  { id: 'src', kind: 'source.sample', params: { stream: 'payments', rate: 50, keys: 8, seed: 5, maxOutOfOrderness: '5s', lateFraction: 0.1 } },
  { id: 'k', kind: 'transform.keyBy', params: { fields: ['card'] } },
  { id: 'w', kind: 'window.tumbling', params: { size: '1m' } },
  { id: 'a', kind: 'aggregate', params: { aggregations: [{ name: 'n', fn: 'count' }, { name: 'total', fn: 'sum', field: 'amount' }] } },
  { id: 'out', kind: 'sink.collect' },
]);
const change = { nodeId: 'w', param: 'allowedLateness', value: '30s' } as const;

function worker(perCall: number) {
  const clock = createFakeClock(perCall);
  return { clock, api: createPipelineWorker({ ...clock, openFeed: () => ({ close: () => undefined }) }) };
}

describe("the worker's what-if", () => {
  it('compares in slices, answering drains in between, and answers what the engine computes at once', async () => {
    // Every clock read costs 1 ms, so a 12 ms slice does a dozen steps and yields.
    const { clock, api } = worker(1);
    api.load(doc, false);
    let answer: WhatIfAnswer | null = null;
    void api.compareWhatIf({ doc, change, limit: 40_000, listAll: false }).then((a) => { answer = a; });
    clock.advance(0);
    const first = api.whatIfProgress();
    expect(first).not.toBeNull();
    expect(first!.eventsA).toBeGreaterThan(0);
    expect(first!.eventsA).toBeLessThan(40_000);
    expect(api.drain().phase).toBe('idle');
    for (let i = 0; i < 1000 && api.whatIfProgress() !== null; i++) clock.advance(0);
    await Promise.resolve();
    expect(api.whatIfProgress()).toBeNull();
    const direct = compareWhatIf(doc, change, { limit: 40_000 });
    expect(answer).toEqual(direct);
    expect((answer as WhatIfAnswer | null)?.ok).toBe(true);
  });

  it('answers a newer request, and tells the one it replaced so', async () => {
    const { clock, api } = worker(1);
    const answers: WhatIfAnswer[] = [];
    void api.compareWhatIf({ doc, change, limit: 40_000, listAll: false }).then((a) => answers.push(a));
    clock.advance(0);
    void api.compareWhatIf({ doc, change: { nodeId: 'w', param: 'size', value: '30s' }, limit: 2000, listAll: true }).then((a) => answers.push(a));
    for (let i = 0; i < 1000 && api.whatIfProgress() !== null; i++) clock.advance(0);
    await Promise.resolve();
    expect(answers[0]).toEqual({ ok: false, message: 'replaced by a newer comparison' });
    expect(answers[1]?.ok && answers[1].comparison.eventsA).toBe(2000);
    expect(answers[1]?.ok && answers[1].comparison.nodes[0]!.all!.length).toBeGreaterThan(0);
  });

  it('says why it cannot compare an unbounded stream without a limit, and stops when cancelled', async () => {
    const { clock, api } = worker(1);
    expect(await api.compareWhatIf({ doc, change, listAll: false })).toEqual({ ok: false, message: expect.stringMatching(/unbounded/) as unknown });
    const pending = api.compareWhatIf({ doc, change, limit: 1_000_000, listAll: false });
    clock.advance(0);
    api.cancelWhatIf();
    expect(await pending).toEqual({ ok: false, message: 'cancelled' });
    expect(clock.pending()).toBe(0);
  });

  it("records both runs' timelines: A's late marks are B's revision marks, as many as the comparison's late counts", async () => {
    const { clock, api } = worker(1);
    const query = { nodeId: 'w', key: null, fold: true, maxKeys: 16, maxMarks: 100_000, span: { from: -Infinity, to: Infinity } };
    expect(api.whatIfTimeline('a', query)).toBeNull();
    let answer: WhatIfAnswer | null = null;
    void api.compareWhatIf({ doc, change, limit: 20_000, listAll: false }).then((a) => { answer = a; });
    for (let i = 0; i < 1000 && api.whatIfProgress() !== null; i++) clock.advance(0);
    await Promise.resolve();
    const done = answer as WhatIfAnswer | null;
    if (done === null || !done.ok) throw new Error('the comparison did not end');
    const node = done.comparison.nodes[0]!;
    const fates = (f: TimelineFrame | null) => {
      const n = [0, 0, 0];
      for (let i = 0; i < (f?.marks.length ?? 0); i++) n[f!.marks.fate[i]!]!++;
      return { total: f?.totalEvents, onTime: n[0], revision: n[1], late: n[2] };
    };
    const a = fates(api.whatIfTimeline('a', query));
    const b = fates(api.whatIfTimeline('b', query));
    expect(node.lateA).toBeGreaterThan(node.lateB);
    expect(a).toEqual({ total: 20_000, onTime: 20_000 - node.lateA, revision: 0, late: node.lateA });
    // The watermark is the same in both runs: what A sent to the late port, B counted as revisions unless later than 30 s.
    expect(b).toEqual({ total: 20_000, onTime: 20_000 - node.lateA, revision: node.lateA - node.lateB, late: node.lateB });
    // Hover details come from the run asked for.
    const frameA = api.whatIfTimeline('a', query)!;
    const lateSeq = frameA.marks.seq[frameA.marks.fate.indexOf(2)]!;
    expect(api.whatIfTimelineEvent('a', 'w', lateSeq)?.fate).toBe('late');
    expect(api.whatIfTimelineEvent('b', 'w', lateSeq)?.fate).toBe(node.lateB === 0 ? 'revision' : expect.stringMatching(/revision|late/) as unknown);
    expect(api.whatIfTimelineWindow('b', 'w', frameA.windows[0]!.id)).not.toBeNull();
    // Another node than the one recorded, and a cancelled comparison, have none.
    expect(api.whatIfTimeline('a', { ...query, nodeId: 'src' })).toBeNull();
    api.cancelWhatIf();
    expect(api.whatIfTimeline('b', query)).toBeNull();
  });
});
