/**
 * Runtime.snapshot() and Runtime.restore(): the state of a whole run between
 * two steps, as plain, structured-clonable data (typed arrays, arrays, Maps,
 * plain objects), and back into a fresh runtime of the same plan. Time travel
 * keeps these and replays from the nearest; durable runs will store them.
 *
 * What a run holds between steps: each source's position (its generator's
 * random state and reorder buffer, a file's cursor, a WebSocket queue and
 * counters) and watermark, each operator's state, the string dictionaries
 * the nodes code their output in (state downstream holds codes into them),
 * which sources have ended, and the node metrics the badges show. Nothing
 * else: between steps no batch waits (asserted), and config (compiled
 * expressions, kernels, the plan) comes from the plan.
 */
import { createStringDict, internString, type StringDict } from '../batch';
import type { Operator, StateStats } from '../operators/types';
import type { ExecutionPlan } from '../plan/types';
import { registerEngineStateClasses } from '../snapshot/stateClasses';
import type { Snapshottable } from '../snapshot/types';
import type { IdleTracker, IdleTrackerState } from './idleInputs';
import { planMismatch, type PlanFingerprint } from './planFingerprint';
import type { SourceRuntime } from './sources';

/** Bumped whenever what a snapshot holds changes shape: an older one is refused, not misread. */
export const SNAPSHOT_FORMAT = 1;

/** A node's counters as the badges show them (NodeMetrics of runtime.ts). */
export interface MetricsSnapshot extends StateStats {
  rowsIn: number;
  rowsOut: number;
  watermark: number;
}

export interface RuntimeSnapshot {
  readonly format: number;
  readonly plan: PlanFingerprint;
  /** Contents of every dictionary a node codes its output in, named `node id \0 field`. */
  readonly dicts: readonly (readonly [string, readonly string[]])[];
  /** State of every source and operator, by node id. */
  readonly nodes: readonly (readonly [string, unknown])[];
  /** Sources that have ended (their final batch went out). */
  readonly ended: readonly string[];
  readonly metrics: readonly (readonly [string, MetricsSnapshot])[];
  /** Which sources are idle and since when they are silent (the unions keep their own flags); null without a union. */
  readonly idle: IdleTrackerState | null;
}

/** What of a runtime its snapshot reads and its restore writes. */
export interface RuntimeParts {
  readonly plan: ExecutionPlan;
  readonly operators: ReadonlyMap<string, Operator>;
  readonly sources: readonly SourceRuntime[];
  readonly live: Set<SourceRuntime>;
  readonly metrics: Map<string, MetricsSnapshot>;
  /** Aggregate node ids that share their window node's metrics. */
  readonly aliases: ReadonlyMap<string, string>;
  readonly idleInputs: IdleTracker | null;
  /** Whether a step or push is under way or batches wait for delivery. */
  busy(): boolean;
  /** The plan's fingerprint, computed once. */
  fingerprint(): PlanFingerprint;
}

const SEP = '\u0000';
const ORPHAN = '\u0001';

function nodesOf(parts: RuntimeParts): [string, Partial<Snapshottable>][] {
  const nodes: [string, Partial<Snapshottable>][] = parts.sources.map((s) => [s.nodeId, s]);
  for (const [id, op] of parts.operators) nodes.push([id, op]);
  return nodes;
}

/** Thrown by a snapshot or restore asked for while a step is under way: a later one will do (not a fault of the state). */
export class MidStepError extends Error {}

function assertBetweenSteps(parts: RuntimeParts, what: string): void {
  if (parts.busy()) throw new MidStepError(`${what}: only between steps (a step is under way or batches wait)`);
}

/** The state of the run; call between steps. */
export function snapshotRuntime(parts: RuntimeParts): RuntimeSnapshot {
  registerEngineStateClasses();
  assertBetweenSteps(parts, 'snapshot');
  const nodes = nodesOf(parts);
  const names = new Map<StringDict, string>();
  const dicts: [string, string[]][] = [];
  for (const [id, node] of nodes) {
    for (const [field, dict] of node.outputDicts?.() ?? []) {
      if (names.has(dict)) continue;
      const name = `${id}${SEP}${field}`;
      names.set(dict, name);
      dicts.push([name, dict.values.slice()]);
    }
  }
  // A dictionary no node owns now (an aggregation's own key dictionary, left in a cached empty batch
  // when it took its input's instead) is kept by content: restored, it is again one no node owns.
  const nameOf = (dict: StringDict): string => {
    let name = names.get(dict);
    if (name === undefined) {
      name = `${ORPHAN}${names.size}`;
      names.set(dict, name);
      dicts.push([name, dict.values.slice()]);
    }
    return name;
  };
  const dictNames = { nameOf };
  const states: [string, unknown][] = nodes.map(([id, node]) => {
    if (node.snapshot === undefined) throw new Error(`snapshot: node '${id}' cannot be snapshotted`);
    return [id, node.snapshot(dictNames)];
  });
  const metrics: [string, MetricsSnapshot][] = [];
  for (const [id, m] of parts.metrics) {
    if (parts.aliases.has(id)) continue;
    metrics.push([id, { rowsIn: m.rowsIn, rowsOut: m.rowsOut, watermark: m.watermark, keys: m.keys, openWindows: m.openWindows, lateEvents: m.lateEvents }]);
  }
  return {
    format: SNAPSHOT_FORMAT,
    plan: parts.fingerprint(),
    dicts,
    nodes: states,
    ended: parts.sources.filter((s) => !parts.live.has(s)).map((s) => s.nodeId),
    metrics,
    idle: parts.idleInputs?.snapshot() ?? null,
  };
}

