/**
 * Watches what every step emits (the session's onEmit tap) for the armed
 * breakpoints. The stop must be exact, right after the event that hit and
 * not at the end of its batch: while one is armed the scheduler pulls one
 * row per source per step (`rows`), so the run pauses with the hit event as
 * the last one read (with several sources, the sources after it in that step
 * have read one more each: holding them back would make the step differ
 * from what time travel's journal replays). Unarmed, it costs one check per emit.
 */
import type { Batch } from '../../engine/batch';
import { compileFilter, type CompiledExpression } from '../../engine/expr';
import type { OutPort } from '../../engine/operators/types';
import type { ExecutionPlan } from '../../engine/plan/types';
import { formatDateTime, formatWatermark } from '../../charts/format';
import type { PipelineDocument } from '../../model';
import type { PreviewRecord } from '../protocol';
import { recordAt, rowOf } from './records';
import type { Breakpoint, BreakpointHit, BreakpointProblem } from './types';

/** One armed breakpoint, resolved to the step and port whose emits it reads. */
interface Armed {
  readonly id: string;
  readonly stepId: string | null;
  readonly port: OutPort;
  /** The node to select on a hit. */
  readonly nodeId: string;
  /** The row (among those emitted) that hits, or -1; `before` is the run position before this emit. */
  readonly test: (batch: Batch, rows: Int32Array | null, count: number, before: number) => number;
  readonly what: (record: PreviewRecord | null, batch: Batch, row: number) => string;
  /** Hits once in a run (an event number, a watermark), not every time. */
  readonly once: boolean;
  /** False when no one record hit it (a watermark). */
  readonly hasRecord?: false;
}

export interface BreakpointDetector {
  /** Arms `list` (replacing what was armed); returns those it could not arm. */
  arm(list: readonly Breakpoint[]): BreakpointProblem[];
  readonly armed: boolean;
  /** Events read from all sources so far. */
  readonly position: number;
  readonly hit: Omit<BreakpointHit, 'runId'> | null;
  onEmit(stepId: string, port: OutPort, batch: Batch, rows: Int32Array | null): void;
  /** Rows to pull per source in the next step. */
  rows(wanted: number): number;
  /** True once after a hit, when the scheduler should pause. */
  takeStop(): boolean;
}

export interface DetectorContext {
  readonly doc: PipelineDocument;
  readonly plan: ExecutionPlan;
  /** Events read from all sources so far, this emit's included (the time machine counts them). */
  readonly position: () => number;
  /** Rows that have reached a step so far. */
  readonly rowsIn: (stepId: string) => number;
}

const timeText = (ms: number): string => formatDateTime(ms);

function revisionTest(want: (revision: number) => boolean): Armed['test'] {
  return (batch, rows, count) => {
    const column = batch.columns['revision'];
    if (column === undefined || column.type !== 'number') return -1;
    for (let k = 0; k < count; k++) {
      const row = rowOf(rows, k);
      if (want(column.values[row]!)) return row;
    }
    return -1;
  };
}

function windowText(record: PreviewRecord | null): string {
  const start = record?.['window_start'];
  const end = record?.['window_end'];
  return typeof start === 'number' && typeof end === 'number' ? `window [${timeText(start)}, ${timeText(end)})` : 'a window';
}

