/**
 * Lineage by replay: the run so far is run again, flat out and apart from the
 * live one, with the runtime's trace following the window node into a timeline
 * recorder (../timeline), the same one the timeline tab reads. The answer is
 * the recorder's: its window, revisions, events and verdict sentences, so
 * "why" and the timeline can never disagree. Nothing is recorded while the
 * live run goes on, so the lineage costs the live run nothing and works
 * whether or not the timeline was ever open. Sample streams and files are
 * deterministic, so the replay sees the same events in the same order.
 * Results never depend on batch boundaries; with one source the replay is
 * exact (with several, their interleaving may differ).
 */
import type { Batch } from '../../engine/batch';
import type { OutPort } from '../../engine/operators/types';
import { compilePipeline } from '../../engine/plan/compile';
import type { PlanStep } from '../../engine/plan/types';
import { createRuntime, type Runtime } from '../../engine/run/runtime';
import type { PipelineDocument } from '../../model';
import type { PreviewRecord } from '../protocol';
import { eventDetail } from '../timeline/frame';
import { createRunTimeline, type RunTimeline } from '../timeline/follow';
import { DEFAULT_LIMITS, type RecorderLimits, type TimelineRecorder } from '../timeline/recorder';
import type { TimelineEventDetail } from '../timelineTypes';
import { MAX_LINEAGE_EVENTS, type Lineage, type LineageEvent, type LineageQuery, type WindowLineage } from './types';
import { chooseFileHint } from '../chooseFileHint';

type WindowStep = Extract<PlanStep, { type: 'windowAggregate' }>;

/** How far to replay: to the live run's position, or to the end of input when it has finished. */
export interface ReplayTo {
  readonly position: number;
  readonly toEnd: boolean;
}

const STEP_ROWS = 4096;
/** Events the replay's recorder keeps with their fields: the whole run up to this many (the oldest drop out beyond). */
const MAX_REPLAY_EVENTS = 2_000_000;

/** The recorder's text of a key ("sensor-3, eu"; '' unkeyed), as its window book names windows. */
export function keyText(keyFields: readonly string[], key: PreviewRecord): string {
  return keyFields.map((name) => {
    const v = Object.hasOwn(key, name) ? key[name] : null;
    return v === null || v === undefined ? 'null' : String(v);
  }).join(', ');
}

/** True when every field of `wanted` that `fields` has holds the same value (a late row and the event it was). */
export function sameFields(wanted: PreviewRecord, fields: PreviewRecord): boolean {
  let compared = 0;
  for (const name of Object.keys(wanted)) {
    if (!Object.hasOwn(fields, name)) continue;
    compared++;
    if (!Object.is(fields[name], wanted[name])) return false;
  }
  return compared > 0;
}

const toEvent = (e: TimelineEventDetail): LineageEvent => ({ seq: e.seq, position: e.position, time: e.time, watermark: e.watermark, fields: e.fields, fate: e.fate });

/**
 * The replay's recorder limits: room for every event of the run so far (the
 * position is the live run's, also when it has finished; bounded), and no
 * window evicted before the question is answered.
 */
function replayLimits(to: ReplayTo): RecorderLimits {
  const events = Math.min(MAX_REPLAY_EVENTS, Math.max(DEFAULT_LIMITS.events, to.position + 1));
  return { events, eventFields: events, windows: Math.max(DEFAULT_LIMITS.windows, events), watermarkPoints: DEFAULT_LIMITS.watermarkPoints };
}

