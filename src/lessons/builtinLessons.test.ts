/**
 * Every built-in lesson (lessons/*.json) is checked by running it: its
 * solution passes every check, its starting pipeline fails at least one (so
 * no task is one that cannot fail), and every prediction measures a number on
 * the pipeline its question names.
 * Generic over the files, so a lesson added to lessons/ is covered at once.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltinLessons } from './builtin';
import { evaluateTasks, type TaskReport } from './evaluate';
import type { Lesson } from './format';

const { lessons, broken } = loadBuiltinLessons();

/** "task 'x': the late port is empty: does not hold: ..." for each check that does not hold. */
function failures(reports: readonly TaskReport[]): string[] {
  return reports.flatMap((task) => task.checks.filter((check) => !check.holds).map((check) => `task '${task.taskId}': ${check.text}`));
}

function evaluate(lesson: Lesson, which: 'start' | 'solution'): readonly TaskReport[] {
  const answer = evaluateTasks(lesson[which], lesson.tasks);
  if (!answer.ok) throw new Error(`the ${which} of lesson '${lesson.id}' could not run: ${answer.message} ${answer.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return answer.tasks;
}

describe('built-in lessons', () => {
  it('are all valid: no lesson file has problems', () => {
    const problems = [...broken].flatMap(([file, list]) => list.map((p) => `${file} ${p.path}: ${p.message}`));
    expect(problems).toEqual([]);
    expect(lessons.length).toBeGreaterThan(0);
  });

  it('have distinct ids and distinct orders', () => {
    const ids = lessons.map((lesson) => lesson.id);
    expect(new Set(ids).size).toBe(ids.length);
    const orders = lessons.map((lesson) => lesson.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  describe.each(lessons.map((lesson) => [`${lesson.order ?? '-'} ${lesson.id}`, lesson] as const))('%s', (_name, lesson) => {
    it('shows each step\'s timeline on a node of its starting pipeline', () => {
      const nodeIds = new Set(lesson.start.nodes.map((node) => node.id));
      const missing = lesson.steps.map((step) => step.timeline).filter((id) => id !== undefined && !nodeIds.has(id));
      expect(missing).toEqual([]);
    });

    it('has a solution that passes every check of every task', () => {
      const reports = evaluate(lesson, 'solution');
      expect(failures(reports)).toEqual([]);
      expect(reports.map((task) => task.passed)).toEqual(lesson.tasks.map(() => true));
    });

    it('has a starting pipeline that fails at least one check', () => {
      const reports = evaluate(lesson, 'start');
      const checks = reports.reduce((sum, task) => sum + task.checks.length, 0);
      expect(checks).toBeGreaterThan(0);
      expect(failures(reports).length).toBeGreaterThan(0);
    });

    // A prediction is answered by the pipeline its question names (the start or the solution), never the learner's.
    it('measures every prediction as a number on the pipeline its `on` names', () => {
      const reports = { start: evaluate(lesson, 'start'), solution: evaluate(lesson, 'solution') };
      const unmeasured = lesson.tasks.flatMap((task) => {
        if (task.predict === undefined) return [];
        const measured = reports[task.predict.on].find((report) => report.taskId === task.id)?.measured;
        return Number.isFinite(measured) ? [] : [`task '${task.id}' on the ${task.predict.on}: ${String(measured)}`];
      });
      expect(unmeasured).toEqual([]);
    });

    it('says in each prediction\'s question which pipeline it is about', () => {
      const unnamed = lesson.tasks.flatMap((task) => {
        const predict = task.predict;
        if (predict === undefined) return [];
        const names = predict.on === 'start' ? /starting pipeline/i : /\(the solution\)|in the solution/i;
        return names.test(predict.question) ? [] : [`task '${task.id}' (on the ${predict.on}): ${predict.question}`];
      });
      expect(unnamed).toEqual([]);
    });
  });
});

/** The starting pipeline of a lesson with one parameter of one node changed, as a learner changes it in the inspector. */
function withParam(lesson: Lesson, nodeId: string, key: string, value: string): Lesson['start'] {
  const start = structuredClone(lesson.start);
  const node = start.nodes.find((n) => n.id === nodeId);
  if (node === undefined) throw new Error(`lesson '${lesson.id}' has no node '${nodeId}'`);
  (node.params as Record<string, unknown>)[key] = value;
  return start;
}

/** The tasks of a lesson that do not pass on its start with one parameter changed: [] when all pass. */
function failingWith(lessonId: string, nodeId: string, key: string, value: string): string[] {
  const lesson = lessons.find((l) => l.id === lessonId);
  if (lesson === undefined) throw new Error(`lesson '${lessonId}' is missing`);
  const answer = evaluateTasks(withParam(lesson, nodeId, key, value), lesson.tasks);
  if (!answer.ok) throw new Error(answer.message);
  return failures(answer.tasks);
}

// The ranges the hints promise, at both ends: a hint that says "any value from A to B passes" is true.
describe.each([
  ['allowed-lateness', 'tenSeconds', 'allowedLateness', ['2001ms', '5s', '10s'], ['2s', '11s']],
  ['sessions', 'sessions', 'gap', ['25s', '49s'], ['24s', '50s']],
  ['replay-and-what-if', 'clicks', 'maxOutOfOrderness', ['3001ms', '4s', '5s'], ['3s', '6s']],
])('lesson %s: %s.%s', (lessonId, nodeId, key, passing, failing) => {
  it.each(passing)('passes with %s', (value) => {
    expect(failingWith(lessonId, nodeId, key, value)).toEqual([]);
  });
  it.each(failing)('fails with %s', (value) => {
    expect(failingWith(lessonId, nodeId, key, value).length).toBeGreaterThan(0);
  });
});

describe('lesson 2 (watermarks)', () => {
  const lesson = lessons.find((l) => l.id === 'watermarks');

  // Its hint promises "any bound from 4s to 10s passes"; the Learn panel's end-to-end test types 5s.
  it.each(['4s', '5s', '10s'])('passes when the learner raises the bound to %s', (bound) => {
    if (lesson === undefined) throw new Error('lesson 2 is missing');
    const answer = evaluateTasks(withParam(lesson, 'readings', 'maxOutOfOrderness', bound), lesson.tasks);
    expect(answer.ok && failures(answer.tasks)).toEqual([]);
  });

  it.each([
    ['3s', 'late port'],
    // With a bound of B a window's first result waits for a reading B past its end.
    ['11s', 'longest wait of a first result'],
    ['12s', 'longest wait of a first result'],
    ['1h', 'no window of \'tenSeconds\' fired its first result before the input ended'],
  ])('fails with a bound of %s, naming the %s', (bound, named) => {
    if (lesson === undefined) throw new Error('lesson 2 is missing');
    const answer = evaluateTasks(withParam(lesson, 'readings', 'maxOutOfOrderness', bound), lesson.tasks);
    expect(answer.ok).toBe(true);
    expect(answer.ok && failures(answer.tasks).join('\n')).toContain(named);
  });
});

describe('lesson 10 (idle inputs)', () => {
  const lesson = lessons.find((l) => l.id === 'idle-inputs');

  /** The starting pipeline with the roof's bound put back to 1 s (task 1 done) and the given idle timeout. */
  function roofWith(idleTimeout: string | null): Lesson['start'] {
    if (lesson === undefined) throw new Error('lesson 10 is missing');
    const start = withParam(lesson, 'roof', 'maxOutOfOrderness', '1s');
    const roof = start.nodes.find((n) => n.id === 'roof')!;
    if (idleTimeout !== null) (roof.params as Record<string, unknown>)['idleTimeout'] = idleTimeout;
    return start;
  }

  function idleTask(doc: Lesson['start']): TaskReport {
    const answer = evaluateTasks(doc, lesson?.tasks ?? []);
    if (!answer.ok) throw new Error(answer.message);
    return answer.tasks.find((t) => t.taskId === 'mark-the-roof-idle')!;
  }

  // Check's clock moves with event time: the roof falls silent after its 20th reading, and only an
  // idle timeout lets the union's watermark follow the hall past 09:00:30.
  it('fails without an idle timeout: the silent roof holds the union\'s watermark back', () => {
    const report = idleTask(roofWith(null));
    expect(report.passed).toBe(false);
    expect(report.checks.map((c) => c.text).join('\n')).toContain("the watermark at node 'allSensors' is 2026-03-02 09:00:17.999 UTC after 60 events");
  });

  it('passes with an idle timeout of 5 s, the union\'s watermark following the hall', () => {
    const report = idleTask(roofWith('5s'));
    expect(report.checks.map((c) => c.text).filter((t) => !t.startsWith('Holds'))).toEqual([]);
  });

  it('still fails on the watermark with an idle timeout longer than the silence so far', () => {
    const report = idleTask(roofWith('1m'));
    expect(report.checks.filter((c) => !c.holds).map((c) => c.says)).toEqual([
      'the roof sensors count as idle after at most 10 s of silence',
      "after 60 readings (the roof silent since its 20th) the union's watermark has passed 09:00:30",
    ]);
  });

  it('reads every event of both sources: the roof speaks again once its ten minutes of silence have passed', () => {
    const answer = evaluateTasks(roofWith('5s'), lesson?.tasks ?? []);
    expect(answer.ok && answer.eventsRead).toBe(240);
  });
});
