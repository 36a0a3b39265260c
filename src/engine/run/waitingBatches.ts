/**
 * Batches that wait for their consumer because the stack is already deep.
 * A push runs the whole pipeline downstream of it, one stack level per step,
 * so a chain of 10,000 filters would overflow the stack; past a depth the
 * runtime queues the batch here instead, and its outermost emit delivers
 * the queue from a shallow stack. Pipelines shallower than that run exactly
 * as they always did.
 */
import type { Batch } from '../batch';
import { gatherBatch, identityRows } from '../batchOps';
import type { Route } from '../plan/types';

/** Pushes nested deeper than this wait in the queue (a few stack frames each; browsers give ~10,000). */
export const MAX_NESTED_PUSHES = 100;

interface Waiting {
  readonly route: Route;
  readonly batch: Batch;
}

/** A first-in first-out queue of deliveries that knows which routes have one waiting. */
export interface WaitingBatches {
  /** Deliveries still waiting. */
  readonly size: number;
  /** Whether a delivery for `route` waits: a newer one must then wait behind it, so every edge keeps its order. */
  has(route: Route): boolean;
  /** Queues a copy of `batch` (of its `rows` when given): its producer may write the next batch into the same arrays. */
  add(route: Route, batch: Batch, rows: Int32Array | null): void;
  /** The oldest delivery, taken off the queue. */
  shift(): Waiting | undefined;
  clear(): void;
}

export function createWaitingBatches(): WaitingBatches {
  let queue: Waiting[] = [];
  let head = 0;
  const counts = new Map<Route, number>();
  return {
    get size() {
      return queue.length - head;
    },
    has: (route) => counts.has(route),
    add(route, batch, rows) {
      const copy = gatherBatch(batch, rows ?? identityRows(batch.length));
      queue.push({ route, batch: batch.keyBound === undefined ? copy : { ...copy, keyBound: batch.keyBound } });
      counts.set(route, (counts.get(route) ?? 0) + 1);
    },
    shift() {
      const next = queue[head];
      if (next === undefined) return undefined;
      head++;
      if (head === queue.length) {
        queue = [];
        head = 0;
      }
      const left = counts.get(next.route)! - 1;
      if (left === 0) counts.delete(next.route);
      else counts.set(next.route, left);
      return next;
    },
    clear() {
      queue = [];
      head = 0;
      counts.clear();
    },
  };
}
