/**
 * Lineage by replay: the run so far is run again, flat out and apart from the
 * live one, with a tap on the window node's input, its results and its late
 * port; nothing is recorded while the live run goes on, so the lineage costs
 * the live run nothing and works whether or not the timeline was ever open.
 * Sample streams and files are deterministic, so the replay sees the same
 * events in the same order. Results never depend on batch boundaries; with
 * one source the replay is exact (with several, their interleaving may differ).
 */
import { readCell, type Batch } from '../../engine/batch';
import type { OutPort } from '../../engine/operators/types';
import { compilePipeline } from '../../engine/plan/compile';
import type { PlanStep, WindowSpec } from '../../engine/plan/types';
import { createRuntime } from '../../engine/run/runtime';
import type { PipelineDocument } from '../../model';
import { recordAt, rowOf } from '../breakpoints/records';
import type { PreviewRecord } from '../protocol';
import type { EventFate, WindowRevision } from '../timelineTypes';
import { MAX_LINEAGE_EVENTS, type Lineage, type LineageEvent, type LineageQuery, type WindowLineage } from './types';
import { lateVerdict, windowsOf } from './windowsOf';

type WindowStep = Extract<PlanStep, { type: 'windowAggregate' }>;

/** How far to replay: to the live run's position, or to the end of input when it has finished. */
export interface ReplayTo {
  readonly position: number;
  readonly toEnd: boolean;
}

/** An arrival at the window node that the query cares about; its record is read at once (the batch may be reused). */
interface Arrival {
  readonly seq: number;
  readonly position: number;
  readonly time: number;
  readonly watermark: number;
  readonly fields: PreviewRecord;
  late: boolean;
}

const STEP_ROWS = 4096;

function windowKind(spec: WindowSpec): WindowLineage['windowKind'] {
  if (spec.type === 'count') return 'count';
  if (spec.type === 'session') return 'session';
  if (spec.cumulative) return 'cumulate';
  return spec.slide === spec.size ? 'tumbling' : 'hopping';
}

const lateness = (spec: WindowSpec): number => (spec.type === 'count' ? 0 : spec.lateness);

/** True when every field of `wanted` has the same value in row `row` of `batch` (fields the batch lacks do not count). */
function sameFields(wanted: PreviewRecord, batch: Batch, row: number): boolean {
  for (const name of Object.keys(wanted)) {
    const column = Object.hasOwn(batch.columns, name) ? batch.columns[name] : undefined;
    if (column === undefined) continue;
    if (!Object.is(readCell(column, row), wanted[name])) return false;
  }
  return true;
}

/** Same values in every field: a late row and the arrival it was. */
function sameRecord(a: PreviewRecord, b: PreviewRecord): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && Object.is(a[k], b[k]));
}

function numberAt(batch: Batch, name: string, row: number): number {
  const column = Object.hasOwn(batch.columns, name) ? batch.columns[name] : undefined;
  if (column === undefined || column.type === 'string' || column.type === 'boolean') return NaN;
  return column.values[row]!;
}

function toEvent(a: Arrival, fate: EventFate): LineageEvent {
  return { seq: a.seq, position: a.position, time: a.time, watermark: a.watermark, fields: a.fields, fate };
}

