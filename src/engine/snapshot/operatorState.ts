/**
 * Snapshot methods for an operator or source made by a factory function:
 * its state objects (captured whole, see stateImage) and the few numbers
 * and flags it keeps in closure variables (read and written through
 * getters and setters, so the hot code keeps its plain variables).
 */
import { captureState, restoreState, type DictNames, type DictsByName, type StateImage } from './stateImage';
import type { Snapshottable } from './types';

/** A closure variable, read and written for snapshots: `get` returns a copy (or a primitive) and `set` keeps none of what it is given. */
export interface Held {
  get(): unknown;
  set(value: unknown): void;
}

interface OperatorImage {
  readonly state: StateImage;
  readonly held: Record<string, unknown>;
}

function isImage(value: unknown, held: readonly string[]): value is OperatorImage {
  if (typeof value !== 'object' || value === null) return false;
  const h = (value as { held?: unknown }).held;
  return 'state' in value && typeof h === 'object' && h !== null && held.every((k) => Object.hasOwn(h, k));
}

/**
 * `state`: an object (made once, kept by the operator) whose fields are the
 * state objects, restored in place; `config`: objects under it that are
 * config, left out; `held`: closure variables by name.
 */
export function snapshotMethods(
  state: Record<string, object>, config: readonly unknown[] = [], held: Record<string, Held> = {},
): Pick<Snapshottable, 'snapshot' | 'restore'> {
  const configSet = new Set(config.filter((c): c is object => typeof c === 'object' && c !== null));
  const names = Object.keys(held);
  return {
    snapshot(dictNames: DictNames): OperatorImage {
      const values: Record<string, unknown> = {};
      for (const k of names) values[k] = held[k]!.get();
      return { state: captureState(state, dictNames, configSet), held: values };
    },
    restore(image: unknown, dicts: DictsByName): void {
      if (!isImage(image, names)) throw new Error('snapshot: this is not the state of an operator of this kind');
      restoreState(state, image.state, dicts);
      for (const k of names) held[k]!.set(image.held[k]);
    },
  };
}

/** For an operator with no state between batches. */
export const STATELESS: Pick<Snapshottable, 'snapshot' | 'restore'> = {
  snapshot: () => null,
  restore(state: unknown): void {
    if (state !== null) throw new Error('snapshot: a stateless operator was given state');
  },
};

/** A Held over a number variable. */
export function heldNumber(get: () => number, set: (value: number) => void): Held {
  return {
    get,
    set(value) {
      if (typeof value !== 'number') throw new Error('snapshot: expected a number');
      set(value);
    },
  };
}

/** A Held over a boolean variable. */
export function heldBoolean(get: () => boolean, set: (value: boolean) => void): Held {
  return {
    get,
    set(value) {
      if (typeof value !== 'boolean') throw new Error('snapshot: expected a boolean');
      set(value);
    },
  };
}
