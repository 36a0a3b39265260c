/**
 * Our expression language in Flink SQL: parsed and type-checked by the
 * engine's own parser and checker, then printed by expressionSql.ts, with
 * notes where Flink's meaning differs (expressionNotes.ts).
 */
import type { Field } from '../engine/batch';
import { checkExpression } from '../engine/expr/check';
import { catchSourceError } from '../engine/expr/errors';
import { parseOrThrow } from '../engine/expr/parser';
import { NOTES } from './expressionNotes';
import { typedToSql, Untranslatable, type Parenthesize } from './expressionSql';
import type { TranslatedExpression } from './types';

export { FLINK_FIELD_TYPES } from './expressionTypes';

/**
 * Translates expression `source` over input `fields` into a Flink SQL
 * expression with backtick-quoted fields. Fields are read as, and the
 * result has, the Flink type of their field type (FLINK_FIELD_TYPES:
 * number DOUBLE, time BIGINT epoch ms, string STRING, boolean BOOLEAN).
 * `columnTypes` (optional) gives the Flink type of fields whose column is
 * not that default: a COUNT's BIGINT is then divided as a DOUBLE, and a
 * TIMESTAMP(3) window bound read as a time makes the expression unmappable
 * rather than wrong. An expression that does not compile, or has a part
 * Flink SQL cannot express, gives ok: false with the reason.
 */
export function translateExpression(source: string, fields: readonly Field[], columnTypes?: ReadonlyMap<string, string>): TranslatedExpression {
  return translateWith(source, fields, 'minimal', columnTypes);
}

/** translateExpression with every compound operand parenthesised: for tests that check the minimal parentheses keep the tree. */
export function translateWith(
  source: string, fields: readonly Field[], parenthesize: Parenthesize, columnTypes?: ReadonlyMap<string, string>,
): TranslatedExpression {
  const checked = catchSourceError(() => checkExpression(parseOrThrow(source), fields));
  if (!checked.ok) return { ok: false, reason: `the expression does not compile: ${checked.error.message}` };
  const { typed } = checked.value;
  if (typed.type === 'null') return { ok: false, reason: 'the expression has no type' };
  try {
    const { sql, notes } = typedToSql(typed, typed.type, parenthesize, columnTypes);
    return { ok: true, sql, notes: notes.map((id) => NOTES[id]) };
  } catch (e) {
    if (e instanceof Untranslatable) return { ok: false, reason: e.message };
    throw e;
  }
}
