/**
 * The checks of a lesson that its schema cannot make: nodes a measure names
 * exist in the solution (and are a window or a sink where the measure reads
 * one), task ids are unique, a step's timeline node exists in the start, and
 * every Markdown text renders as written.
 */
import { formatPath, type PipelineDocument } from '../model';
import { problem, type Problem } from '../model/problems';
import { valueAt } from '../model/rawAccess';
import { isWhatIfParam } from '../engine/compare/whatIfParams';
import type { Lesson, Measure } from './format';
import { readMarkdown } from './markdown';

type Path = readonly (string | number)[];
type NodeRole = 'node' | 'window' | 'sink';

/** The node ids a measure names, with the field naming each and what the node must be. */
function namedNodes(measure: Measure): [field: string, id: string, role: NodeRole][] {
  switch (measure.kind) {
    case 'resultCount': case 'resultValue': return [['sink', measure.sink, 'sink']];
    case 'lateCount': case 'firstResultDelay': return [['window', measure.window, 'window']];
    case 'watermark': case 'param': return [['node', measure.node, 'node']];
    case 'crashReplay': return [['sink', measure.sink, 'sink']];
    case 'whatIf': return [['sink', measure.sink, 'sink'], ['node', measure.node, 'node']];
    case 'edgeCount': return measure.from === undefined ? [] : [['from', measure.from, 'node']];
    case 'nodeCount': return [];
  }
}

function measureProblems(measure: Measure, at: Path, solution: PipelineDocument): Problem[] {
  const kinds = new Map(solution.nodes.map((n) => [n.id, n.kind]));
  const problems: Problem[] = [];
  for (const [field, id, role] of namedNodes(measure)) {
    const path = formatPath([...at, field]);
    const kind = kinds.get(id);
    if (kind === undefined) problems.push(problem(path, `${path} names node '${id}', which is not in the solution pipeline`));
    else if (role === 'window' && !kind.startsWith('window.')) problems.push(problem(path, `${path} names node '${id}', a ${kind} node; a ${measure.kind} measure reads a window node`));
    else if (role === 'sink' && !kind.startsWith('sink.')) problems.push(problem(path, `${path} names node '${id}', a ${kind} node; a ${measure.kind} measure reads a sink`));
  }
  if (measure.kind === 'param') {
    const node = solution.nodes.find((n) => n.id === measure.node);
    if (node !== undefined && valueAt(node.params, measure.path) === undefined) {
      const path = formatPath([...at, 'path']);
      problems.push(problem(path, `${path} reads ${formatPath(measure.path)} of node '${measure.node}', which the solution pipeline does not set and which has no default`));
    }
  }
  if (measure.kind === 'whatIf') {
    const kind = kinds.get(measure.node);
    if (kind !== undefined && !isWhatIfParam(kind, measure.param)) {
      const path = formatPath([...at, 'param']);
      problems.push(problem(path, `${path} is '${measure.param}', which a what-if cannot change on a ${kind} node`));
    }
  }
  return problems;
}

function markdownProblems(text: string, at: Path): Problem[] {
  const path = formatPath(at);
  return readMarkdown(text).issues.map((issue) => problem(path, `${path}: ${issue}`));
}

/** Every reference and text problem of a lesson whose shape and pipelines are valid. */
export function lessonReferenceProblems(lesson: Lesson): Problem[] {
  const problems: Problem[] = [];
  const startIds = new Set(lesson.start.nodes.map((n) => n.id));
  lesson.steps.forEach((step, i) => {
    problems.push(...markdownProblems(step.text, ['steps', i, 'text']));
    if (step.timeline !== undefined && !startIds.has(step.timeline)) {
      const path = formatPath(['steps', i, 'timeline']);
      problems.push(problem(path, `${path} names node '${step.timeline}', which is not in the starting pipeline`));
    }
  });
  const firstWithId = new Map<string, number>();
  lesson.tasks.forEach((task, i) => {
    const earlier = firstWithId.get(task.id);
    if (earlier === undefined) firstWithId.set(task.id, i);
    else problems.push(problem(formatPath(['tasks', i, 'id']), `tasks[${i}].id is '${task.id}', the id of tasks[${earlier}] too; task ids must be unique`));
    problems.push(...markdownProblems(task.text, ['tasks', i, 'text']));
    task.hints.forEach((hint, k) => problems.push(...markdownProblems(hint, ['tasks', i, 'hints', k])));
    task.checks.forEach((check, j) => problems.push(...measureProblems(check.measure, ['tasks', i, 'checks', j, 'measure'], lesson.solution)));
    if (task.predict !== undefined) {
      problems.push(...markdownProblems(task.predict.question, ['tasks', i, 'predict', 'question']));
      problems.push(...measureProblems(task.predict.measure, ['tasks', i, 'predict', 'measure'], lesson.solution));
    }
  });
  return problems;
}
