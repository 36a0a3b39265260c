/**
 * Our field types in Flink SQL, and the families the engine column check
 * (engineColumns.test.ts) holds them to:
 * - number: DOUBLE (our numbers are 64-bit floats); BIGINT where Flink's
 *   own function says so (COUNT, COUNT(DISTINCT), a revision number);
 *   SUM, MIN, MAX, FIRST_VALUE and LAST_VALUE keep their input's type.
 * - time: epoch milliseconds. A raw event-time or time field is BIGINT
 *   (epoch ms, as our engine holds it); window_start and window_end are
 *   Flink's TIMESTAMP(3) (wall clock of the session zone, UTC here: the
 *   script sets it); the rowtime attribute is TIMESTAMP_LTZ(3).
 * - string: STRING. boolean: BOOLEAN.
 * The type a value becomes when nothing more specific is known is
 * FLINK_FIELD_TYPES (expressionTypes.ts).
 */
import type { FieldType } from '../engine/batch';

/** The Flink types each of our types may become (see the file comment). */
export const FLINK_TYPE_FAMILIES: ReadonlyMap<FieldType, readonly string[]> = new Map<FieldType, readonly string[]>([
  ['number', ['DOUBLE', 'BIGINT', 'INT', 'DECIMAL', 'FLOAT']],
  ['time', ['BIGINT', 'TIMESTAMP(3)', 'TIMESTAMP_LTZ(3)']],
  ['string', ['STRING']],
  ['boolean', ['BOOLEAN']],
]);

/** True when Flink type `flinkType` is one our type `type` may become. */
export function inFamily(type: FieldType, flinkType: string): boolean {
  const family = FLINK_TYPE_FAMILIES.get(type) ?? [];
  return family.includes(flinkType.replace(/^DECIMAL\(.*\)$/, 'DECIMAL'));
}

/** Flink types that hold numbers, for casts between them. */
export function isNumeric(flinkType: string): boolean {
  return ['DOUBLE', 'BIGINT', 'INT', 'FLOAT'].includes(flinkType) || flinkType.startsWith('DECIMAL');
}
