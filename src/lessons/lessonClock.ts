/**
 * Processing time for a lesson run, deterministic: a simulated clock that
 * moves with the event time the sources read (speed 1, as a run in the app
 * at 1x), so a sample stream told to go quiet (quietAfter, quietFor) falls
 * silent while the other sources go on, and an idle timeout fires once a
 * source has read nothing for that long. When a step reads nothing (only
 * quiet sources are left), the clock jumps ahead, by a doubling gap, so the
 * silence ends after a few steps whatever its length.
 */
import type { Batch } from '../engine/batch';
import type { ExecutionPlan } from '../engine/plan/types';
import { quietSource } from '../engine/run/quietSource';
import { createSourceRuntime, type SourceRuntime } from '../engine/run/sources';

/** The first jump of the clock over a step that read nothing. */
const FIRST_JUMP_MS = 1000;

export interface LessonClock {
  /** Now, in epoch ms of event time; NaN before any event was read. */
  now(): number;
  /** Sources to substitute for the plan's: every sample stream (its quiet on this clock) and file held in memory, their event times read. */
  sources(plan: ExecutionPlan): Record<string, SourceRuntime>;
  /** After a step: no event read (`read` false) moves the clock on by the next jump. */
  stepped(read: boolean): void;
}

function newestTime(batch: Batch, newest: number): number {
  let n = newest;
  for (let i = 0; i < batch.length; i++) n = Math.max(n, batch.time[i]!);
  return n;
}

/** A source whose event times move the clock. */
function clocked(inner: SourceRuntime, read: (batch: Batch) => void): SourceRuntime {
  return {
    ...inner,
    next(maxRows, recycle) {
      const batch = inner.next(maxRows, recycle);
      if (batch !== null) read(batch);
      return batch;
    },
  };
}

export function createLessonClock(): LessonClock {
  let newest = Number.NaN;
  let skipped = 0;
  let jump = FIRST_JUMP_MS;
  const now = (): number => newest + skipped;
  const read = (batch: Batch): void => {
    if (batch.length === 0) return;
    const before = Number.isNaN(newest) ? -Infinity : newest;
    newest = newestTime(batch, before);
  };
  return {
    now,
    sources(plan) {
      const sources: Record<string, SourceRuntime> = {};
      for (const step of plan.steps) {
        // A file read as the run goes (a stored file) keeps the runtime's own source: its reader is the host's.
        if (step.type !== 'sampleSource' && !(step.type === 'fileSource' && step.data.kind !== 'stream')) continue;
        const generated = createSourceRuntime(step);
        const inner = step.type !== 'sampleSource' || step.quiet === undefined ? generated : quietSource(generated, step.quiet, now);
        // Own-property record keyed by node ids (the runtime reads it with Object.hasOwn).
        Object.defineProperty(sources, step.nodeId, { value: clocked(inner, read), enumerable: true });
      }
      return sources;
    },
    stepped(anyRead) {
      if (anyRead) {
        jump = FIRST_JUMP_MS;
        return;
      }
      if (Number.isNaN(newest)) return;
      skipped += jump;
      jump *= 2;
    },
  };
}