function describeDict(name: string): string {
  const at = name.indexOf(SEP);
  return at < 0 ? 'a dictionary' : `node '${name.slice(0, at)}' field '${name.slice(at + 1)}'`;
}

/** Puts back the dictionary's entries; a dictionary that has entries already (a file's, or one the plan shares) must agree. */
function fillDict(dict: StringDict, values: readonly string[], name: string): void {
  const have = dict.values;
  for (let i = 0; i < values.length; i++) {
    if (i < have.length) {
      if (have[i] !== values[i]) throw new Error(`restore: the strings of ${describeDict(name)} differ from this run's`);
    } else if (internString(dict, values[i]!) !== i) throw new Error(`restore: the strings of ${describeDict(name)} repeat`);
  }
}

function isSnapshot(value: unknown): value is RuntimeSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<RuntimeSnapshot>;
  return typeof s.format === 'number' && typeof s.plan === 'object' && Array.isArray(s.dicts) && Array.isArray(s.nodes) && Array.isArray(s.ended) && Array.isArray(s.metrics) && s.idle !== undefined;
}

/** Puts the run back as it was when `snapshot` was taken; the runtime must be fresh (no step taken) and of the same plan. */
export function restoreRuntime(parts: RuntimeParts, snapshot: RuntimeSnapshot): void {
  registerEngineStateClasses();
  if (!isSnapshot(snapshot)) throw new Error('restore: this is not a snapshot of a run');
  if (snapshot.format !== SNAPSHOT_FORMAT) throw new Error(`restore: the snapshot is of format ${snapshot.format}, this version reads format ${SNAPSHOT_FORMAT}`);
  const mismatch = planMismatch(snapshot.plan, parts.fingerprint());
  if (mismatch !== null) throw new Error(`restore: ${mismatch}`);
  assertBetweenSteps(parts, 'restore');
  const nodes = new Map(nodesOf(parts));
  // Dictionaries first: the state of nodes downstream points into them.
  const byName = new Map<string, StringDict>();
  for (const [name, values] of snapshot.dicts) {
    if (name.startsWith(ORPHAN)) {
      const orphan = createStringDict();
      fillDict(orphan, values, name);
      byName.set(name, orphan);
      continue;
    }
    const at = name.indexOf(SEP);
    const id = name.slice(0, at);
    const field = name.slice(at + 1);
    const dict = nodes.get(id)?.outputDicts?.([field]).get(field);
    if (dict === undefined) throw new Error(`restore: node '${id}' has no strings of field '${field}' in this run`);
    fillDict(dict, values, name);
    byName.set(name, dict);
  }
  const dicts = { dictNamed: (name: string) => byName.get(name) };
  const restored = new Set<string>();
  for (const [id, state] of snapshot.nodes) {
    const node = nodes.get(id);
    if (node?.restore === undefined) throw new Error(`restore: node '${id}' of the snapshot cannot be restored in this run`);
    node.restore(state, dicts);
    restored.add(id);
  }
  for (const id of nodes.keys()) if (!restored.has(id)) throw new Error(`restore: the snapshot has no state of node '${id}'`);
  const ended = new Set(snapshot.ended);
  parts.live.clear();
  for (const source of parts.sources) if (!ended.has(source.nodeId)) parts.live.add(source);
  parts.metrics.clear();
  for (const [id, m] of snapshot.metrics) parts.metrics.set(id, { ...m });
  if ((snapshot.idle === null) !== (parts.idleInputs === null)) throw new Error('restore: the snapshot and this run differ in whether they track idle inputs');
  if (snapshot.idle !== null) parts.idleInputs?.restore(snapshot.idle);
}
