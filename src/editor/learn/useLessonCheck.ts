/**
 * Check: runs the learner's pipeline as it is now (their edits) in the
 * worker, apart from any live run, and evaluates one task on it; or, given a
 * fixed pipeline (the lesson's start or solution, which a prediction is
 * about), runs that one instead. Answers of a Check replaced by a newer one,
 * or of a panel that went away, are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TaskReport } from '../../lessons/evaluate';
import type { LessonTask } from '../../lessons/format';
import type { PipelineDocument } from '../../model';
import type { Problem } from '../../model/problems';
import { useRunController } from '../run/RunProvider';
import { runnableDocument } from '../run/runGraph';
import { useEditorStore } from '../store/context';

export type CheckState =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'done'; readonly report: TaskReport; readonly eventsRead: number }
  | { readonly status: 'failed'; readonly message: string; readonly problems: readonly Problem[] };

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function useLessonCheck(task: LessonTask, onPassed: (taskId: string) => void, fixed?: PipelineDocument): { state: CheckState; check: () => void } {
  const controller = useRunController();
  const editor = useEditorStore();
  const [state, setState] = useState<CheckState>({ status: 'idle' });
  const latest = useRef(0);
  useEffect(() => () => {
    latest.current++;
  }, []);

  const check = useCallback(() => {
    const mine = ++latest.current;
    const runnable = fixed === undefined ? runnableDocument(editor.getState().doc) : { ok: true as const, document: fixed };
    if (!runnable.ok) {
      setState({
        status: 'failed',
        message: 'The pipeline cannot run yet; fix these problems (the Problems tab lists them too) and check again.',
        problems: runnable.problems.map((p) => ({ path: `node '${p.nodeId}'`, message: p.message })),
      });
      return;
    }
    setState({ status: 'running' });
    const ask = () => controller.ask((api) => api.checkLessonTasks(runnable.document, [task]));
    void (async () => {
      let answer = await ask();
      // A page that has not run anything yet has no worker: an empty command starts one.
      if (answer === null) {
        await controller.send(async () => undefined);
        answer = await ask();
      }
      if (latest.current !== mine) return;
      if (answer === null) setState({ status: 'failed', message: 'The pipeline worker was replaced before the check ended; check again.', problems: [] });
      else if (!answer.ok) setState({ status: 'failed', message: answer.message, problems: answer.problems });
      else {
        const report = answer.tasks.find((t) => t.taskId === task.id);
        if (report === undefined) {
          setState({ status: 'failed', message: `The check gave no answer for task '${task.id}'.`, problems: [] });
          return;
        }
        setState({ status: 'done', report, eventsRead: answer.eventsRead });
        if (report.passed) onPassed(task.id);
      }
    })().catch((error: unknown) => {
      if (latest.current === mine) setState({ status: 'failed', message: `The check failed: ${message(error)}`, problems: [] });
    });
  }, [controller, editor, task, onPassed, fixed]);

  return { state, check };
}