/** Replays `doc` to `to` with the window node of `query` traced into a timeline recorder, and answers the query from it. */
export function replayLineage(doc: PipelineDocument, to: ReplayTo, query: LineageQuery): Lineage {
  const compiled = compilePipeline(doc, { missingDataHint: chooseFileHint });
  if (!compiled.ok) return { kind: 'unavailable', reason: 'the pipeline does not compile' };
  const { plan } = compiled;
  if (plan.steps.some((s) => s.type === 'websocketSource')) {
    return { kind: 'unavailable', reason: 'this pipeline reads a WebSocket, whose input is not kept for a replay' };
  }
  const step = plan.steps.find((s): s is WindowStep => s.type === 'windowAggregate' && (s.nodeId === query.nodeId || s.aggregateId === query.nodeId));
  if (step === undefined) return { kind: 'unavailable', reason: 'that node is not a window' };
  if (step.window.type !== 'count' && step.window.processingTime) {
    return { kind: 'unavailable', reason: 'a processing-time window depends on when events arrived, which a replay cannot repeat' };
  }
  const sources = new Set(plan.steps.filter((s) => s.type === 'sampleSource' || s.type === 'fileSource').map((s) => s.nodeId));
  let position = 0;
  // The runtime exists before anything emits (building one runs nothing), as in the worker's session.
  let runtime: Runtime | null = null;
  const timeline = createRunTimeline(plan, () => runtime!, () => Date.now(), replayLimits(to));
  runtime = createRuntime(plan, {
    now: () => Date.now(),
    log: () => undefined,
    trace: null,
    onResults: () => undefined,
    onResultBatch: () => undefined,
    keepsResultBatches: false,
    onLate: null,
    onEmit(stepId: string, port: OutPort, batch: Batch, rows: Int32Array | null) {
      if (port === 'out' && sources.has(stepId)) position += rows === null ? batch.length : rows.length;
      timeline.onEmit(stepId, port, batch, rows);
    },
  });
  if (!timeline.follow(step.nodeId) || timeline.recorder === null) return { kind: 'unavailable', reason: 'that node is not a window' };
  const recorder = timeline.recorder;
  const perSource = Math.max(1, sources.size);
  for (;;) {
    if (!to.toEnd && position >= to.position) break;
    const rows = to.toEnd ? STEP_ROWS : Math.max(1, Math.min(STEP_ROWS, Math.floor((to.position - position) / perSource)));
    if (!runtime.step(rows)) break;
  }
  return query.kind === 'late' ? lateLineage(recorder, query.record) : windowLineage(recorder, timeline.findWindow.bind(timeline), query);
}

function lateLineage(r: TimelineRecorder, record: PreviewRecord): Lineage {
  const { ring } = r;
  for (let seq = ring.firstSeq; seq <= ring.lastSeq; seq++) {
    if (ring.fate[ring.slot(seq)] !== 2) continue;
    const fields = ring.fieldsOf(seq);
    if (fields === null || !sameFields(record, fields)) continue;
    const detail = eventDetail(r, seq);
    if (detail === null) continue;
    return { kind: 'late', nodeId: r.info.nodeId, event: toEvent(detail), windows: detail.windows, verdict: detail.verdict };
  }
  return { kind: 'unavailable', reason: 'that event did not reach the late port in the run so far' };
}

function windowLineage(
  r: TimelineRecorder,
  findWindow: RunTimeline['findWindow'],
  query: Extract<LineageQuery, { kind: 'window' }>,
): WindowLineage {
  const text = keyText(r.info.keyFields, query.key);
  const detail = findWindow(r.info.nodeId, text, query.start, query.end);
  const keyId = r.keyIds.get(text);
  // Events of its key and span that the engine sent to the late port: they did not count.
  const tooLate: LineageEvent[] = [];
  const { ring } = r;
  for (let seq = ring.firstSeq; keyId !== undefined && seq <= ring.lastSeq && tooLate.length < MAX_LINEAGE_EVENTS; seq++) {
    const i = ring.slot(seq);
    if (ring.fate[i] !== 2 || ring.key[i] !== keyId) continue;
    const time = ring.time[i]!;
    if (time < query.start || time >= query.end) continue;
    const e = eventDetail(r, seq);
    if (e !== null) tooLate.push(toEvent(e));
  }
  const events = (detail?.events ?? []).filter((e) => e.fate !== 'late').map(toEvent);
  return {
    kind: 'window', nodeId: r.info.nodeId, windowKind: r.info.kind, latenessMs: r.info.latenessMs, key: query.key,
    start: query.start, end: query.end, revisions: detail?.revisions ?? [],
    events: events.slice(0, MAX_LINEAGE_EVENTS), eventCount: detail?.window.events ?? 0, tooLate,
  };
}
