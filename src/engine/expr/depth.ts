/**
 * Limits on how deep an expression may go, checked before anything recurses
 * over it. jsep, the tree conversion, the checker, the compiler and the
 * compiled closures all recurse, one level per nesting or per operation; an
 * expression a user (or a hostile document) writes must not choose how deep
 * the JavaScript stack goes, so both measures are bounded here, with loops.
 */
import type jsep from 'jsep';
import { SourceError } from './errors';
import { isNode } from './positions';

/** How deep parentheses, calls, `-`/`!`/`not` and `?:` may nest inside each other. */
export const MAX_NESTING = 64;

/**
 * How many operations may sit one inside another (the height of the tree):
 * `a + a + ... + a` with 500 `+` is the longest such chain. Every later pass
 * recurses along it, so this, not the length of the text, is what is bounded.
 */
export const MAX_CHAIN = 500;

/** The limits a parse runs under; tests lift them to compare with an unlimited parse. */
export interface DepthLimits {
  readonly nesting: number;
  readonly chain: number;
}

export const DEFAULT_LIMITS: DepthLimits = { nesting: MAX_NESTING, chain: MAX_CHAIN };

interface Frame {
  /** `-`, `!` or `not` written just before this group, open until it closes. */
  readonly unary: number;
  /** `?` opened inside this group; each stays open to the group's end (or the next argument). */
  ternary: number;
}

/**
 * Scans the text (no tree yet, so nothing recurses) and throws at the first
 * character that opens a level beyond `limit`. The count is jsep's own
 * recursion: a `(` opens a level until its `)`, a prefix operator until its
 * operand ends, a `?` until its group (or argument) ends. Strings are skipped.
 */
export function refuseDeepNesting(source: string, limit: number): void {
  const frames: Frame[] = [{ unary: 0, ternary: 0 }];
  let depth = 0;
  let pendingUnary = 0;
  let afterOperand = false;
  const enter = (at: number): void => {
    depth++;
    if (depth > limit) throw new SourceError(at, `nesting deeper than ${limit} levels (parentheses, calls, '-', 'not' and '?:' inside each other)`);
  };
  const top = (): Frame => frames[frames.length - 1]!;
  let at = 0;
  while (at < source.length) {
    const char = source.charAt(at);
    if (char === '"' || char === "'") {
      at = skipString(source, at);
      depth -= pendingUnary;
      pendingUnary = 0;
      afterOperand = true;
      continue;
    }
    if (isWordPart(source.charCodeAt(at))) {
      const end = wordEnd(source, at);
      const word = source.slice(at, end);
      if (word === 'not' && !afterOperand) {
        pendingUnary++;
        enter(at);
      } else if (word === 'and' || word === 'or') {
        afterOperand = false;
      } else {
        // A call's `(` keeps the prefix operators open; anything else is a whole operand.
        if (source.charAt(skipSpaces(source, end)) !== '(') {
          depth -= pendingUnary;
          pendingUnary = 0;
        }
        afterOperand = true;
      }
      at = end;
      continue;
    }
    if (char === '(') {
      frames.push({ unary: pendingUnary, ternary: 0 });
      pendingUnary = 0;
      afterOperand = false;
      enter(at);
    } else if (char === ')') {
      const frame = frames.length > 1 ? frames.pop()! : undefined;
      if (frame !== undefined) depth -= 1 + frame.unary + frame.ternary;
      afterOperand = true;
    } else if (char === '?') {
      top().ternary++;
      afterOperand = false;
      enter(at);
    } else if (char === ',') {
      depth -= top().ternary;
      top().ternary = 0;
      afterOperand = false;
    } else if ((char === '-' || char === '!') && !afterOperand && source.charAt(at + 1) !== '=') {
      pendingUnary++;
      enter(at);
    } else if (!/\s/.test(char)) {
      afterOperand = false;
    }
    at++;
  }
}

type Node = jsep.Expression;

interface Visit {
  readonly node: Node;
  readonly children: readonly Node[];
  next: number;
  height: number;
}

/**
 * Walks jsep's tree with an explicit stack and throws at the first operation
 * (in reading order) that makes a chain longer than `limit`: for a long
 * `a + a + ...` that is the `+` number `limit + 1`.
 */
export function refuseLongChains(root: Node, source: string, limit: number): void {
  const stack: Visit[] = [visitOf(root)];
  for (;;) {
    const top = stack[stack.length - 1]!;
    const child = top.children[top.next++];
    if (child !== undefined) {
      stack.push(visitOf(child));
      continue;
    }
    stack.pop();
    const height = top.height + (top.children.length > 0 ? 1 : 0);
    if (height > limit) {
      throw new SourceError(
        operatorIndex(top.node, source),
        `more than ${limit} operations in one chain; split it into several fields of a map node`,
      );
    }
    const parent = stack[stack.length - 1];
    if (parent === undefined) return;
    parent.height = Math.max(parent.height, height);
  }
}

/** The operands of a node (a call's name is not one: it is part of the call). */
function visitOf(node: Node): Visit {
  const children: Node[] = [];
  for (const key of ['argument', 'left', 'right', 'test', 'consequent', 'alternate', 'arguments', 'body', 'expressions']) {
    const value: unknown = Object.hasOwn(node, key) ? node[key] : undefined;
    if (isNode(value)) children.push(value);
    else if (Array.isArray(value)) for (const item of value as readonly unknown[]) if (isNode(item)) children.push(item);
  }
  return { node, children, next: 0, height: 0 };
}

/** Where an operation is written: a binary operator or `?` after its left operand, or the node's own start. */
function operatorIndex(node: Node, source: string): number {
  const start = node['start'];
  if (typeof start === 'number') return start;
  const left = node['left'] ?? node['test'];
  const operator = node.type === 'ConditionalExpression' ? '?' : node['operator'];
  if (!isNode(left) || typeof operator !== 'string') return 0;
  return findOperator(source, endOf(left), operator);
}

/** Where a node's text ends: its last operand's end (a loop, as the tree may be deep on that side too). */
function endOf(node: Node): number {
  let at: Node = node;
  for (;;) {
    const end = at['end'];
    if (typeof end === 'number') return end;
    const last = at['right'] ?? at['alternate'] ?? at['argument'];
    if (!isNode(last)) return 0;
    at = last;
  }
}

/** The operator follows its left operand after spaces and the `)` of any groups that operand closes. */
export function findOperator(source: string, from: number, operator: string): number {
  let at = from;
  while (at < source.length && /[\s)]/.test(source.charAt(at))) at++;
  return source.startsWith(operator, at) ? at : from;
}

function skipString(source: string, from: number): number {
  const quote = source.charAt(from);
  let at = from + 1;
  while (at < source.length && source.charAt(at) !== quote) at += source.charAt(at) === '\\' ? 2 : 1;
  return at + 1;
}

function skipSpaces(source: string, from: number): number {
  let at = from;
  while (at < source.length && /\s/.test(source.charAt(at))) at++;
  return at;
}

function wordEnd(source: string, from: number): number {
  let at = from;
  while (at < source.length && isWordPart(source.charCodeAt(at))) at++;
  return at;
}

/** Names, numbers and dotted paths: ASCII letters and digits, `$`, `_`, `.` and anything non-ASCII. */
function isWordPart(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 36 || code === 95 || code === 46 || code >= 128;
}
