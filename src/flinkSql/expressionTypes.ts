/**
 * The Flink SQL types the expression translator reasons about. Our types
 * map to fixed Flink column types, and every translated expression gives
 * exactly the type of its result's field type.
 */
import type { FieldType } from '../engine/batch';

/** A Flink type as far as the translator needs it: literals may be INT, BIGINT or DECIMAL before they are coerced. */
export type SqlType = 'DOUBLE' | 'BIGINT' | 'INT' | 'DECIMAL' | 'STRING' | 'BOOLEAN';

/**
 * The Flink column type of each of our field types: numbers are doubles,
 * times epoch milliseconds (BIGINT; the event-time TIMESTAMP_LTZ(3) column
 * is computed from them), strings STRING, booleans BOOLEAN. The translator
 * reads fields as these types and gives its result in them.
 */
export const FLINK_FIELD_TYPES: Readonly<Record<FieldType, SqlType>> = {
  number: 'DOUBLE',
  time: 'BIGINT',
  string: 'STRING',
  boolean: 'BOOLEAN',
};

/** Exact numeric types: Flink does integer (or decimal) arithmetic on them, and MOD takes only these. */
export function isExact(type: SqlType): boolean {
  return type === 'INT' || type === 'BIGINT' || type === 'DECIMAL';
}

/** Integer types. */
export function isInteger(type: SqlType): boolean {
  return type === 'INT' || type === 'BIGINT';
}
