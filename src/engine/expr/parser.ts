/**
 * Source text to syntax tree: jsep (with our token rules) builds its nodes,
 * then this file turns them into the typed {@link Expr}, refusing operators
 * the language lacks and turning jsep's character index into a column.
 */
import type jsep from 'jsep';
import type { BinaryOperator, Expr, ParseResult } from './ast';
import { DEFAULT_LIMITS, findOperator, refuseDeepNesting, refuseLongChains, type DepthLimits } from './depth';
import { catchSourceError, SourceError } from './errors';
import { isNode, parseWithPositions } from './positions';

type Node = jsep.Expression;

const BINARY: ReadonlyMap<string, BinaryOperator> = new Map<string, BinaryOperator>([
  ...(['+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', '&&', '||'] as const).map(
    (op) => [op, op] as const,
  ),
  ['and', '&&'],
  ['or', '||'],
]);

/** Why an operator jsep knows is refused, with what to write instead. */
const REFUSED: ReadonlyMap<string, string> = new Map([
  ['===', "use '==' instead of '==='"],
  ['!==', "use '!=' instead of '!=='"],
  ['&', "'&' is not supported; use '&&' or 'and'"],
  ['|', "'|' is not supported; use '||' or 'or'"],
  ['??', "'??' is not supported; use coalesce(a, b)"],
  ['**', "'**' is not supported"],
]);

/** Parses an expression into its syntax tree, or the first syntax error with its column. */
export function parseExpression(source: string): ParseResult {
  const result = catchSourceError(() => parseOrThrow(source));
  return result.ok ? { ok: true, ast: result.value } : result;
}

/**
 * Like {@link parseExpression} but throws a {@link SourceError}. The depth
 * limits are checked with loops first, so nothing after them recurses deeper
 * than they allow; `limits` is for tests that compare with an unlimited parse.
 */
export function parseOrThrow(source: string, limits: DepthLimits = DEFAULT_LIMITS): Expr {
  refuseDeepNesting(source, limits.nesting);
  const tree = runJsep(source);
  refuseLongChains(tree, source, limits.chain);
  const ast = convert(tree, source);
  requireNothingAround(ast, source);
  return ast;
}

function runJsep(source: string): Node {
  try {
    return parseWithPositions(source);
  } catch (e) {
    if (e instanceof Error && 'index' in e && typeof e.index === 'number') {
      const description = 'description' in e && typeof e.description === 'string' ? e.description : e.message;
      // jsep steps past a stray `,` or `)` before reporting it.
      const index = description.startsWith('Unexpected token') ? Math.max(0, e.index - 1) : e.index;
      throw new SourceError(index, wordJsepError(description));
    }
    throw e;
  }
}

function wordJsepError(description: string): string {
  if (description === 'Unexpected "="') return "unexpected '=' (compare with '==')";
  const text = description.replace('Variable names cannot start with a number', 'names cannot start with a digit');
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function convert(node: Node, source: string): Expr {
  switch (node.type) {
    case 'Literal': {
      const value = node['value'];
      if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' || value === null) {
        return { kind: 'literal', value, start: position(node, 'start'), end: position(node, 'end') };
      }
      throw new SourceError(position(node, 'start'), 'this kind of literal is not supported');
    }
    case 'Identifier':
      return { kind: 'field', name: text(node, 'name'), start: position(node, 'start'), end: position(node, 'end') };
    case 'CallExpression': {
      const args = children(node, 'arguments').map((arg) => convert(arg, source));
      const name = text(child(node, 'callee'), 'name');
      return { kind: 'call', name, args, start: position(node, 'start'), end: position(node, 'end') };
    }
    case 'UnaryExpression': {
      const argument = convert(child(node, 'argument'), source);
      const operator = text(node, 'operator') === '-' ? '-' : '!';
      return { kind: 'unary', operator, argument, start: position(node, 'start'), end: argument.end };
    }
    case 'BinaryExpression':
      return convertBinary(node, source);
    case 'ConditionalExpression': {
      const test = convert(child(node, 'test'), source);
      const consequent = convert(child(node, 'consequent'), source);
      const alternate = convert(child(node, 'alternate'), source);
      return { kind: 'conditional', test, consequent, alternate, start: test.start, end: alternate.end };
    }
    case 'Compound':
    case 'SequenceExpression': {
      const parts = children(node, node.type === 'Compound' ? 'body' : 'expressions');
      const second = parts[1];
      if (second === undefined) throw new SourceError(0, 'the expression is empty');
      throw new SourceError(startOf(second), 'expected an operator before this');
    }
    default:
      throw new SourceError(startOf(node), 'this syntax is not supported');
  }
}

function convertBinary(node: Node, source: string): Expr {
  const left = convert(child(node, 'left'), source);
  const right = convert(child(node, 'right'), source);
  const written = text(node, 'operator');
  const operatorStart = findOperator(source, left.end, written);
  const operator = BINARY.get(written);
  if (operator === undefined) {
    throw new SourceError(operatorStart, REFUSED.get(written) ?? `operator '${written}' is not supported`);
  }
  return { kind: 'binary', operator, left, right, operatorStart, start: left.start, end: right.end };
}

/** jsep skips `;` and `,` between top-level expressions; outside the tree only spaces and parentheses may remain. */
function requireNothingAround(ast: Expr, source: string): void {
  const before = /^[\s(]*/.exec(source)?.[0].length ?? 0;
  if (before < ast.start) throw new SourceError(before, `unexpected '${source.charAt(before)}'`);
  const after = ast.end + (/^[\s)]*/.exec(source.slice(ast.end))?.[0].length ?? 0);
  if (after < source.length) throw new SourceError(after, `unexpected '${source.charAt(after)}'`);
}

function startOf(node: Node): number {
  const start = node['start'];
  if (typeof start === 'number') return start;
  const first = node['left'] ?? node['test'];
  return isNode(first) ? startOf(first) : 0;
}

function position(node: Node, key: 'start' | 'end'): number {
  const value = node[key];
  if (typeof value !== 'number') throw new Error(`jsep node ${node.type} has no ${key}`);
  return value;
}

function text(node: Node, key: string): string {
  const value = node[key];
  if (typeof value !== 'string') throw new Error(`jsep node ${node.type} has no ${key}`);
  return value;
}

function child(node: Node, key: string): Node {
  const value = node[key];
  if (!isNode(value)) throw new Error(`jsep node ${node.type} has no ${key}`);
  return value;
}

function children(node: Node, key: string): Node[] {
  const value = node[key];
  if (!Array.isArray(value)) throw new Error(`jsep node ${node.type} has no list ${key}`);
  return value.map((item: unknown) => {
    if (!isNode(item)) throw new Error(`jsep node ${node.type} has a hole`);
    return item;
  });
}
