/**
 * The rows trace follows the operator's own decisions: on the card-spend
 * example, the rows traced as late are exactly the rows of the late port
 * (what the CLI's --late writes), in the same order, and each revision event
 * is one revision of its window; and tracing changes no result, for every
 * window kind and any batch cuts, switched on and off between batches.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import card from '../../../examples/card-spend.json';
import { validate, type PipelineDocument } from '../../model';
import { gatherBatch } from '../batchOps';
import { planAggregations } from '../aggregate/plan';
import { batchToRows, type Row } from '../operators/sinks';
import { ROW_LATE, ROW_REVISION, type OperatorContext, type TraceListener } from '../operators/types';
import { preparePipeline, runPipeline } from '../run/runPipeline';
import { eventBatches } from '../testing/eventBatches';
import type { RefEvent } from '../testing/referenceWindows';
import { createCountWindowOperator } from './countWindowOperator';
import { createSessionWindowOperator } from './sessionWindowOperator';
import { createSlicedWindowOperator } from './slicedWindowOperator';

function cardSpend(): PipelineDocument {
  const checked = validate(card);
  if (!checked.ok) throw new Error('the example must be valid');
  return checked.document;
}

describe('the rows trace of a window node', () => {
  it('lists as late exactly the rows of the late port, in order, and as revisions the rows that revised a window (card spend)', () => {
    const doc = cardSpend();
    const cli = runPipeline(doc, { collectLate: true });
    if (!cli.ok) throw new Error('compiles');
    const lateRows = cli.late.get('minute') ?? [];
    expect(lateRows.length).toBeGreaterThan(10);

    const prepared = preparePipeline(doc);
    if (!prepared.ok) throw new Error('compiles');
    const { runtime, results } = prepared.pipeline;
    const traced: Row[] = [];
    const revisionsBy = new Map<string, number>();
    const onTimeBy = new Map<string, number>();
    const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
    const listener: TraceListener = (e) => {
      if (e.type !== 'rows') return;
      const late: number[] = [];
      for (let j = 0; j < e.rows.length; j++) {
        const window = `${Math.floor(e.time[j]! / 60_000) * 60_000}|${e.keyText(e.keys[j]!)}`;
        if (e.fates[j] === ROW_LATE) late.push(e.rows[j]!);
        else if (e.fates[j] === ROW_REVISION) bump(revisionsBy, window);
        else bump(onTimeBy, window);
        // A row is judged against the watermark before it: late rows only behind it.
        if (e.fates[j] !== 0) expect(e.time[j]!).toBeLessThanOrEqual(e.watermark[j]!);
      }
      if (late.length > 0) traced.push(...batchToRows(gatherBatch(e.batch, Int32Array.from(late))));
    };
    runtime.setTrace('minute', listener);
    while (runtime.step(4096)) { /* to the end */ }
    expect(traced).toEqual(lateRows);
    expect(results.get('results')).toEqual(cli.results.get('results'));

    // Every revision row fired its window again: results per window and key = first firing (if any on-time row) + revisions.
    const firings = new Map<string, number>();
    for (const r of results.get('results') ?? []) bump(firings, `${r['window_start'] as number}|${String(r['card'])}`);
    expect(revisionsBy.size).toBeGreaterThan(5);
    for (const [window, n] of firings) {
      expect({ window, n }).toEqual({ window, n: (onTimeBy.has(window) ? 1 : 0) + (revisionsBy.get(window) ?? 0) });
    }
  });

  it('follows the node named by its aggregate too, and stops when unfollowed', () => {
    const prepared = preparePipeline(cardSpend());
    if (!prepared.ok) throw new Error('compiles');
    const { runtime } = prepared.pipeline;
    let rows = 0;
    runtime.setTrace('spend', (e) => { if (e.type === 'rows') rows += e.rows.length; });
    runtime.step(100);
    expect(rows).toBe(100);
    expect(runtime.position).toBe(100);
    runtime.setTrace(null, null);
    runtime.step(100);
    expect(rows).toBe(100);
    expect(runtime.position).toBe(200);
  });
});

