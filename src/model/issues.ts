/**
 * Turns zod issues into problems a person can act on. Wording lives in two
 * places only: {@link issuePredicate} (generic: "must be a whole number")
 * and the schemas' own `error` texts (specific: "must be a duration like
 * 30s or 5m"). Here a predicate gets its subject ("node 'w1': size") and the
 * offending value ("got '5 minutes'").
 */
import type * as z from 'zod';
import { NODE_KINDS } from './kinds';
import { edgeLabel, formatPath, nodeLabel, problem, type Problem } from './problems';
import { stringAt, valueAt } from './rawAccess';
import { describeValue, didYouMean, listOf } from './text';

const EXPECTED: Record<string, string> = {
  string: 'must be a string',
  number: 'must be a number',
  int: 'must be a whole number',
  boolean: 'must be true or false',
  object: 'must be an object',
  array: 'must be an array',
};

/** The per-parse zod error map: a predicate for any issue a schema did not word itself. */
export const issuePredicate: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return EXPECTED[issue.expected] ?? `must be ${issue.expected}`;
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive === true, issue.exact === true);
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${Number(issue.maximum)} characters long`;
      if (issue.origin === 'array') return `must have at most ${Number(issue.maximum)} entries`;
      return issue.inclusive === true ? `must be at most ${issue.maximum}` : `must be less than ${issue.maximum}`;
    case 'invalid_value': {
      const allowed =
        issue.values.length === 1 ? describeValue(issue.values[0]) : `one of ${listOf(issue.values.map(String))}`;
      return issue.input === undefined ? `is required and must be ${allowed}` : `must be ${allowed}`;
    }
    case 'invalid_format':
      return 'is not in the expected format';
    case 'unrecognized_keys':
      return `has unknown keys ${listOf(issue.keys)}`;
    default:
      return 'is not valid';
  }
};

function tooSmall(origin: string, minimum: number, inclusive: boolean, exact: boolean): string {
  if (origin === 'string') {
    if (exact) return `must be exactly ${minimum} character${minimum === 1 ? '' : 's'} long`;
    return minimum === 1 ? 'must not be empty' : `must be at least ${minimum} characters long`;
  }
  if (origin === 'array') return `needs at least ${minimum} ${minimum === 1 ? 'entry' : 'entries'}`;
  return inclusive ? `must be at least ${minimum}` : `must be greater than ${minimum}`;
}

/** Codes whose predicate reads better with the offending value after it. */
const SHOWS_INPUT: ReadonlySet<string> = new Set([
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_value',
  'invalid_format',
]);

/**
 * The issues worth telling, in order. When a value has the wrong type, zod
 * may still run that schema's checks on it (`to: []` also fails `min(1)` as
 * an array), and the follow-on issue would contradict the first.
 */
export function telling(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const typeIssues = issues.filter((issue) => issue.code === 'invalid_type');
  const wrongType = new Set(typeIssues.map((issue) => formatPath(issue.path)));
  return issues.filter((issue) => issue.code === 'invalid_type' || !wrongType.has(formatPath(issue.path)));
}

/** One problem for one zod issue; `root` is the input that was parsed. */
export function problemFromIssue(issue: z.core.$ZodIssue, root: unknown): Problem {
  const path = issue.path;
  const [head, index] = path;
  if ((head === 'nodes' || head === 'edges') && typeof index === 'number') {
    const id = stringAt(root, [head, index, 'id']);
    const rest = path.slice(2);
    const label = head === 'nodes' ? nodeLabel(index, id) : edgeLabel(index, id);
    const owner = head === 'nodes' ? { nodeId: id } : { edgeId: id };
    if (issue.code === 'invalid_union' && issue.discriminator === 'kind') {
      const kind = valueAt(root, [head, index, 'kind']);
      return problem(formatPath([head, index, 'kind']), `${label}: ${kindPredicate(kind)}`, owner);
    }
    // Inside a node, `params.size` reads as plain `size`: every field the
    // author names lives in params except the node's own id, kind and position.
    const inner = rest[0] === 'params' && rest.length > 1 ? rest.slice(1) : rest;
    const subject = inner.length === 0 ? label : `${label}: ${formatPath(inner)}`;
    const sentence = `${subject} ${predicateOf(issue)}`;
    return problem(formatPath(path), sentence, owner);
  }
  const subject = path.length === 0 ? 'the document' : formatPath(path);
  return problem(formatPath(path), `${subject} ${predicateOf(issue)}`);
}

function predicateOf(issue: z.core.$ZodIssue): string {
  // "needs at least 1 entry, got an empty array" and "must not be empty, got ''" say the same thing twice.
  const aboutLength = (issue.code === 'too_small' || issue.code === 'too_big') && (issue.origin === 'array' || (issue.origin === 'string' && issue.input === ''));
  const showsInput = SHOWS_INPUT.has(issue.code) && issue.input !== undefined && !aboutLength;
  return showsInput ? `${issue.message}, got ${describeValue(issue.input)}` : issue.message;
}

function kindPredicate(kind: unknown): string {
  const known = `known kinds are ${listOf(NODE_KINDS, false)}`;
  if (kind === undefined) return `kind is required; ${known}`;
  if (typeof kind !== 'string') return `kind must be a string, got ${describeValue(kind)}; ${known}`;
  return `unknown kind ${describeValue(kind)}${didYouMean(kind, NODE_KINDS)}; ${known}`;
}
