/**
 * Reads a lesson file: JSON syntax, the lesson schema, both pipelines (with
 * the pipeline validator, paths prefixed `start.` / `solution.`), and the
 * references between them (a check's node must exist in the solution).
 * Every problem comes back with its path; nothing throws.
 */
import { validate, type PipelineDocument } from '../model';
import { issuePredicate, problemFromIssue, telling } from '../model/issues';
import { parsePipelineJson } from '../model/json';
import { formatPath, problem, type Problem } from '../model/problems';
import { ownValue, valueAt } from '../model/rawAccess';
import { describeValue, listOf } from '../model/text';
import { lessonSchema, measureSchema, type Lesson } from './format';
import { lessonReferenceProblems } from './lessonReferences';

export type LessonReading = { readonly ok: true; readonly lesson: Lesson } | { readonly ok: false; readonly problems: readonly Problem[] };

/** A lesson file larger than this is refused unread: lessons are text and small pipelines. */
export const MAX_LESSON_CHARS = 4_000_000;
/** Problems told at most (a hostile file can have a million); the last one says how many more. */
export const MAX_LESSON_PROBLEMS = 100;

const MEASURE_KINDS = measureSchema.options.map((option) => option.shape.kind.value);

function lessonProblemFromIssue(issue: Parameters<typeof problemFromIssue>[0], root: unknown): Problem {
  if (issue.code === 'invalid_union' && issue.discriminator === 'kind') {
    // zod's path ends at the union's `kind` already.
    const segments = issue.path;
    const path = formatPath(segments);
    const got = valueAt(root, segments);
    return problem(path, `${path} must be one of ${listOf(MEASURE_KINDS)}${got === undefined ? '' : `, got ${describeValue(got)}`}`);
  }
  return problemFromIssue(issue, root);
}

/** The pipeline at `key` validated, its problems moved under `key`. */
function pipelineAt(root: unknown, key: 'start' | 'solution'): { document: PipelineDocument | null; problems: Problem[] } {
  const label = key === 'start' ? 'the starting pipeline' : 'the solution pipeline';
  const value = ownValue(root, key);
  if (value === undefined) return { document: null, problems: [problem(key, `${key} is required: ${label}, a pipeline document`)] };
  const checked = validate(value);
  if (checked.ok) return { document: checked.document, problems: [] };
  return {
    document: null,
    problems: checked.problems.map((p) => ({ ...p, path: p.path === '' ? key : `${key}.${p.path}`, message: `In ${label} (${key}): ${p.message}` })),
  };
}

function capped(problems: readonly Problem[]): Problem[] {
  if (problems.length <= MAX_LESSON_PROBLEMS) return [...problems];
  const more = problems.length - (MAX_LESSON_PROBLEMS - 1);
  return [...problems.slice(0, MAX_LESSON_PROBLEMS - 1), problem('', `${more.toLocaleString('en')} more problems are not listed`)];
}

function validateUnguarded(input: unknown): LessonReading {
  const parsed = lessonSchema.safeParse(input, { error: issuePredicate, reportInput: true });
  const problems = parsed.success ? [] : telling(parsed.error.issues).map((issue) => lessonProblemFromIssue(issue, input));
  // Both pipelines are checked even when the rest has problems: an author fixes everything in one pass.
  const start = pipelineAt(input, 'start');
  const solution = pipelineAt(input, 'solution');
  problems.push(...start.problems, ...solution.problems);
  if (!parsed.success || start.document === null || solution.document === null || problems.length > 0) return { ok: false, problems: capped(problems) };
  const lesson: Lesson = { ...parsed.data, start: start.document, solution: solution.document };
  const references = lessonReferenceProblems(lesson);
  return references.length === 0 ? { ok: true, lesson } : { ok: false, problems: capped(references) };
}

/** Checks a parsed lesson file: every problem with its path, never a throw. */
export function validateLesson(input: unknown): LessonReading {
  try {
    return validateUnguarded(input);
  } catch (error) {
    // Inputs JSON cannot produce (getters, proxies) or a nesting too deep for the stack.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem('', `the lesson could not be checked: ${reason}`)] };
  }
}

/** Parses lesson file text: a syntax error gets its line and column. */
export function parseLessonJson(text: string): LessonReading {
  if (text.length > MAX_LESSON_CHARS) {
    return { ok: false, problems: [problem('', `the lesson file has ${text.length.toLocaleString('en')} characters; a lesson may have at most ${MAX_LESSON_CHARS.toLocaleString('en')}`)] };
  }
  let parsed;
  try {
    parsed = parsePipelineJson(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem('', `the lesson file could not be read: ${reason}`)] };
  }
  if (!parsed.ok) return { ok: false, problems: [{ ...parsed.problem, message: parsed.problem.message.replace(/^the file/, 'the lesson file') }] };
  return validateLesson(parsed.value);
}