/** Replays `doc` to `to` with the window node of `query` tapped, and answers the query. */
export function replayLineage(doc: PipelineDocument, to: ReplayTo, query: LineageQuery): Lineage {
  const compiled = compilePipeline(doc, { missingDataHint: 'press Choose file on the node to load its file' });
  if (!compiled.ok) return { kind: 'unavailable', reason: 'the pipeline does not compile' };
  const { plan } = compiled;
  if (plan.steps.some((s) => s.type === 'websocketSource')) {
    return { kind: 'unavailable', reason: 'this pipeline reads a WebSocket, whose input is not kept for a replay' };
  }
  const step = plan.steps.find((s): s is WindowStep => s.type === 'windowAggregate' && (s.nodeId === query.nodeId || s.aggregateId === query.nodeId));
  if (step === undefined) return { kind: 'unavailable', reason: 'that node is not a window' };
  const spec = step.window;
  if (spec.type !== 'count' && spec.processingTime) {
    return { kind: 'unavailable', reason: 'a processing-time window depends on when events arrived, which a replay cannot repeat' };
  }
  const windowId = step.nodeId;
  const feeds = new Set<string>();
  for (const [from, routes] of plan.routes) if (routes.some((r) => r.stepId === windowId)) feeds.add(from);
  const sources = new Set(plan.steps.filter((s) => s.type === 'sampleSource' || s.type === 'fileSource').map((s) => s.nodeId));
  const keyNames = step.keyFields.map((f) => f.name);
  const L = lateness(spec);

  // What the query follows: a window's key and span, or one late record.
  const inWindow = (batch: Batch, row: number, time: number): boolean => {
    if (query.kind !== 'window') return false;
    if (keyNames.some((name) => !Object.is(readCell(batch.columns[name]!, row), query.key[name] ?? null))) return false;
    if (spec.type === 'session') return time >= query.start && time <= query.end - spec.gap;
    return time >= query.start && time < query.end;
  };
  const follows = (batch: Batch, row: number, time: number): boolean =>
    query.kind === 'window' ? inWindow(batch, row, time) : sameFields(query.record, batch, row);

  let position = 0;
  let seq = 0;
  let watermark = -Infinity;
  /** The end watermark of the latest input batch: a window may fire on it after the batch's rows. */
  let inputEnd = -Infinity;
  /** Arrivals followed, and those of the latest pushes (a late row is matched to one of these). */
  const followed: Arrival[] = [];
  let recent: Arrival[] = [];
  let previous: Arrival[] = [];
  let firstPastEnd: number | null = null;
  /** The watermark that reached the window's end - 1 (it fired then). */
  let fireWatermark = -Infinity;
  const revisions: { revision: number; seq: number; watermark: number; result: PreviewRecord }[] = [];

  function arrive(batch: Batch, rows: Int32Array | null, count: number): void {
    previous = recent;
    recent = [];
    inputEnd = batch.endWatermark;
    for (let k = 0; k < count; k++) {
      const row = rowOf(rows, k);
      seq++;
      const w = batch.watermark[row]!;
      if (w > watermark) watermark = w;
      if (query.kind === 'window' && firstPastEnd === null && watermark >= query.end - 1) {
        firstPastEnd = seq;
        fireWatermark = watermark;
      }
      const time = batch.time[row]!;
      if (!follows(batch, row, time)) continue;
      const arrival: Arrival = { seq, position, time, watermark, fields: recordAt(batch, row), late: false };
      followed.push(arrival);
      recent.push(arrival);
    }
  }

  function wentLate(batch: Batch, rows: Int32Array | null, count: number): void {
    for (let k = 0; k < count; k++) {
      const record = recordAt(batch, rowOf(rows, k));
      const match = [...previous, ...recent].find((a) => !a.late && sameRecord(a.fields, record));
      if (match !== undefined) match.late = true;
    }
  }

  function results(batch: Batch, rows: Int32Array | null, count: number): void {
    if (query.kind !== 'window') return;
    for (let k = 0; k < count; k++) {
      const row = rowOf(rows, k);
      if (numberAt(batch, 'window_start', row) !== query.start || numberAt(batch, 'window_end', row) !== query.end) continue;
      if (keyNames.some((name) => !Object.hasOwn(batch.columns, name) || !Object.is(readCell(batch.columns[name]!, row), query.key[name] ?? null))) continue;
      const revision = numberAt(batch, 'revision', row);
      // The first firing: the watermark that reached end - 1 (at a row, or at the batch's end); a revision: the reviser's arrival.
      const fired = revision === 0 ? (firstPastEnd !== null ? fireWatermark : Math.max(watermark, inputEnd)) : watermark;
      revisions.push({ revision, seq, watermark: fired, result: recordAt(batch, row) });
    }
  }

  const runtime = createRuntime(plan, {
    now: () => Date.now(),
    log: () => undefined,
    trace: null,
    onResults: () => undefined,
    onResultBatch: () => undefined,
    keepsResultBatches: false,
    onLate: null,
    onEmit(stepId: string, port: OutPort, batch: Batch, rows: Int32Array | null) {
      const count = rows === null ? batch.length : rows.length;
      if (port === 'out' && sources.has(stepId)) position += count;
      if (feeds.has(`${stepId}:${port}`)) arrive(batch, rows, count);
      if (stepId !== windowId || count === 0) return;
      if (port === 'late') wentLate(batch, rows, count);
      else results(batch, rows, count);
    },
  });
  const perSource = Math.max(1, sources.size);
  for (;;) {
    if (!to.toEnd && position >= to.position) break;
    const rows = to.toEnd ? STEP_ROWS : Math.max(1, Math.min(STEP_ROWS, Math.floor((to.position - position) / perSource)));
    if (!runtime.step(rows)) break;
  }

  if (query.kind === 'late') {
    const arrival = followed.find((a) => a.late);
    if (arrival === undefined) return { kind: 'unavailable', reason: 'that event did not reach the late port in the run so far' };
    const windows = windowsOf(spec, arrival.time);
    return { kind: 'late', nodeId: windowId, event: toEvent(arrival, 'late'), windows, verdict: lateVerdict(spec, windows, arrival.watermark) };
  }
  return windowLineage(query, step, followed, revisions, firstPastEnd, L);
}

