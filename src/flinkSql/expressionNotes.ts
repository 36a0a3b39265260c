/**
 * Where Flink's meaning of a translated expression differs from ours, in
 * words. The printer adds a note when it emits the construct concerned.
 */

export const NOTES = {
  missingComparison:
    'Missing values: a comparison, contains() or startsWith() with a missing value is false in ours but UNKNOWN (NULL) in Flink. ' +
    'A filter drops the event in both, and and/or agree; but not, == or != between booleans and coalesce() of booleans see NULL where ours sees false, ' +
    'and a computed boolean field is NULL where ours is false.',
  missingBoolean: 'A missing boolean field reads as false in ours and as NULL in Flink.',
  remainder:
    "Flink's MOD takes whole numbers only, so % on other numbers is written out as a - b * (SIGN(a / b) * FLOOR(ABS(a / b))): " +
    'exact for whole numbers, but it can differ from ours in the last digits for fractions.',
  nan:
    'NaN (0 / 0, x % 0, sqrt or log of a negative number) is a missing value in ours (false in comparisons, skipped by aggregates, replaced by coalesce) but an ordinary DOUBLE in Flink.',
  round:
    'ROUND rounds halves away from zero on the decimal value (round(-2.5) is -3 and round(1.005, 2) is 1.01 in Flink, -2 and 1 in ours) and fails the job on a NaN or infinite number.',
  stringOrder:
    'Strings are ordered by UTF-16 code units in ours and by code points in Flink: the orders differ only between characters above U+FFFF and those from U+E000 to U+FFFF.',
  caseMapping:
    "lower() and upper() use JavaScript's case mapping in ours and Java's (in the JVM's default locale) in Flink: they differ only in locale rules such as the Turkish dotted i.",
  clock:
    "hour() and minute() read the UTC clock in ours; HOUR and MINUTE of a TIMESTAMP_LTZ read the session time zone, which the exported script sets to UTC (SET 'table.local-time-zone' = 'UTC').",
  timeTruncated: 'A time with a fraction of a millisecond is truncated to whole milliseconds (BIGINT) in Flink.',
} as const;

export type NoteId = keyof typeof NOTES;
