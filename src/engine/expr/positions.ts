/**
 * Windowpane's grammar on top of jsep. jsep 1.6 keeps no positions, so one
 * 'gobble-token' hook reads every primary token itself (numbers, strings,
 * groups, names, calls, unary operators) and stamps `start`/`end` on what it
 * builds; jsep still does precedence, the ternary (built in since 1.x),
 * argument lists and string/number lexing. Reading names here also lets us
 * refuse what the language lacks (`this`, `new`, `a[k]`, `f(x).y`, array
 * literals) at the exact character, before a node for it exists.
 */
import jsep from 'jsep';

type Scope = jsep.HookScope;
type Node = jsep.Expression;

const QUOTE_DOUBLE = 34;
const QUOTE_SINGLE = 39;
const PAREN_OPEN = 40;
const PAREN_CLOSE = 41;
const PERIOD = 46;
const BRACKET_OPEN = 91;

const LITERALS: ReadonlyMap<string, boolean | null> = new Map([
  ['true', true],
  ['false', false],
  ['null', null],
]);

let parsing = false;

// jsep's configuration is process-wide. The word operators are the only
// change other jsep users could notice; the hook below acts only while
// `parsing` is set, so it is inert for them.
jsep.addBinaryOp('or', 1);
jsep.addBinaryOp('and', 2);
// Added (not registered as a named plugin) on purpose: if a bundler or test
// runner evaluates this module twice, each copy's hook sees its own flag.
jsep.hooks.add('gobble-token', gobblePrimary, true);

/** Parses with jsep under Windowpane's token rules; throws jsep's errors, which carry `index`. */
export function parseWithPositions(source: string): Node {
  parsing = true;
  try {
    return jsep(source);
  } finally {
    parsing = false;
  }
}

function gobblePrimary(this: Scope, env: { node?: Node }): void {
  if (!parsing) return;
  const node = readPrimary(this, this.index);
  // Undefined lets jsep carry on: it reports the unexpected character, or
  // stops at the `)` that closes a group.
  if (node === undefined) return;
  env.node = node;
  refuseSuffix(this);
}

function readPrimary(scope: Scope, start: number): Node | undefined {
  const code = scope.code;
  const unary = unaryAt(scope.expr, start);
  if (unary !== undefined) return readUnary(scope, start, unary);
  if (isDigit(code) || code === PERIOD) return spanned(scope.gobbleNumericLiteral(), start, scope);
  if (code === QUOTE_DOUBLE || code === QUOTE_SINGLE) return readString(scope, start);
  if (code === PAREN_OPEN) return readGroup(scope, start);
  if (code === BRACKET_OPEN) return fail(scope, start, 'lists [...] are not supported');
  if (isNameStart(code)) return readName(scope, start);
  return undefined;
}

function unaryAt(source: string, at: number): string | undefined {
  const char = source.charAt(at);
  if (char === '-' || char === '!' || char === '+' || char === '~') return char;
  if (source.startsWith('not', at) && !isNamePart(source.charCodeAt(at + 3))) return 'not';
  return undefined;
}

function readUnary(scope: Scope, start: number, operator: string): Node {
  if (operator === '+' || operator === '~') return fail(scope, start, `unary '${operator}' is not supported`);
  scope.index = start + operator.length;
  const argument = scope.gobbleToken();
  if (!argument) return fail(scope, scope.index, `expected an expression after '${operator}'`);
  return { type: 'UnaryExpression', operator, argument, prefix: true, start };
}

function readString(scope: Scope, start: number): Node {
  // jsep reports an unclosed quote at the end of the input; the opening quote is more use.
  const source = scope.expr;
  const quote = source.charAt(start);
  let at = start + 1;
  while (at < source.length && source.charAt(at) !== quote) at += source.charAt(at) === '\\' ? 2 : 1;
  if (at >= source.length) return fail(scope, start, 'this string has no closing quote');
  return spanned(scope.gobbleStringLiteral(), start, scope);
}

function readGroup(scope: Scope, start: number): Node {
  // jsep types gobbleGroup as always returning a node; `()` gives false.
  const inner: unknown = scope.gobbleGroup();
  return isNode(inner) ? inner : fail(scope, start, 'empty parentheses');
}

/** A field path (`a`, `payload.amount`), a literal word, or a call `name(args)`. */
function readName(scope: Scope, start: number): Node {
  const word = readWord(scope);
  const literal = LITERALS.get(word);
  if (literal !== undefined) return { type: 'Literal', value: literal, raw: word, start, end: scope.index };
  if (word === 'this' || word === 'new') return fail(scope, start, `'${word}' is not supported`);
  if (word === 'and' || word === 'or') return fail(scope, start, `'${word}' needs an expression on each side`);
  let name = word;
  while (scope.code === PERIOD) {
    scope.index++;
    if (!isNamePart(scope.code)) return fail(scope, scope.index, "expected the rest of a field name after '.'");
    name += `.${readWord(scope)}`;
  }
  const end = scope.index;
  const identifier = { type: 'Identifier', name, start, end };
  scope.gobbleSpaces();
  if (scope.code !== PAREN_OPEN) return identifier;
  scope.index++;
  const args = nodes(scope.gobbleArguments(PAREN_CLOSE));
  return { type: 'CallExpression', callee: identifier, arguments: args, start, end: scope.index };
}

function readWord(scope: Scope): string {
  const from = scope.index;
  while (isNamePart(scope.code)) scope.index++;
  return scope.expr.slice(from, scope.index);
}

/** Member access and calls on values would reach JS objects; only names may be called. */
function refuseSuffix(scope: Scope): void {
  scope.gobbleSpaces();
  const code = scope.code;
  if (code === PERIOD) fail(scope, scope.index, "'.' can only join the parts of a field name");
  if (code === BRACKET_OPEN) fail(scope, scope.index, "brackets are not supported; write a dotted field name as it is, like payload.amount");
  if (code === PAREN_OPEN) fail(scope, scope.index, 'only functions can be called, by their name');
}

function spanned(node: jsep.PossibleExpression, start: number, scope: Scope): Node {
  if (node === undefined) return fail(scope, start, 'expected a value');
  return { ...node, start, end: scope.index };
}

function fail(scope: Scope, index: number, message: string): never {
  scope.index = index;
  return scope.throwError(message);
}

function nodes(value: unknown): Node[] {
  // jsep types gobbleArguments as one node; it returns the argument list.
  if (!Array.isArray(value)) throw new Error('jsep gobbleArguments did not return a list');
  const list: Node[] = [];
  for (const item of value as readonly unknown[]) {
    if (!isNode(item)) throw new Error('jsep gobbleArguments returned a hole');
    list.push(item);
  }
  return list;
}

/** Whether a value jsep handed back is one of its nodes. */
export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** jsep's rule: ASCII letters, `$`, `_`, and anything non-ASCII. */
function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 36 || code === 95 || code >= 128;
}

function isNamePart(code: number): boolean {
  return isNameStart(code) || isDigit(code);
}
