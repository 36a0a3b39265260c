/**
 * Our expression language in Flink SQL (issue 16, placeholder: the
 * i6-expr-cli branch replaces this file).
 */
import type { Field } from '../engine/batch';
import type { TranslatedExpression } from './types';

/** Translates expression `source` over input `fields` into a Flink SQL expression with backtick-quoted fields. */
export function translateExpression(source: string, fields: readonly Field[]): TranslatedExpression {
  void source;
  void fields;
  return { ok: false, reason: 'the Flink SQL expression translator is not built yet' };
}
