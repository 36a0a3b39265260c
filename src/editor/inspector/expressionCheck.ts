import type { Field } from '../../engine/batch';
import { compileExpression, compileFilter, parseExpression } from '../../engine/expr';

/** An expression's first problem: the sentence without its "column N: " prefix, and the 1-based column it points at. */
export interface ExpressionIssue {
  readonly text: string;
  readonly column: number;
}

/**
 * Checks an expression as the compiler will: against the fields reaching the
 * node when they are known (unknown fields, types, a filter that is not
 * true/false), only its syntax when they are not.
 */
export function checkExpression(source: string, fields: readonly Field[] | null, mustBeBoolean: boolean): ExpressionIssue | null {
  if (source.trim() === '') return { text: 'write an expression', column: 1 };
  const result = fields === null ? parseExpression(source) : (mustBeBoolean ? compileFilter : compileExpression)(source, fields);
  if (result.ok) return null;
  return { text: result.error.message.replace(/^column \d+: /, ''), column: result.error.column };
}

/**
 * The line of `source` holding `column` and where on it the caret goes, for
 * the "^" under an error: expressions may span lines, the caret only one.
 */
export function caretLine(source: string, column: number): { line: string; offset: number } {
  const index = Math.min(Math.max(column - 1, 0), source.length);
  const start = source.lastIndexOf('\n', index - 1) + 1;
  const end = source.indexOf('\n', index);
  return { line: source.slice(start, end === -1 ? source.length : end), offset: index - start };
}
