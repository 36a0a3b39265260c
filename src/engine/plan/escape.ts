import type { ExecutionPlan, PlanStep } from './types';

/**
 * Steps that pass their input's arrays on by reference: a filter's kept
 * batch, a map's untouched columns, keyBy's columns beside its keys, a
 * union's number columns. Whatever they emit may still hold a source's arrays.
 */
const PASS_THROUGH: ReadonlySet<PlanStep['type']> = new Set(['filter', 'map', 'keyBy', 'union']);

/**
 * Steps that keep nothing of a batch once its push returns: aggregates keep
 * numbers and dictionary codes, and what a window sends to its late port is
 * a gathered copy.
 */
const BARRIER: ReadonlySet<PlanStep['type']> = new Set(['windowAggregate', 'runningAggregate']);

/**
 * Whether the arrays of a batch that step `stepId` emits can outlive the
 * push, i.e. reach a sink that hands them to a host that may keep them,
 * through steps that pass arrays on. When they cannot, the step may write
 * the next batch into the same arrays: a source then allocates no watermark
 * column per batch, which cost as much as a filter, and a window no result
 * buffer. `sinksKeep` is false when the host reads what collect sinks hand
 * it during the call only (see RuntimeHost.keepsResultBatches); a log sink
 * turns rows into objects, so it never keeps arrays. Any step type not known
 * here counts as keeping its input, so new kinds are safe by default.
 */
export function batchesEscape(plan: ExecutionPlan, stepId: string, sinksKeep = true): boolean {
  return escapingSteps(plan, sinksKeep).has(stepId);
}

/**
 * The steps of `plan` whose batches escape (see {@link batchesEscape}), all
 * at once: steps come in topological order, so walking them backwards finds
 * every downstream answer already known. A loop, once per plan, so a chain of
 * 10,000 filters costs neither stack nor quadratic time.
 */
export function escapingSteps(plan: ExecutionPlan, sinksKeep = true): ReadonlySet<string> {
  const types = new Map(plan.steps.map((s) => [s.nodeId, s.type]));
  const escaping = new Map<string, boolean>();
  for (let i = plan.steps.length - 1; i >= 0; i--) {
    const id = plan.steps[i]!.nodeId;
    const result = (plan.routes.get(`${id}:out`) ?? []).some((route) => {
      const type = types.get(route.stepId);
      if (type !== undefined && BARRIER.has(type)) return false;
      if (type === 'logSink' || (type === 'collectSink' && !sinksKeep)) return false;
      if (type === undefined || !PASS_THROUGH.has(type)) return true;
      // Not known yet only in a malformed plan (a route backwards): keeping is the safe answer.
      return escaping.get(route.stepId) ?? true;
    });
    escaping.set(id, result);
  }
  return new Set([...escaping].filter(([, escapes]) => escapes).map(([id]) => id));
}
