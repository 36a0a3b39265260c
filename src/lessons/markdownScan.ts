/**
 * Next-occurrence tables for the Markdown parser: for every index, where the
 * next closing marker of each kind is (the text's length when there is none).
 * Built in one backward pass, so finding a closing marker never rescans.
 */
export interface Occurrences {
  readonly backtick: Int32Array;
  readonly bracket: Int32Array;
  readonly paren: Int32Array;
  /** The first `*` of a `**`. */
  readonly doubleStar: Int32Array;
  /** A `*` with no `*` on either side. */
  readonly singleStar: Int32Array;
}

export function nextOccurrences(text: string): Occurrences {
  const n = text.length;
  const tables = {
    backtick: new Int32Array(n + 2), bracket: new Int32Array(n + 2), paren: new Int32Array(n + 2),
    doubleStar: new Int32Array(n + 2), singleStar: new Int32Array(n + 2),
  };
  for (const table of Object.values(tables)) table[n] = table[n + 1] = n;
  for (let i = n - 1; i >= 0; i--) {
    const c = text[i];
    const star = c === '*';
    tables.backtick[i] = c === '`' ? i : tables.backtick[i + 1]!;
    tables.bracket[i] = c === ']' ? i : tables.bracket[i + 1]!;
    tables.paren[i] = c === ')' ? i : tables.paren[i + 1]!;
    tables.doubleStar[i] = star && text[i + 1] === '*' ? i : tables.doubleStar[i + 1]!;
    tables.singleStar[i] = star && text[i + 1] !== '*' && text[i - 1] !== '*' ? i : tables.singleStar[i + 1]!;
  }
  return tables;
}