const schema = [{ name: 'k', type: 'number' as const }, { name: 'v', type: 'number' as const }];
const keyFields = [schema[0]!];
const planned = planAggregations([{ name: 'n', fn: 'count' }, { name: 's', fn: 'sum', field: 'v' }, { name: 'm', fn: 'max', field: 'v' }], schema);
if (!planned.ok) throw new Error('plans');
const plan = planned.plan;

type Kind = { type: 'sliced'; size: number; slide: number; cumulative: boolean } | { type: 'session'; gap: number } | { type: 'count'; size: number };
const kindArb: fc.Arbitrary<Kind> = fc.oneof(
  fc.constantFrom(100, 250).map((size): Kind => ({ type: 'sliced', size, slide: size, cumulative: false })),
  fc.constantFrom([200, 100], [100, 150], [300, 50]).map(([size, slide]): Kind => ({ type: 'sliced', size: size!, slide: slide!, cumulative: false })),
  fc.constantFrom(2, 4).map((periods): Kind => ({ type: 'sliced', size: 50 * periods, slide: 50, cumulative: true })),
  fc.constantFrom(30, 120).map((gap): Kind => ({ type: 'session', gap })),
  fc.constantFrom(1, 3, 7).map((size): Kind => ({ type: 'count', size })),
);

function run(kind: Kind, lateness: number, events: readonly RefEvent[], bound: number, cuts: number[], traceOn: (batch: number) => boolean): { out: Row[]; late: Row[] } {
  const out: Row[] = [];
  const late: Row[] = [];
  const listener: TraceListener = () => undefined;
  const ctx: OperatorContext & { trace: TraceListener | null } = { nodeId: 'w', trace: null, now: () => 0, emit: (port, batch) => (port === 'out' ? out : late).push(...batchToRows(batch)) };
  const op = kind.type === 'sliced' ? createSlicedWindowOperator({ size: kind.size, slide: kind.slide, offset: 0, cumulative: kind.cumulative, lateness, processingTime: false, plan, keyFields }, ctx)
    : kind.type === 'session' ? createSessionWindowOperator({ gap: kind.gap, lateness, processingTime: false, plan, keyFields }, ctx)
      : createCountWindowOperator({ size: kind.size, plan, keyFields }, ctx);
  eventBatches(events, bound, cuts).forEach((b, i) => {
    ctx.trace = traceOn(i) ? listener : null;
    op.push(b, 0);
  });
  return { out, late };
}

describe('tracing', () => {
  it('changes no result or late row for any window kind, batch cuts and switching on and off', () => {
    const stepArb = fc.record({ dt: fc.integer({ min: 0, max: 60 }), key: fc.integer({ min: 0, max: 3 }), v: fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(-0), fc.constant(NaN)), delay: fc.integer({ min: 0, max: 400 }) });
    fc.assert(fc.property(
      kindArb, fc.array(stepArb, { minLength: 1, maxLength: 200 }), fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 4 }),
      fc.constantFrom(0, 100), fc.constantFrom(0, 150, 1000), fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
      (kind, steps, cuts, bound, lateness, pattern) => {
        let t = 1_700_000_000_000;
        const events = steps.map((s, i) => ({ e: { t: (t += s.dt), key: s.key, v: s.v }, at: t + s.delay, i }))
          .sort((a, b) => a.at - b.at || a.i - b.i).map((x) => x.e);
        const plain = run(kind, lateness, events, bound, cuts, () => false);
        expect(run(kind, lateness, events, bound, cuts, () => true)).toEqual(plain);
        expect(run(kind, lateness, events, bound, cuts, (i) => pattern[i % pattern.length]!)).toEqual(plain);
      },
    ), { numRuns: 300 });
  });
});
