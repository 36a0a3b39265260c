/**
 * Idle inputs (Flink's `withIdleness`): which sources have gone silent, for
 * how long, and which unions stop waiting for them. A source with an idle
 * timeout that produced no event for that long (on the clock given to
 * `tick`, so a fake clock makes it deterministic) is idle; a union input all
 * of whose upstream sources are idle stops holding back the union's
 * watermark. The source's next event makes it active again.
 *
 * Only built for a plan with a union: a single input's watermark has nothing
 * to be held back by, so other plans pay nothing.
 */
import type { UnionOperator } from '../operators/unionOperator';
import type { ExecutionPlan } from '../plan/types';

/** A source silent this long (wall clock) that holds a union's watermark back is named as what holds it. */
export const HELD_BACK_AFTER_MS = 1000;

export interface SourceIdleness {
  readonly idle: boolean;
  /** Wall-clock ms since its last event (0 before the clock first ticked). */
  readonly silentForMs: number;
  readonly ended: boolean;
}

/** The source whose silence holds a node's watermark back. */
export interface HeldBack {
  readonly sourceId: string;
  readonly silentForMs: number;
}

export interface IdleReport {
  /** Every source that feeds a union. */
  readonly sources: ReadonlyMap<string, SourceIdleness>;
  /** Unions and windows whose watermark a silent source holds back (a window after the union, too). */
  readonly heldBack: ReadonlyMap<string, HeldBack>;
}

/** Plain-data state of the tracker (for snapshots). */
export interface IdleTrackerState {
  readonly clock: number;
  readonly lastEventAt: readonly (readonly [string, number])[];
  readonly idle: readonly string[];
  readonly ended: readonly string[];
}

export interface IdleTracker {
  /** A source is about to emit a batch of `rows` rows (`final`: its end of input). Call before delivering it. */
  sourceEmitted(sourceId: string, rows: number, final: boolean): void;
  /** The wall clock moved on: sources silent past their timeout become idle. */
  tick(now: number): void;
  report(): IdleReport;
  /** The sources upstream of a node (through every path), for the timeline's inputs. */
  sourcesUpstreamOf(nodeId: string): readonly string[];
  snapshot(): IdleTrackerState;
  restore(state: IdleTrackerState): void;
}

const SOURCE_STEPS = new Set(['sampleSource', 'fileSource', 'websocketSource']);

/** Edges into each step: the step they come from and the input index they enter. */
function predecessors(plan: ExecutionPlan): Map<string, { from: string; input: number }[]> {
  const preds = new Map<string, { from: string; input: number }[]>();
  for (const [key, routes] of plan.routes) {
    const from = key.slice(0, key.lastIndexOf(':'));
    for (const r of routes) {
      let list = preds.get(r.stepId);
      if (list === undefined) preds.set(r.stepId, (list = []));
      list.push({ from, input: r.input });
    }
  }
  return preds;
}

