import type { Batch, Field } from '../batch';
import { gatherBatch } from '../batchOps';
import { captureKeys, createKeyTable, type KeyTable } from '../aggregate/keyTable';
import type { AggregatePlan } from '../aggregate/plan';
import { addRow, createScalarAcc, mergeScalarAcc, scalarResult, type ScalarAcc } from '../aggregate/scalarAcc';
import { createResultWriter, pendingResults, takeResults, writeResult, type ResultWriter } from '../aggregate/resultWriter';
import { fieldValues } from '../aggregate/values';
import type { Operator, OperatorContext, StateStats } from '../operators/types';
import { createTimerHeap, hasTimerDue, peekTime, popTimer, pushTimer, type TimerHeap } from './timerHeap';

export interface SessionWindowConfig {
  readonly gap: number;
  readonly lateness: number;
  readonly processingTime: boolean;
  readonly plan: AggregatePlan;
  readonly keyFields: readonly Field[];
}

interface Session {
  start: number;
  end: number;
  acc: ScalarAcc;
  /** How many times this session (or a session merged into it) has fired. */
  firings: number;
  /** Time of its pending fire timer, NaN when none is pending (older timers are stale). */
  timer: number;
}

/** Plain-data state of the session operator. */
export interface SessionWindowState {
  readonly config: SessionWindowConfig;
  readonly keyTable: KeyTable;
  readonly writer: ResultWriter;
  /** Open sessions per key, ascending by start. */
  readonly sessions: (Session[] | undefined)[];
  /** Timers tagged with the session's start; FIRE timers at end - 1, EXPIRE timers at end - 1 + lateness. */
  readonly fireTimers: TimerHeap;
  readonly expireTimers: TimerHeap;
  watermark: number;
  openSessions: number;
  lateEvents: number;
}

function findSession(list: Session[] | undefined, start: number): Session | undefined {
  return list?.find((s) => s.start === start);
}

function emit(st: SessionWindowState, ctx: OperatorContext, key: number, s: Session, watermark: number): void {
  const values = st.config.plan.outputs.map((o) => scalarResult(s.acc, o));
  writeResult(st.writer, s.start, s.end, key, values, s.firings, s.end - 1, watermark);
  ctx.trace?.({ type: s.firings === 0 ? 'fired' : 'revised', nodeId: ctx.nodeId, windowStart: s.start, windowEnd: s.end, watermark: st.watermark, keys: key });
  s.firings++;
  if (st.config.lateness > 0) pushTimer(st.expireTimers, s.end - 1 + st.config.lateness, key, s.start);
}

function drop(st: SessionWindowState, ctx: OperatorContext, key: number, s: Session): void {
  const list = st.sessions[key]!;
  list.splice(list.indexOf(s), 1);
  st.openSessions--;
  ctx.trace?.({ type: 'closed', nodeId: ctx.nodeId, windowStart: s.start, windowEnd: s.end, watermark: st.watermark });
}

/** Moves the watermark: fires sessions whose end has passed, drops those beyond allowed lateness. */
function advance(st: SessionWindowState, ctx: OperatorContext, w: number): void {
  const before = st.watermark;
  st.watermark = w;
  while (hasTimerDue(st.fireTimers, w)) {
    const t = popTimer(st.fireTimers);
    const s = findSession(st.sessions[t.key], t.tag);
    if (s === undefined || s.timer !== t.at) continue;
    if (s.end - 1 > t.at) {
      s.timer = s.end - 1;
      pushTimer(st.fireTimers, s.timer, t.key, s.start);
      continue;
    }
    s.timer = NaN;
    emit(st, ctx, t.key, s, before);
    if (st.config.lateness === 0) drop(st, ctx, t.key, s);
  }
  while (hasTimerDue(st.expireTimers, w)) {
    const t = popTimer(st.expireTimers);
    const s = findSession(st.sessions[t.key], t.tag);
    if (s === undefined) continue;
    if (s.end - 1 + st.config.lateness > w) continue; // extended since; a newer timer exists
    drop(st, ctx, t.key, s);
  }
}

