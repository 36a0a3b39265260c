/**
 * What recording the timeline costs a run: P2 (bench/pipelines.ts) and the
 * card-payments timeline benchmark's pipeline through the worker's API
 * (createPipelineWorker, a fake clock, Max speed) to the end, with the window
 * node followed (the Timeline tab shown), followed with the tab hidden (the
 * worker then records HIDDEN_TIMELINE_EVENTS of it) and not followed, in
 * alternating rounds. Prints the events per second of each and the ratios to
 * not followed. A script, not a test:
 *
 *   npm run bench:timelineCost -- --events 2000000 --rounds 3
 */
import { parseArgs } from 'node:util';
import { validate, type PipelineDocument } from '../src/model';
import { createPipelineWorker } from '../src/worker/pipelineWorker';
import { createFakeClock } from '../src/worker/testing/fakeClock';
import { sourceParams } from './inputs';
import { P2, type BenchPipeline } from './pipelines';

const { values: args } = parseArgs({
  options: { events: { type: 'string', default: '2000000' }, rounds: { type: 'string', default: '3' } },
});
const EVENTS = Number(args.events);
const ROUNDS = Number(args.rounds);

function documentOf(name: string, nodes: readonly { readonly id: string; readonly kind: string; readonly params?: object | undefined }[]): PipelineDocument {
  const placed = nodes.map((n, i) => ({ ...n, position: { x: i * 224, y: 0 } }));
  const edges = placed.slice(1).map((n, i) => ({ id: `e${i}`, from: placed[i]!.id, to: n.id }));
  const checked = validate({ format: 'windowpane.pipeline', version: 1, name, nodes: placed, edges });
  if (!checked.ok) throw new Error(checked.problems.map((p) => `${p.path} ${p.message}`).join('; '));
  return checked.document;
}

const p2 = (p: BenchPipeline): PipelineDocument =>
  documentOf('P2', [{ id: 'src', kind: 'source.sample', params: sourceParams(p.source, EVENTS) }, ...p.nodes, { id: 'out', kind: 'sink.collect', params: {} }]);

/** The timeline benchmark's pipeline (e2e/bench/timelineFps.ts): payments over 200 cards, one in twenty late. */
const payments = (): PipelineDocument => documentOf('payments', [
  { id: 'src', kind: 'source.sample', params: { stream: 'payments', rate: 20_000, keys: 200, seed: 7, maxOutOfOrderness: '5s', lateFraction: 0.05, limit: EVENTS } },
  { id: 'key', kind: 'transform.keyBy', params: { fields: ['card'] } },
  { id: 'win', kind: 'window.tumbling', params: { size: '10s', allowedLateness: '2s' } },
  { id: 'agg', kind: 'aggregate', params: { aggregations: [{ name: 'payments', fn: 'count' }, { name: 'total', fn: 'sum', field: 'amount' }] } },
  { id: 'out', kind: 'sink.collect', params: {} },
]);

/** Milliseconds of one run to the end, the node `followed` recorded (or none), its tab `shown` or not. */
function runOnce(doc: PipelineDocument, followed: string | null, shown = true): number {
  const clock = createFakeClock();
  const api = createPipelineWorker({ ...clock, openFeed: () => ({ close: () => undefined }) });
  api.load(doc, false);
  api.followTimeline(followed, shown);
  api.setSpeed('max');
  const t0 = performance.now();
  api.start();
  while (api.drain().phase === 'running') clock.advance(50);
  return performance.now() - t0;
}

for (const [doc, windowId] of [[p2(P2), 'w'], [payments(), 'win']] as const) {
  runOnce(doc, null);
  runOnce(doc, windowId);
  const plain: number[] = [];
  const traced: number[] = [];
  const hidden: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    plain.push(runOnce(doc, null));
    traced.push(runOnce(doc, windowId));
    hidden.push(runOnce(doc, windowId, false));
  }
  const best = (xs: number[]): number => Math.min(...xs);
  const rate = (ms: number): string => `${((EVENTS / ms) * 1000 / 1e6).toFixed(2)} M ev/s`;
  console.log(
    `${doc.name.padEnd(10)} not followed ${rate(best(plain))}   shown ${rate(best(traced))} (${(best(plain) / best(traced)).toFixed(2)})   ` +
    `hidden ${rate(best(hidden))} (${(best(plain) / best(hidden)).toFixed(2)})`,
  );
}
