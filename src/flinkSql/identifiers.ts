/**
 * Flink SQL identifiers and literals. Every table, view and column name is
 * quoted with backticks (a backtick inside is doubled), so field names that
 * are reserved words (`select`, `timestamp`) or hold dots and spaces still
 * name one column.
 */

/** `name` as a quoted Flink SQL identifier. */
export function ident(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

/** `text` as a Flink SQL string literal, a quote inside doubled (Flink's literals have no backslash escapes). */
export function stringLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * `base`, or `base_1`, `base_2`... : the first that is not in `taken`.
 * Flink resolves identifiers case-sensitively, but a name that differs only
 * in case would still confuse a reader, so `taken` holds lower-case names.
 */
export function freshName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 1; ; i++) {
    const name = `${base}_${i}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Text for a `--` comment: one line, whatever it holds (a pipeline name may have line breaks). */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** `text` as `--` comment lines, one per line of text. */
export function commentLines(text: string): string {
  return text.split('\n').map((line) => `-- ${oneLine(line)}`.trimEnd()).join('\n');
}
