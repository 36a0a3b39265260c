/**
 * Check: runs the learner's pipeline (every source capped at
 * LESSON_EVENT_LIMIT events) and evaluates each task's checks and prediction
 * measure on the run, in words. Pure engine code: runs in the worker and in
 * Node (the built-in lessons' tests).
 */
import { validate, type PipelineDocument } from '../model';
import * as z from 'zod';
import { issuePredicate, problemFromIssue, telling } from '../model/issues';
import type { Problem } from '../model/problems';
import type { PreparedPipeline } from '../engine/run/runPipeline';
import { compareValues, measuresTime, wantedWords } from './compareOp';
import { measureDocument } from './documentMeasures';
import { taskSchema, type LessonCheck, type LessonTask, type Measure, type MeasureValue } from './format';
import { prepareLessonRun, runToEnd } from './lessonRun';
import type { Measured } from './measured';
import { measureCrashReplay, measureWhatIf } from './replayMeasures';
import { measureRows } from './rowMeasures';
import { measureFirstResultDelay, measureWatermark } from './timeMeasures';

export { LESSON_EVENT_LIMIT } from './lessonRun';

const tasksSchema = z.array(taskSchema).max(10);

export interface CheckOutcome {
  /** The check's own words ("the late port is empty"). */
  readonly says: string;
  readonly holds: boolean;
  /** What the run measured. */
  readonly actual: MeasureValue;
  /** A sentence telling what holds or not and why: "does not hold: 3 events went to the late port of 'w1' (expected 0)". */
  readonly text: string;
}

export interface TaskReport {
  readonly taskId: string;
  /** Every check holds (a task without checks passes once its prediction was made). */
  readonly passed: boolean;
  readonly checks: readonly CheckOutcome[];
  /** The measured value of the task's prediction measure, when it has one. */
  readonly measured?: MeasureValue;
}

export type LessonCheckAnswer =
  | { readonly ok: true; readonly tasks: readonly TaskReport[]; readonly eventsRead: number }
  | { readonly ok: false; readonly message: string; readonly problems: readonly Problem[] };

function measureOnce(doc: PipelineDocument, base: PreparedPipeline, measure: Measure): Measured {
  switch (measure.kind) {
    case 'resultCount': case 'resultValue': case 'lateCount':
      return measureRows(doc, base, measure);
    case 'param': case 'nodeCount': case 'edgeCount':
      return measureDocument(doc, measure);
    case 'watermark':
      return measureWatermark(doc, measure);
    case 'firstResultDelay':
      return measureFirstResultDelay(doc, measure);
    case 'crashReplay':
      return measureCrashReplay(doc, measure);
    case 'whatIf':
      return measureWhatIf(doc, measure);
  }
}

function outcomeOf(check: LessonCheck, result: Measured): CheckOutcome {
  if (!result.ok) return { says: check.says, holds: false, actual: null, text: `Does not hold: "${check.says}" cannot be checked: ${result.why}.` };
  const holds = compareValues(result.value, check.op, check.value);
  const text = holds
    ? `Holds: ${check.says} (${result.fact}).`
    : `Does not hold: ${result.fact}; the task wants ${wantedWords(check.op, check.value, measuresTime(check.measure))}.`;
  return { says: check.says, holds, actual: result.value, text };
}

/**
 * Runs `doc` once (capped, late rows collected), plus the runs of its own a
 * watermark, first-result, crash or what-if measure needs, and reports every
 * task. A document that does not validate or compile is one answer with its
 * problems; a node a check names that is gone makes that check not hold.
 */
export function evaluateTasks(doc: PipelineDocument, tasks: readonly LessonTask[]): LessonCheckAnswer {
  try {
    return evaluateUnguarded(doc, tasks);
  } catch (error) {
    // An engine fault (a bug, not the learner's doing) is still an answer the Learn panel can show.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `The check could not run: ${reason}`, problems: [] };
  }
}

function evaluateUnguarded(doc: PipelineDocument, given: readonly LessonTask[]): LessonCheckAnswer {
  // The tasks cross the worker boundary too: checked, not trusted.
  const parsedTasks = tasksSchema.safeParse(given, { error: issuePredicate, reportInput: true });
  if (!parsedTasks.success) {
    const problems = telling(parsedTasks.error.issues).map((issue) => problemFromIssue({ ...issue, path: ['tasks', ...issue.path] }, { tasks: given }));
    return { ok: false, message: `The tasks are not valid: ${problems[0]?.message ?? 'unknown problem'}`, problems };
  }
  const tasks = parsedTasks.data;
  // Through the validator again: defaults filled in for `param`, and a document from across a boundary checked.
  const checked = validate(doc);
  if (!checked.ok) return { ok: false, message: `The pipeline is not valid: ${checked.problems[0]?.message ?? 'unknown problem'}`, problems: checked.problems };
  const valid = checked.document;
  const prepared = prepareLessonRun(valid, true);
  if (!prepared.ok) {
    const problems = prepared.problems.map((p) => ({ nodeId: p.nodeId, path: p.path, message: p.message }));
    return { ok: false, message: `The pipeline cannot run: ${problems[0]?.message ?? 'unknown problem'}`, problems };
  }
  const base = prepared.pipeline;
  runToEnd(base);
  // Predictions often measure what a check measures: each distinct measure runs once.
  const cache = new Map<string, Measured>();
  const measure = (m: Measure): Measured => {
    const key = JSON.stringify(m);
    let result = cache.get(key);
    if (result === undefined) {
      result = measureOnce(valid, base, m);
      cache.set(key, result);
    }
    return result;
  };
  const reports = tasks.map((task): TaskReport => {
    const checks = task.checks.map((check) => outcomeOf(check, measure(check.measure)));
    const report = { taskId: task.id, passed: checks.every((c) => c.holds), checks };
    if (task.predict === undefined) return report;
    const predicted = measure(task.predict.measure);
    return { ...report, measured: predicted.ok ? predicted.value : null };
  });
  return { ok: true, tasks: reports, eventsRead: base.runtime.position };
}
