/** The card-spend example, and what a plain run of it gives, for breakpoint and lineage tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Row } from '../../engine/operators/sinks';
import { runPipeline } from '../../engine/run/runPipeline';
import { validate, type PipelineDocument } from '../../model';
import { createPipelineWorker, type PipelineWorker } from '../pipelineWorker';
import { createFakeClock, type FakeClock } from './fakeClock';

export function cardSpend(): PipelineDocument {
  const checked = validate(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'card-spend.json'), 'utf8')));
  if (!checked.ok) throw new Error('card-spend.json is invalid');
  return checked.document;
}

/** A plain run to the end: results, late events (in the order the late port got them) and the source's events in order. */
export function plainRun(doc: PipelineDocument): { results: Row[]; late: Row[]; events: Row[] } {
  const full = runPipeline(doc, { collectLate: true });
  if (!full.ok) throw new Error('card-spend does not compile');
  const sourceId = doc.nodes.find((n) => n.kind === 'source.sample')!.id;
  const sourceOnly = validate({
    ...doc,
    nodes: [doc.nodes.find((n) => n.id === sourceId)!, { id: 'all', kind: 'sink.collect', position: { x: 0, y: 0 } }],
    edges: [{ id: 'e-all', from: sourceId, to: 'all' }],
  });
  if (!sourceOnly.ok) throw new Error(JSON.stringify(sourceOnly));
  const events = runPipeline(sourceOnly.document);
  if (!events.ok) throw new Error('the source alone does not compile');
  return { results: full.results.get('results') ?? [], late: [...full.late.values()].flat(), events: events.results.get('all') ?? [] };
}

export function testWorker(): { clock: FakeClock; api: PipelineWorker } {
  const clock = createFakeClock(1);
  return { clock, api: createPipelineWorker({ ...clock, openFeed: () => ({ close: () => undefined }) }) };
}

/** Runs at Max speed until the run pauses or ends. */
export function runUntilStopped(clock: FakeClock, api: PipelineWorker): void {
  api.setSpeed('max');
  api.start();
  for (let i = 0; i < 100_000 && api.drain().phase === 'running'; i++) clock.advance(20);
}

/** A row as plain JSON values, to compare records built with and without a prototype. */
export const plain = (row: object | null): unknown => (row === null ? null : JSON.parse(JSON.stringify(row)));