/** Adds one event to its key's sessions, merging every session it overlaps or touches. Returns false when late. */
function addEvent(st: SessionWindowState, ctx: OperatorContext, key: number, t: number, values: Float64Array[], row: number): boolean {
  const { gap, lateness, plan } = st.config;
  const list = (st.sessions[key] ??= []);
  let start = t;
  let end = t + gap;
  const overlapping = list.filter((s) => s.start <= end && s.end >= start);
  for (const s of overlapping) { start = Math.min(start, s.start); end = Math.max(end, s.end); }
  if (overlapping.length === 0 && !st.config.processingTime && end - 1 + lateness <= st.watermark) return false;
  const target = overlapping[0] ?? { start, end, acc: createScalarAcc(plan), firings: 0, timer: NaN };
  if (overlapping.length === 0) {
    let i = 0;
    while (i < list.length && list[i]!.start < start) i++;
    list.splice(i, 0, target);
    st.openSessions++;
    ctx.trace?.({ type: 'opened', nodeId: ctx.nodeId, windowStart: start, windowEnd: end, watermark: st.watermark });
  }
  for (const other of overlapping.slice(1)) {
    mergeScalarAcc(target.acc, other.acc);
    target.firings = Math.max(target.firings, other.firings);
    list.splice(list.indexOf(other), 1);
    st.openSessions--;
  }
  const startMoved = target.start !== start;
  target.start = start;
  target.end = end;
  addRow(target.acc, values, row, t);
  if (end - 1 <= st.watermark) {
    target.timer = NaN;
    emit(st, ctx, key, target, st.watermark);
  } else if (Number.isNaN(target.timer) || startMoved) {
    // Timers are found by session start; an unchanged start lets the pending timer re-arm itself lazily.
    target.timer = end - 1;
    pushTimer(st.fireTimers, end - 1, key, start);
  }
  return true;
}

/** Builds the operator for a session window followed by an aggregate. */
export function createSessionWindowOperator(config: SessionWindowConfig, ctx: OperatorContext): Operator & { state: SessionWindowState } {
  const keyTable = createKeyTable(config.keyFields);
  const st: SessionWindowState = {
    config, keyTable, writer: createResultWriter(config.plan, keyTable, true), sessions: [],
    fireTimers: createTimerHeap(), expireTimers: createTimerHeap(), watermark: -Infinity, openSessions: 0, lateEvents: 0,
  };
  let emittedWatermark = -Infinity;

  function flush(batch: Batch | null, lateRows: number[]): void {
    const moved = st.watermark > emittedWatermark;
    emittedWatermark = st.watermark;
    if (pendingResults(st.writer) > 0 || moved) ctx.emit('out', takeResults(st.writer, st.watermark));
    if (batch !== null && (lateRows.length > 0 || moved)) ctx.emit('late', gatherBatch(batch, Int32Array.from(lateRows)));
  }

  return {
    state: st,
    push(input: Batch): void {
      const now = config.processingTime ? ctx.now() : 0;
      const batch = input;
      captureKeys(keyTable, batch);
      config.plan.fields.forEach((f, i) => {
        const column = batch.columns[f.name];
        if (column?.type === 'string') st.writer.inputDicts[i] = column.dict;
      });
      const values = fieldValues(config.plan, batch);
      const lateRows: number[] = [];
      const nextAction = (): number => Math.min(peekTime(st.fireTimers), peekTime(st.expireTimers));
      for (let i = 0; i < batch.length; i++) {
        const w = config.processingTime ? now - 1 : batch.watermark[i]!;
        if (w > st.watermark) {
          if (w >= nextAction()) advance(st, ctx, w);
          else st.watermark = w;
        }
        const key = batch.keys === null ? 0 : batch.keys[i]!;
        const t = config.processingTime ? now : batch.time[i]!;
        if (!addEvent(st, ctx, key, t, values, i)) {
          lateRows.push(i);
          st.lateEvents++;
          ctx.trace?.({ type: 'late', nodeId: ctx.nodeId, windowStart: t, windowEnd: t + config.gap, watermark: st.watermark, eventTime: t, keys: key });
        }
      }
      const end = config.processingTime && batch.endWatermark !== Infinity ? now : batch.endWatermark;
      if (end > st.watermark) advance(st, ctx, end);
      flush(batch, lateRows);
    },
    tick(now: number): void {
      if (!config.processingTime || now <= st.watermark) return;
      advance(st, ctx, now);
      flush(null, []);
    },
    stats(): StateStats {
      return { keys: keyTable.values.length, openWindows: st.openSessions, lateEvents: st.lateEvents };
    },
  };
}
