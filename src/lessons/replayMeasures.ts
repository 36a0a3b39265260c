/**
 * Measures that run the pipeline twice: a crash and a resume from the last
 * checkpoint against an uninterrupted run (crashReplay), and the same input
 * with one parameter changed (whatIf).
 */
import type { PipelineDocument } from '../model';
import type { Row } from '../engine/operators/sinks';
import type { RuntimeSnapshot } from '../engine/run/runtime';
import { applyChange } from '../engine/compare/whatIfParams';
import type { Measure } from './format';
import { prepareLessonRun, runToEnd, stepUntil } from './lessonRun';
import { compileFailure, measured, plural, unmeasurable, type Measured } from './measured';
import { differenceOfResults, differenceOfRows } from './rowMultiset';

type SinkRows = { ok: true; rows: Row[]; keyFields: readonly string[] } | { ok: false; failure: Measured };

/** The rows sink `sinkId` of `doc` collects in a whole run. */
function wholeRun(doc: PipelineDocument, sinkId: string): SinkRows {
  const prepared = prepareLessonRun(doc);
  if (!prepared.ok) return { ok: false, failure: compileFailure(prepared.problems) };
  runToEnd(prepared.pipeline);
  const rows = prepared.pipeline.results.get(sinkId);
  if (rows === undefined) return { ok: false, failure: unmeasurable(`node '${sinkId}' is not a sink that keeps its rows`) };
  const keyFields = prepared.pipeline.plan.steps.flatMap((step) => (step.type === 'windowAggregate' ? step.keyFields.map((f) => f.name) : []));
  return { ok: true, rows, keyFields };
}

function missingNode(doc: PipelineDocument, id: string): Measured | null {
  return doc.nodes.some((n) => n.id === id) ? null : unmeasurable(`the pipeline has no node '${id}' (was it deleted or renamed?)`);
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Crashes a run after `crashAfterEvents` events, resumes a fresh runtime from
 * the last snapshot (taken every `checkpointEvery` events) and counts the rows
 * at the sink that came twice or never, against an uninterrupted run. An
 * at-least-once sink keeps what it wrote before the crash; an exactly-once
 * (transactional) sink drops what it wrote since the last checkpoint.
 */
export function measureCrashReplay(doc: PipelineDocument, measure: Extract<Measure, { kind: 'crashReplay' }>): Measured {
  const absent = missingNode(doc, measure.sink);
  if (absent !== null) return absent;
  const reference = wholeRun(doc, measure.sink);
  if (!reference.ok) return reference.failure;
  const first = prepareLessonRun(doc);
  if (!first.ok) return compileFailure(first.problems);
  const { runtime } = first.pipeline;
  const written = first.pipeline.results.get(measure.sink) ?? [];
  let snapshot: RuntimeSnapshot | null = null;
  let committed = 0;
  let checkpointAt = 0;
  let nextCheckpoint = measure.checkpointEvery;
  try {
    while (runtime.position < measure.crashAfterEvents) {
      const alive = stepUntil(first.pipeline, Math.min(nextCheckpoint, measure.crashAfterEvents));
      if (runtime.position >= nextCheckpoint) {
        snapshot = runtime.snapshot();
        committed = written.length;
        checkpointAt = runtime.position;
        while (nextCheckpoint <= runtime.position) nextCheckpoint += measure.checkpointEvery;
      }
      if (!alive) break;
    }
  } catch (error) {
    return unmeasurable(`the run could not be checkpointed: ${reason(error)}`);
  }
  const crashedAt = runtime.position;
  if (crashedAt < measure.crashAfterEvents) return unmeasurable(`the input has only ${plural(crashedAt, 'event')}, so it ends before the crash after ${measure.crashAfterEvents.toLocaleString('en')}`);
  const resumed = prepareLessonRun(doc);
  if (!resumed.ok) return compileFailure(resumed.problems);
  try {
    if (snapshot !== null) resumed.pipeline.runtime.restore(snapshot);
  } catch (error) {
    return unmeasurable(`the run could not resume from its checkpoint: ${reason(error)}`);
  }
  runToEnd(resumed.pipeline);
  const kept = measure.delivery === 'atLeastOnce' ? written : written.slice(0, committed);
  const delivered = [...kept, ...(resumed.pipeline.results.get(measure.sink) ?? [])];
  const { extra, missing } = differenceOfRows(delivered, reference.rows);
  const from = snapshot === null ? 'from the start (no checkpoint yet)' : `from the checkpoint after ${plural(checkpointAt, 'event')}`;
  const sink = measure.delivery === 'atLeastOnce' ? 'an at-least-once sink' : 'an exactly-once sink';
  return measured(extra + missing, `after a crash at event ${crashedAt.toLocaleString('en')} and a resume ${from}, ${sink} '${measure.sink}' got ${plural(extra, 'row')} too many and ${plural(missing, 'row')} too few against an uninterrupted run`);
}

/**
 * Results at the sink that differ when one parameter is changed and the same
 * input replayed, counted as a learner counts them: each window (by its
 * bounds and key) whose rows changed, appeared or disappeared counts once;
 * a row outside windows counts by its identity.
 */
export function measureWhatIf(doc: PipelineDocument, measure: Extract<Measure, { kind: 'whatIf' }>): Measured {
  const absent = missingNode(doc, measure.sink) ?? missingNode(doc, measure.node);
  if (absent !== null) return absent;
  const changed = applyChange(doc, { nodeId: measure.node, param: measure.param, value: measure.value });
  if (!changed.ok) return unmeasurable(changed.message);
  const before = wholeRun(doc, measure.sink);
  if (!before.ok) return before.failure;
  const after = wholeRun(changed.document, measure.sink);
  if (!after.ok) return after.failure;
  const keyFields = [...new Set([...before.keyFields, ...after.keyFields])];
  const { changed: differ, disappeared, appeared } = differenceOfResults(before.rows, after.rows, keyFields);
  const total = differ + disappeared + appeared;
  const change = `${measure.node}.${measure.param} = ${JSON.stringify(measure.value)}`;
  const windows = [...before.rows, ...after.rows].some((row) => Object.hasOwn(row, 'window_start'));
  const subject = windows ? `the results of ${plural(total, 'window')} at sink '${measure.sink}'` : `${plural(total, 'result row')} at sink '${measure.sink}'`;
  const verb = total === 1 && !windows ? 'differs' : 'differ';
  return measured(total, `with ${change}, ${subject} ${verb} (${differ.toLocaleString('en')} changed, ${disappeared.toLocaleString('en')} only without the change, ${appeared.toLocaleString('en')} only with it)`);
}
