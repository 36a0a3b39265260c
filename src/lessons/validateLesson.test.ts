import { describe, expect, it } from 'vitest';
import { MAX_LESSON_CHARS, MAX_LESSON_PROBLEMS, parseLessonJson, validateLesson } from './validateLesson';
import { lessonFile } from './testing/lessonFixtures';

const problemsOf = (input: unknown): { path: string; message: string }[] => {
  const reading = validateLesson(input);
  return reading.ok ? [] : reading.problems.map((p) => ({ path: p.path, message: p.message }));
};

describe('validateLesson', () => {
  it('accepts a valid lesson, with defaults filled in and both pipelines validated', () => {
    const reading = validateLesson(lessonFile());
    if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
    expect(reading.lesson.tasks[0]!.predict?.tolerance).toBe(0);
    expect(reading.lesson.solution.nodes.find((n) => n.id === 'w')?.params).toMatchObject({ allowedLateness: '0ms' });
  });

  it('tells lesson shape problems by path', () => {
    const file = lessonFile();
    file['version'] = 2;
    file.tasks[0]!['checks'] = [{ measure: { kind: 'lateness', window: 'w' }, op: 'equals', value: 0, says: '' }];
    expect(problemsOf(file)).toEqual([
      { path: 'version', message: 'version must be 1, got 2' },
      { path: 'tasks[0].checks[0].measure.kind', message: expect.stringMatching(/^tasks\[0\]\.checks\[0\]\.measure\.kind must be one of 'resultCount', .*'whatIf', got 'lateness'$/) as unknown as string },
      { path: 'tasks[0].checks[0].op', message: expect.stringMatching(/^tasks\[0\]\.checks\[0\]\.op must be one of/) as unknown as string },
      { path: 'tasks[0].checks[0].says', message: "tasks[0].checks[0].says must not be empty" },
    ]);
  });

  it('tells the problems of both pipelines under start. and solution.', () => {
    const file = lessonFile();
    (file['start'] as { nodes: { params: Record<string, unknown> }[] }).nodes[2]!.params['size'] = 'ten seconds';
    file['solution'] = 'nope';
    const problems = problemsOf(file);
    expect(problems.map((p) => p.path)).toEqual(['start.nodes[2].params.size', 'solution']);
    expect(problems[0]!.message).toMatch(/^In the starting pipeline \(start\): node 'w': size must be a duration/);
    expect(problems[1]!.message).toMatch(/^In the solution pipeline \(solution\): /);
  });

  it('tells nodes a measure names that the solution lacks or that are of the wrong kind, repeated task ids and a missing timeline node', () => {
    const file = lessonFile();
    file.steps[1]!['timeline'] = 'nowhere';
    const task = file.tasks[0]!;
    task['checks'] = [
      { measure: { kind: 'lateCount', window: 'byUser' }, op: 'eq', value: 0, says: 'x' },
      { measure: { kind: 'resultCount', sink: 'gone' }, op: 'eq', value: 0, says: 'y' },
      { measure: { kind: 'whatIf', sink: 'results', node: 'w', param: 'size', value: '5s' }, op: 'eq', value: 0, says: 'z' },
      { measure: { kind: 'whatIf', sink: 'results', node: 'byUser', param: 'fields', value: 'x' }, op: 'eq', value: 0, says: 'z' },
      { measure: { kind: 'param', node: 'w', path: ['allowedLatenes'] }, op: 'eq', value: '0ms', says: 'p' },
      { measure: { kind: 'param', node: 'byUser', path: ['fields', 0] }, op: 'eq', value: 'user', says: 'q' },
    ];
    task['predict'] = { question: 'How many?', measure: { kind: 'firstResultDelay', window: 'w9' } };
    file.tasks.push({ ...task, checks: [] });
    expect(problemsOf(file)).toEqual([
      { path: 'steps[1].timeline', message: "steps[1].timeline names node 'nowhere', which is not in the starting pipeline" },
      { path: 'tasks[0].checks[0].measure.window', message: "tasks[0].checks[0].measure.window names node 'byUser', a transform.keyBy node; a lateCount measure reads a window node" },
      { path: 'tasks[0].checks[1].measure.sink', message: "tasks[0].checks[1].measure.sink names node 'gone', which is not in the solution pipeline" },
      { path: 'tasks[0].checks[3].measure.param', message: "tasks[0].checks[3].measure.param is 'fields', which a what-if cannot change on a transform.keyBy node" },
      { path: 'tasks[0].checks[4].measure.path', message: "tasks[0].checks[4].measure.path reads allowedLatenes of node 'w', which the solution pipeline does not set and which has no default" },
      { path: 'tasks[0].predict.measure.window', message: "tasks[0].predict.measure.window names node 'w9', which is not in the solution pipeline" },
      { path: 'tasks[1].id', message: "tasks[1].id is 'empty-late-port', the id of tasks[0] too; task ids must be unique" },
      { path: 'tasks[1].predict.measure.window', message: "tasks[1].predict.measure.window names node 'w9', which is not in the solution pipeline" },
    ]);
  });

  it('tells Markdown that cannot render as written, by path', () => {
    const file = lessonFile();
    file.tasks[0]!['hints'] = ['fine', 'See [this](javascript:alert(1)).'];
    expect(problemsOf(file)).toEqual([{
      path: 'tasks[0].hints[1]',
      message: "tasks[0].hints[1]: the link to 'javascript:alert(1' is not to an http or https address, so it shows as text",
    }]);
  });

  it('gives problems, never a throw, for hostile values', () => {
    for (const hostile of [null, 42, 'lesson', [], {}, { __proto__: { format: 'windowpane.lesson' } }, JSON.parse('{"__proto__": {"x": 1}, "constructor": 1}') as unknown]) {
      expect(validateLesson(hostile).ok).toBe(false);
    }
    const wrongEverywhere = { format: 1, version: 'x', id: 'Not An Id', title: [], summary: {}, order: -1, steps: 'x', start: [], solution: 7, tasks: [{ id: 1, text: 2, checks: 'x', hints: [3] }] };
    expect(problemsOf(wrongEverywhere).map((p) => p.path)).toEqual(expect.arrayContaining(['format', 'version', 'id', 'title', 'summary', 'order', 'steps', 'tasks[0].id', 'tasks[0].checks', 'tasks[0].hints[0]', 'start', 'solution']));
    const throwing = Object.defineProperty({}, 'format', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(problemsOf(throwing)[0]?.message).toMatch(/could not be checked: boom|format/);
  });

  it('lists at most a hundred problems, the last saying how many more', () => {
    const file = lessonFile();
    (file['start'] as { nodes: unknown[] }).nodes = Array.from({ length: 5000 }, (_, i) => ({ id: `n${i}`, kind: 'no.such', position: { x: 0, y: 0 }, params: {} }));
    const problems = problemsOf(file);
    expect(problems).toHaveLength(MAX_LESSON_PROBLEMS);
    expect(problems.at(-1)?.message).toMatch(/^\d[\d,]* more problems are not listed$/);
  });
});

describe('parseLessonJson', () => {
  it('reads a lesson file', () => {
    expect(parseLessonJson(`\uFEFF${JSON.stringify(lessonFile())}`).ok).toBe(true);
  });

  it('tells a syntax error with its line and column', () => {
    const reading = parseLessonJson('{\n  "format": "windowpane.lesson",\n  "id": oops\n}');
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.problems[0]).toMatchObject({ path: '', line: 3, column: 9 });
    expect(reading.problems[0]!.message).toMatch(/^the lesson file is not valid JSON: line 3, column 9/);
  });

  it('refuses a huge file unread and survives deep nesting', () => {
    const huge = parseLessonJson(' '.repeat(MAX_LESSON_CHARS + 1));
    expect(huge.ok ? '' : huge.problems[0]!.message).toMatch(/at most 4,000,000/);
    const deep = parseLessonJson(`{"start": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    expect(deep.ok).toBe(false);
  });
});
