/**
 * Flink SQL spelling of names and literals: backtick identifiers and
 * single-quoted strings, each with its quote character doubled.
 */

/** `name` as a backtick-quoted identifier; a backtick inside is doubled, so any field name works (reserved words, dots, spaces). */
export function quoteIdentifier(name: string): string {
  return '`' + name.replaceAll('`', '``') + '`';
}

/** `value` as a single-quoted string literal, a quote inside doubled (Flink's literals have no backslash escapes). */
export function stringLiteral(value: string): string {
  return "'" + value.replaceAll("'", "''") + "'";
}
