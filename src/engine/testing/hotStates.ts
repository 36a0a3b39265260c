import { planAggregations, type AggregatePlan } from '../aggregate/plan';
import type { Field } from '../batch';
import type { OperatorContext } from '../operators/types';
import { createSessionWindowOperator } from '../window/sessionWindowOperator';
import { createSlicedWindowOperator } from '../window/slicedWindowOperator';
import { eventBatches } from './eventBatches';
import type { RefEvent } from './referenceWindows';

/*
 * The state the window operators' hot loops read, built the way a pipeline
 * run builds it, and walked object by object: for the test that it is made of
 * class instances whose hidden classes stay the same from run to run (see
 * FastRun in window/fastFold.ts, and hotState.test.ts).
 */

const schema: Field[] = [{ name: 'k', type: 'number' }, { name: 'v', type: 'number' }];
const keyFields = [schema[0]!];

function plan(aggregates: Parameters<typeof planAggregations>[0]): AggregatePlan {
  const planned = planAggregations(aggregates, schema);
  if (!planned.ok) throw new Error('hotStates: a test plan did not plan');
  return planned.plan;
}

/** The dashboard aggregates (the direct fast path) and every kind of partial (the general path). */
const plans: readonly (readonly [string, AggregatePlan])[] = [
  ['simple', plan([
    { name: 'n', fn: 'count' }, { name: 'total', fn: 'sum', field: 'v' }, { name: 'mean', fn: 'avg', field: 'v' },
    { name: 'lo', fn: 'min', field: 'v' }, { name: 'hi', fn: 'max', field: 'v' },
  ])],
  ['every', plan([
    { name: 'n', fn: 'count' }, { name: 'total', fn: 'sum', field: 'v' }, { name: 'hi', fn: 'max', field: 'v' },
    { name: 'sd', fn: 'stddev', field: 'v' }, { name: 'distinct', fn: 'countDistinct', field: 'v' },
    { name: 'approx', fn: 'approxCountDistinct', field: 'v' }, { name: 'p50', fn: 'percentile', field: 'v', q: 0.5 },
    { name: 'first', fn: 'first', field: 'v' }, { name: 'last', fn: 'last', field: 'v' },
  ])],
];

/** Epoch-millisecond times (beyond small integers), a little out of order, with some late events. */
function events(): RefEvent[] {
  const base = 1_700_000_000_000;
  return Array.from({ length: 3000 }, (_, i) => ({
    t: base + i * 37 - (i % 5) * 11 - (i % 97 === 0 ? 9000 : 0),
    key: i % 13,
    v: i % 29 === 0 ? NaN : (i * 7919) % 1000 - 300,
  }));
}

const quiet: OperatorContext = { nodeId: 'w', now: () => 0, trace: null, emit: () => undefined };

/**
 * One "pipeline run": for each window kind and plan, a fresh operator fed the
 * same events up to just before the end of input (so windows are still open),
 * and its state. Names are the same from call to call.
 */
export function buildHotStates(): [string, unknown][] {
  const batches = eventBatches(events(), 200, [64, 1, 300]).slice(0, -1);
  const states: [string, unknown][] = [];
  for (const [name, p] of plans) {
    const ops = [
      ['tumbling', createSlicedWindowOperator({ size: 1000, slide: 1000, offset: 0, lateness: 500, processingTime: false, cumulative: false, plan: p, keyFields }, quiet)],
      ['hopping', createSlicedWindowOperator({ size: 3000, slide: 1000, offset: 0, lateness: 500, processingTime: false, cumulative: false, plan: p, keyFields }, quiet)],
      ['session', createSessionWindowOperator({ gap: 100, lateness: 500, processingTime: false, plan: p, keyFields }, quiet)],
    ] as const;
    for (const [kind, op] of ops) {
      for (const b of batches) op.push(b, 0);
      states.push([`${kind}/${name}`, op.state]);
    }
  }
  return states;
}

/** How many entries of each array or Map the walk visits: enough to meet every shape, few enough to stay quick. */
const ENTRIES = 4;

/**
 * Every object reachable from `root` through own enumerable properties, array
 * entries and Map values, by path (the first ENTRIES entries of each array or
 * Map). Typed arrays, buffers, Sets and arrays themselves are not listed.
 */
export function stateObjects(root: unknown, path: string): Map<string, object> {
  const found = new Map<string, object>();
  const seen = new Set<unknown>();
  const visit = (value: unknown, at: string): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Set) return;
    if (value instanceof Map) {
      let i = 0;
      for (const [key, entry] of value) if (i++ < ENTRIES) visit(entry, `${at}{${String(key)}}`);
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < Math.min(value.length, ENTRIES); i++) visit(value[i], `${at}[${i}]`);
      return;
    }
    found.set(at, value);
    for (const [key, entry] of Object.entries(value)) visit(entry, `${at}.${key}`);
  };
  visit(root, path);
  return found;
}

/**
 * Paths of descriptions and output rather than state: the plan and fields the
 * compiler hands the operator (its config and plan, the key table's fields, the result
 * schema), a direct store's cell layout, and the Batch data the result writer
 * keeps (string dictionaries, its cached empty Batch). They are made once per
 * pipeline or per dictionary and read per batch, not per row, and Batches and
 * dictionaries are object literals throughout the engine.
 */
export function isDescription(path: string): boolean {
  return /(^|\.)(config|plan|layout|empty|outDicts|inputDicts|dict)(\.|$|\{|\[)|(^|\.)(schema|keyTable\.fields)\[/.test(path);
}