function windowLineage(
  query: Extract<LineageQuery, { kind: 'window' }>, step: WindowStep, followed: readonly Arrival[],
  fired: readonly { revision: number; seq: number; watermark: number; result: PreviewRecord }[], firstPastEnd: number | null, L: number,
): WindowLineage {
  const spec = step.window;
  const closesAt = query.end - 1 + L;
  const taken: LineageEvent[] = [];
  const tooLate: LineageEvent[] = [];
  for (const a of followed) {
    // A sliced window takes an event while it is live (hopping: an event may be too late for one window and not another).
    const live = spec.type === 'sliced' ? a.watermark < closesAt : true;
    if (a.late || !live) tooLate.push(toEvent(a, 'late'));
    else taken.push(toEvent(a, a.watermark < query.end - 1 ? 'onTime' : 'revision'));
  }
  const onTime = taken.filter((e) => e.fate === 'onTime');
  const revisers = taken.filter((e) => e.fate === 'revision');
  const revisions: WindowRevision[] = fired.map((f) => {
    // Revision r holds the events on time plus the first r that came within the allowed lateness.
    const events = f.revision === 0 ? onTime : [...onTime, ...revisers.slice(0, f.revision)].sort((a, b) => a.seq - b.seq);
    const seq = f.revision === 0 ? (firstPastEnd === null ? f.seq : firstPastEnd - 1) : (revisers[f.revision - 1]?.seq ?? f.seq);
    const watermark = f.revision === 0 ? f.watermark : (revisers[f.revision - 1]?.watermark ?? f.watermark);
    return { revision: f.revision, seq, watermark, result: f.result, eventSeqs: events.slice(0, MAX_LINEAGE_EVENTS).map((e) => e.seq), eventCount: events.length };
  });
  return {
    kind: 'window', nodeId: step.nodeId, windowKind: windowKind(spec), latenessMs: L, key: query.key,
    start: query.start, end: query.end, revisions,
    events: taken.slice(0, MAX_LINEAGE_EVENTS), eventCount: taken.length, tooLate: tooLate.slice(0, MAX_LINEAGE_EVENTS),
  };
}
