import { describe, expect, it } from 'vitest';
import { validate } from '../../model';
import { validateLesson } from '../../lessons/validateLesson';
import { lessonFile } from '../../lessons/testing/lessonFixtures';
import { createPipelineWorker } from '../pipelineWorker';
import { createFakeClock } from '../testing/fakeClock';
import { sensorDocument } from '../testing/documents';

function worker() {
  const clock = createFakeClock();
  return { clock, api: createPipelineWorker({ ...clock, openFeed: () => ({ close: () => undefined }) }) };
}

function lesson() {
  const reading = validateLesson(lessonFile());
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
  return reading.lesson;
}

describe('the worker checks lesson tasks', () => {
  it('says the start fails the task and the solution passes it, in words that survive the trip across the boundary', async () => {
    const { api } = worker();
    const { start, solution, tasks } = lesson();
    const failing = structuredClone(await api.checkLessonTasks(start, tasks));
    expect(failing).toEqual({
      ok: true,
      eventsRead: 8,
      tasks: [{
        taskId: 'empty-late-port', passed: false, measured: 1,
        checks: [{ says: 'the late port is empty', holds: false, actual: 1, text: "Does not hold: 1 event went to the late port of window 'w'; the task wants 0." }],
      }],
    });
    const passing = await api.checkLessonTasks(solution, tasks);
    expect(passing.ok && passing.tasks.map((t) => t.passed)).toEqual([true]);
  });

  it('checks apart from the live run, which keeps its id and goes on running', async () => {
    const { clock, api } = worker();
    expect(api.load(sensorDocument({ rate: 1000 }), false)).toEqual({ ok: true, runId: 1 });
    api.start();
    clock.advance(200);
    const before = api.drain();
    const rowsBefore = before.metrics?.nodes.src?.rowsOut ?? 0;
    const answer = await api.checkLessonTasks(lesson().solution, lesson().tasks);
    expect(answer.ok).toBe(true);
    clock.advance(200);
    const after = api.drain();
    expect(after.runId).toBe(1);
    expect(after.phase).toBe('running');
    expect(after.metrics?.nodes.src?.rowsOut).toBeGreaterThan(rowsBefore);
  });

  it('answers with problems, not a crash, for a pipeline that cannot run', async () => {
    const { api } = worker();
    const { start, tasks } = lesson();
    const broken = validate({ ...start, nodes: start.nodes.map((n) => (n.id === 'byUser' ? { ...n, params: { fields: ['nobody'] } } : n)) });
    if (!broken.ok) throw new Error('the fixture should validate: the unknown field is found when it compiles');
    const answer = await api.checkLessonTasks(broken.document, tasks);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.message).toMatch(/^The pipeline cannot run: /);
    expect(answer.problems[0]?.message).toContain("'nobody'");
  });
});
