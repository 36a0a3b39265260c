/**
 * The timelines of a what-if's two runs: the comparison's `observe` hook
 * gives each run's plan and runtime as it is built, and each gets a timeline
 * recorder of one window node, fed as the live session feeds its own (the
 * engine's trace through Runtime.setTrace, the node's results through the tap).
 */
import type { CompareOptions, RunTap } from '../../engine/compare/types';
import type { ExecutionPlan } from '../../engine/plan/types';
import { createRunTimeline, type RunTimeline } from '../timeline/follow';
import { timelineNodeInfo } from '../timeline/nodeInfo';

export interface WhatIfTimelines {
  readonly observe: NonNullable<CompareOptions['observe']>;
  /** The timeline of run A or B, or null when it has none (no window node). */
  run(run: 'a' | 'b'): RunTimeline | null;
}

/** `wanted` when it is a window node (or its aggregate) of the plan, else the plan's first window node, or null. */
export function timelineNodeOf(plan: ExecutionPlan, wanted: string): string | null {
  if (timelineNodeInfo(plan, wanted) !== null) return wanted;
  return plan.steps.find((s) => s.type === 'windowAggregate')?.nodeId ?? null;
}

export function createWhatIfTimelines(wanted: string, now: () => number): WhatIfTimelines {
  const runs = new Map<'a' | 'b', RunTimeline>();
  return {
    observe(run, plan, runtime): RunTap | null {
      const nodeId = timelineNodeOf(plan, wanted);
      if (nodeId === null) return null;
      const timeline = createRunTimeline(plan, () => runtime, now);
      if (!timeline.follow(nodeId)) return null;
      runs.set(run, timeline);
      return (stepId, port, batch, rows) => timeline.onEmit(stepId, port, batch, rows);
    },
    run: (run) => runs.get(run) ?? null,
  };
}
