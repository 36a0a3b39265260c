/**
 * Runs of a lesson pipeline: every source capped at LESSON_EVENT_LIMIT
 * events, no live input (a WebSocket source ends at once: a lesson checks
 * what its own data does), processing time on a simulated clock that moves
 * with the events' event time (lessonClock.ts), ticked before every step as
 * the worker ticks its runs, so quiet sources and idle timeouts act.
 */
import type { PipelineDocument } from '../model';
import type { Row } from '../engine/operators/sinks';
import { preparePipeline, type PreparedPipeline } from '../engine/run/runPipeline';
import type { CompileProblem } from '../engine/plan/types';
import { createLessonClock } from './lessonClock';

/** Events each source may give a lesson run at most (sample streams may be unbounded). */
export const LESSON_EVENT_LIMIT = 100_000;

const BATCH = 4096;

/** A prepared lesson run; step it with `step`, which moves its clock, not with `runtime.step`. */
export interface LessonPipeline extends PreparedPipeline {
  /** Ticks the clock, steps up to `rows` rows per source; false once the input ended. */
  step(rows: number): boolean;
}

export type Prepared = { ok: true; pipeline: LessonPipeline } | { ok: false; problems: CompileProblem[] };

/** The pipeline compiled and built, not yet run. */
export function prepareLessonRun(doc: PipelineDocument, collectLate = false): Prepared {
  const clock = createLessonClock();
  const prepared = preparePipeline(doc, { limit: LESSON_EVENT_LIMIT, collectLate, now: () => clock.now() || 0, sources: (plan) => clock.sources(plan) });
  if (!prepared.ok) return prepared;
  const { runtime } = prepared.pipeline;
  for (const source of runtime.messageSources.values()) source.close();
  const step = (rows: number): boolean => {
    const now = clock.now();
    if (!Number.isNaN(now)) runtime.tick(now);
    const before = runtime.position;
    const alive = runtime.step(rows);
    clock.stepped(runtime.position > before);
    return alive;
  };
  return { ok: true, pipeline: { ...prepared.pipeline, step } };
}

/** Steps a prepared run to the end of its input. */
export function runToEnd(pipeline: LessonPipeline): void {
  while (pipeline.step(BATCH)) { /* to the end of the capped input */ }
}

/**
 * Steps until at least `events` events were read in all, or the input ended;
 * false once it has ended. Steps no further than needed with one source (a
 * step reads up to n rows from every source, so several may pass the mark by
 * fewer than their number).
 */
export function stepUntil(pipeline: LessonPipeline, events: number): boolean {
  const sources = Math.max(1, pipeline.plan.steps.filter((s) => s.type === 'sampleSource' || s.type === 'fileSource' || s.type === 'websocketSource').length);
  const { runtime } = pipeline;
  while (runtime.position < events) {
    const rows = Math.max(1, Math.min(BATCH, Math.floor((events - runtime.position) / sources)));
    if (!pipeline.step(rows)) return false;
  }
  return true;
}

/** The rows a sink collected, or null when the node is not a sink that keeps rows. */
export function sinkRows(pipeline: PreparedPipeline, sinkId: string): Row[] | null {
  return pipeline.results.get(sinkId) ?? null;
}
