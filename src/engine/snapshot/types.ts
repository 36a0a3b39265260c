/**
 * What operators and sources implement for snapshots of a run (see
 * run/runtimeSnapshot.ts): their state as plain, structured-clonable data,
 * taken between steps only, and restored into a fresh instance built from
 * the same plan step. Config (compiled expressions, kernels, the aggregate
 * plan) is never in it: the fresh instance has it already.
 */
import type { StringDict } from '../batch';
import type { DictNames, DictsByName } from './stateImage';

export type { DictNames, DictsByName } from './stateImage';

export interface Snapshottable {
  /** The state as plain data; `names` names the dictionaries it points to. */
  snapshot(names: DictNames): unknown;
  /** Puts back what `snapshot` returned (of an instance of the same config); throws when it does not fit. */
  restore(state: unknown, dicts: DictsByName): void;
  /**
   * The dictionaries this node's output string columns are coded in, by
   * field, for a node that makes its own (sources, union, map, aggregations).
   * With `fields`, a node that makes dictionaries lazily makes those now.
   */
  outputDicts?(fields?: readonly string[]): ReadonlyMap<string, StringDict>;
}
