import { FUNCTION_NAMES } from '../../engine/expr';

export type TokenKind =
  | 'field' | 'unknownField' | 'function' | 'unknownFunction' | 'literal' | 'number' | 'string'
  | 'operator' | 'punctuation' | 'space' | 'invalid';

/** A run of source text with how to colour it; `start` is a 0-based index. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
}

const FUNCTIONS: ReadonlySet<string> = new Set(FUNCTION_NAMES);
const WORD_LITERALS: ReadonlySet<string> = new Set(['true', 'false', 'null']);
const WORD_OPERATORS: ReadonlySet<string> = new Set(['and', 'or', 'not']);
/** Longest first, so `<=` is one token rather than `<` then `=`. */
const OPERATORS = ['===', '!==', '==', '!=', '<=', '>=', '&&', '||', '??', '**', '+', '-', '*', '/', '%', '<', '>', '!', '?', ':', '=', '&', '|', '~'];

const NAME_START = /[A-Za-z_$\u0080-\uffff]/;
const NAME_PART = /[A-Za-z0-9_$\u0080-\uffff]/;

/**
 * Splits an expression into coloured tokens for the inspector's highlighter.
 * It never fails: what the language does not know becomes an `invalid` token,
 * so half-typed text still shows. The concatenated texts are the source.
 * `fields` are the names reaching the node; when null, every name is a field.
 */
export function tokenize(source: string, fields: readonly string[] | null): Token[] {
  const known = fields === null ? null : new Set(fields);
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, end: number): void => {
    tokens.push({ kind, text: source.slice(i, end), start: i });
    i = end;
  };
  while (i < source.length) {
    const c = source.charAt(i);
    if (/\s/.test(c)) {
      let end = i + 1;
      while (end < source.length && /\s/.test(source.charAt(end))) end++;
      push('space', end);
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source.charAt(i + 1)))) {
      const match = /^(?:[0-9]*\.?[0-9]+|[0-9]+\.)(?:[eE][+-]?[0-9]+)?/.exec(source.slice(i));
      push('number', i + (match?.[0].length ?? 1));
    } else if (c === '"' || c === "'") {
      let end = i + 1;
      while (end < source.length && source.charAt(end) !== c) end += source.charAt(end) === '\\' ? 2 : 1;
      push('string', Math.min(end + 1, source.length));
    } else if (NAME_START.test(c)) {
      let end = i + 1;
      // Dotted names (payload.amount) are one field.
      while (end < source.length && (NAME_PART.test(source.charAt(end)) || (source.charAt(end) === '.' && NAME_START.test(source.charAt(end + 1))))) end++;
      const word = source.slice(i, end);
      push(wordKind(word, /^\s*\(/.test(source.slice(end)), known), end);
    } else if (c === '(' || c === ')' || c === ',') {
      push('punctuation', i + 1);
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i));
      push(op === undefined ? 'invalid' : 'operator', i + (op?.length ?? 1));
    }
  }
  return tokens;
}

function wordKind(word: string, called: boolean, known: ReadonlySet<string> | null): TokenKind {
  if (called) return FUNCTIONS.has(word) ? 'function' : 'unknownFunction';
  if (WORD_LITERALS.has(word)) return 'literal';
  if (WORD_OPERATORS.has(word)) return 'operator';
  return known === null || known.has(word) ? 'field' : 'unknownField';
}