/** A tracker for `plan`, or null when it has no union. `timeouts`: idle timeout in ms by source node id. */
export function createIdleTracker(plan: ExecutionPlan, unions: ReadonlyMap<string, UnionOperator>): IdleTracker | null {
  if (unions.size === 0) return null;
  const preds = predecessors(plan);
  const timeouts = new Map<string, number>();
  const sourceIds: string[] = [];
  for (const step of plan.steps) {
    if (!SOURCE_STEPS.has(step.type)) continue;
    sourceIds.push(step.nodeId);
    if ('idleTimeoutMs' in step && step.idleTimeoutMs !== undefined) timeouts.set(step.nodeId, step.idleTimeoutMs);
  }
  const sourceSet = new Set(sourceIds);

  const upstreamMemo = new Map<string, Set<string>>();
  function sourcesUpstream(nodeId: string): Set<string> {
    const known = upstreamMemo.get(nodeId);
    if (known !== undefined) return known;
    const found = new Set<string>();
    upstreamMemo.set(nodeId, found); // plans are acyclic; this only guards the recursion
    if (sourceSet.has(nodeId)) found.add(nodeId);
    for (const p of preds.get(nodeId) ?? []) for (const s of sourcesUpstream(p.from)) found.add(s);
    return found;
  }

  // Per union, per input: the sources upstream of that input.
  const inputSources = new Map<string, string[][]>();
  // Per source: the union inputs it feeds.
  const feeds = new Map<string, { unionId: string; input: number }[]>();
  for (const unionId of unions.keys()) {
    const perInput: string[][] = [];
    for (const p of preds.get(unionId) ?? []) {
      const list = (perInput[p.input] ??= []);
      for (const s of sourcesUpstream(p.from)) {
        if (!list.includes(s)) list.push(s);
        let fed = feeds.get(s);
        if (fed === undefined) feeds.set(s, (fed = []));
        if (!fed.some((f) => f.unionId === unionId && f.input === p.input)) fed.push({ unionId, input: p.input });
      }
    }
    inputSources.set(unionId, perInput);
  }

  // Per node: the unions upstream of it (itself first), nearest first.
  const unionsUpstreamMemo = new Map<string, string[]>();
  function unionsUpstream(nodeId: string): string[] {
    const known = unionsUpstreamMemo.get(nodeId);
    if (known !== undefined) return known;
    const found: string[] = [];
    unionsUpstreamMemo.set(nodeId, found);
    if (unions.has(nodeId)) found.push(nodeId);
    for (const p of preds.get(nodeId) ?? []) for (const u of unionsUpstream(p.from)) if (!found.includes(u)) found.push(u);
    return found;
  }

  let clock = Number.NaN;
  const lastEventAt = new Map<string, number>();
  const idle = new Set<string>();
  const ended = new Set<string>();

  const silentFor = (sourceId: string): number => {
    const last = lastEventAt.get(sourceId);
    return last === undefined || Number.isNaN(clock) ? 0 : clock - last;
  };

  /** Tells every union input `sourceId` feeds whether all its sources are idle now. */
  function propagate(sourceId: string): void {
    for (const { unionId, input } of feeds.get(sourceId) ?? []) {
      const all = inputSources.get(unionId)![input]!;
      unions.get(unionId)!.setInputIdle(input, all.every((s) => idle.has(s)));
    }
  }

  function heldBackAt(unionId: string): HeldBack | null {
    const union = unions.get(unionId)!;
    const perInput = inputSources.get(unionId)!;
    let slowest = -1;
    for (let k = 0; k < perInput.length; k++) {
      if (union.counts(k) && (slowest < 0 || union.inputWatermark(k) < union.inputWatermark(slowest))) slowest = k;
    }
    if (slowest < 0) return null;
    let ahead = -Infinity;
    for (let k = 0; k < perInput.length; k++) {
      const w = union.inputWatermark(k);
      if (k !== slowest && Number.isFinite(w) && w > ahead) ahead = w;
    }
    if (!(union.inputWatermark(slowest) < ahead)) return null;
    let culprit: HeldBack | null = null;
    for (const s of perInput[slowest] ?? []) {
      if (idle.has(s) || ended.has(s)) continue;
      const silent = silentFor(s);
      if (silent >= HELD_BACK_AFTER_MS && (culprit === null || silent > culprit.silentForMs)) culprit = { sourceId: s, silentForMs: silent };
    }
    return culprit;
  }

  return {
    sourceEmitted(sourceId, rows, final) {
      if (final) ended.add(sourceId);
      if (rows > 0 && !Number.isNaN(clock)) lastEventAt.set(sourceId, clock);
      if ((rows > 0 || final) && idle.delete(sourceId)) propagate(sourceId);
    },
    tick(now) {
      if (Number.isNaN(clock)) for (const s of sourceIds) lastEventAt.set(s, now);
      clock = now;
      for (const [sourceId, timeout] of timeouts) {
        if (idle.has(sourceId) || ended.has(sourceId) || silentFor(sourceId) < timeout) continue;
        idle.add(sourceId);
        propagate(sourceId);
      }
    },
    report() {
      const sources = new Map<string, SourceIdleness>();
      for (const s of feeds.keys()) sources.set(s, { idle: idle.has(s), silentForMs: silentFor(s), ended: ended.has(s) });
      const atUnion = new Map<string, HeldBack | null>();
      for (const u of unions.keys()) atUnion.set(u, heldBackAt(u));
      const heldBack = new Map<string, HeldBack>();
      for (const step of plan.steps) {
        // Where a watermark decides something; a badge on every node between would only repeat it.
        if (step.type !== 'union' && step.type !== 'windowAggregate') continue;
        for (const u of unionsUpstream(step.nodeId)) {
          const h = atUnion.get(u);
          if (h === null || h === undefined) continue;
          heldBack.set(step.nodeId, h);
          break;
        }
      }
      return { sources, heldBack };
    },
    sourcesUpstreamOf: (nodeId) => [...sourcesUpstream(nodeId)],
    snapshot: () => ({ clock, lastEventAt: [...lastEventAt], idle: [...idle], ended: [...ended] }),
    restore(state) {
      clock = state.clock;
      lastEventAt.clear();
      for (const [s, t] of state.lastEventAt) lastEventAt.set(s, t);
      idle.clear();
      for (const s of state.idle) idle.add(s);
      ended.clear();
      for (const s of state.ended) ended.add(s);
    },
  };
}