export function createBreakpointDetector(ctx: DetectorContext): BreakpointDetector {
  const { plan, doc } = ctx;
  const stepOf = new Map<string, string>();
  const kindOf = new Map<string, string>();
  const sources = new Set<string>();
  for (const step of plan.steps) {
    stepOf.set(step.nodeId, step.nodeId);
    kindOf.set(step.nodeId, step.type);
    if (step.type === 'windowAggregate') stepOf.set(step.aggregateId, step.nodeId);
    if (step.type === 'sampleSource' || step.type === 'fileSource' || step.type === 'websocketSource') sources.add(step.nodeId);
  }
  const nameOf = (nodeId: string): string => doc.nodes.find((n) => n.id === nodeId)?.name ?? nodeId;

  let armed: Armed[] = [];
  const spent = new Set<string>();
  let hit: Omit<BreakpointHit, 'runId'> | null = null;
  let serial = 0;
  let stop = false;

  function resolve(bp: Breakpoint): Armed | string {
    const spec = bp.spec;
    switch (spec.kind) {
      case 'event':
        if (!Number.isSafeInteger(spec.n) || spec.n < 1) return 'an event number is a whole number from 1';
        return {
          id: bp.id, stepId: null, port: 'out', nodeId: '', once: true,
          test: (_b, rows, count, before) => (before < spec.n && before + count >= spec.n ? rowOf(rows, spec.n - before - 1) : -1),
          what: () => `event ${spec.n.toLocaleString('en-US')} was read`,
        };
      case 'condition': {
        const edge = doc.edges.find((e) => e.id === spec.edgeId);
        const schema = plan.edgeSchemas.get(spec.edgeId);
        if (edge === undefined || schema === undefined) return `edge '${spec.edgeId}' is not in this run`;
        const compiled = compileFilter(spec.expression, schema.fields);
        if (!compiled.ok) return compiled.error.message;
        const expr: CompiledExpression = compiled.expr;
        const stepId = stepOf.get(edge.from);
        if (stepId === undefined) return `node '${edge.from}' is not in this run`;
        return {
          id: bp.id, stepId, port: edge.fromPort ?? 'out', nodeId: edge.from, once: false,
          test(batch, rows) {
            const held = expr.select!(batch, rows);
            if (held === null) return rowOf(rows, 0);
            return held.length > 0 ? held[0]! : -1;
          },
          what: () => `a record on the edge from ${nameOf(edge.from)} to ${nameOf(edge.to)} matched ${spec.expression}`,
        };
      }
      default: {
        const stepId = stepOf.get(spec.nodeId);
        if (stepId === undefined) return `node '${spec.nodeId}' is not in this run`;
        const isWindow = kindOf.get(stepId) === 'windowAggregate';
        if (spec.kind === 'watermark') {
          if (!Number.isFinite(spec.time)) return 'give the watermark a time';
          return {
            id: bp.id, stepId, port: 'out', nodeId: spec.nodeId, once: true, hasRecord: false,
            test: (batch) => (batch.endWatermark >= spec.time ? Math.max(0, batch.length - 1) : -1),
            what: (_r, batch) => `the watermark of ${nameOf(spec.nodeId)} reached ${formatWatermark(batch.endWatermark)} (≥ ${timeText(spec.time)})`,
          };
        }
        if (!isWindow) return `${nameOf(spec.nodeId)} is not a window: only windows fire, revise and have late events`;
        if (spec.kind === 'late') {
          return {
            id: bp.id, stepId, port: 'late', nodeId: stepId, once: false,
            test: (_b, rows, count) => (count > 0 ? rowOf(rows, 0) : -1),
            what: (_r, batch, row) => `an event went to the late port of ${nameOf(stepId)} (event time ${timeText(batch.time[row]!)}, watermark ${formatWatermark(batch.watermark[row]!)})`,
          };
        }
        const first = spec.kind === 'fire';
        // Selected as set: an aggregate after a window shows the results it fires.
        return {
          id: bp.id, stepId, port: 'out', nodeId: spec.nodeId, once: false,
          test: revisionTest(first ? (r) => r === 0 : (r) => r > 0),
          what: (record) => `${nameOf(stepId)} ${first ? 'fired' : 'revised'} ${windowText(record)}`,
        };
      }
    }
  }

  return {
    arm(list) {
      const problems: BreakpointProblem[] = [];
      armed = [];
      for (const bp of list) {
        const resolved = resolve(bp);
        if (typeof resolved === 'string') problems.push({ id: bp.id, message: resolved });
        else armed.push(resolved);
      }
      return problems;
    },
    get armed() { return armed.length > 0; },
    get position() { return ctx.position(); },
    get hit() { return hit; },
    onEmit(stepId, port, batch, rows) {
      const count = rows === null ? batch.length : rows.length;
      const isSource = port === 'out' && sources.has(stepId);
      if (armed.length === 0 || stop) return;
      const position = ctx.position();
      const before = isSource ? position - count : position;
      for (const a of armed) {
        if (a.once && spent.has(a.id)) continue;
        const match = a.stepId === null ? isSource && count > 0 : a.stepId === stepId && a.port === port && (count > 0 || a.port === 'out');
        if (!match) continue;
        const row = a.test(batch, rows, count, before);
        if (row < 0) continue;
        if (a.once) spent.add(a.id);
        const record = a.hasRecord !== false && row < batch.length ? recordAt(batch, row) : null;
        const nodeId = a.stepId === null ? stepId : a.nodeId;
        stop = true;
        hit = {
          serial: ++serial, breakpointId: a.id, nodeId, port, record,
          position, seq: isSource ? position : ctx.rowsIn(stepId), what: a.what(record, batch, row),
        };
        return;
      }
    },
    rows: (wanted) => (armed.length > 0 ? 1 : wanted),
    takeStop() {
      if (!stop) return false;
      stop = false;
      return true;
    },
  };
}
