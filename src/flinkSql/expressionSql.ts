/**
 * Our checked expression tree to Flink SQL text. Each node becomes a piece
 * of SQL with its Flink type and the precedence of its outermost operator,
 * so a parent adds parentheses exactly where SQL would otherwise group
 * differently from our parser. Arithmetic is kept in DOUBLE, as ours is:
 * where both operands are exact (integer literals, BIGINT times), the left
 * one is made DOUBLE first, or Flink would divide integers as integers.
 */
import type { FieldType } from '../engine/batch';
import type { ComparisonOperator } from '../engine/expr/ast';
import type { Typed } from '../engine/expr/types';
import type { NoteId } from './expressionNotes';
import { FLINK_FIELD_TYPES, isExact, isInteger, type SqlType } from './expressionTypes';
import { ident, stringLiteral } from './identifiers';

/** Precedence levels, loosest first; an atom (literal, field, call, CASE, parenthesised) binds tightest. */
const OR = 22;
const AND = 24;
const NOT = 26;
const COMPARE = 30;
const ADD = 40;
const CONCAT = 45;
const MULTIPLY = 60;
const NEGATE = 90;
const ATOM = 100;

/** A translated subexpression. */
interface Sql {
  readonly text: string;
  readonly type: SqlType;
  readonly precedence: number;
  /** The value of a number literal, so it can be made DOUBLE by its spelling rather than a CAST. */
  readonly literal?: number;
}

/** How parentheses are placed: `minimal` for people, `all` (every compound operand) for tests that compare the two. */
export type Parenthesize = 'minimal' | 'all';

/** Thrown for a part with no Flink SQL spelling; caught by translateExpression and returned as a reason. */
export class Untranslatable extends Error {}

const COMPARISONS: ReadonlyMap<ComparisonOperator, string> = new Map<ComparisonOperator, string>([
  ['==', '='],
  ['!=', '<>'],
  ['<', '<'],
  ['<=', '<='],
  ['>', '>'],
  ['>=', '>='],
]);

/**
 * Translates a checked tree whose result has our type `type` into SQL of
 * that type's Flink type, with the notes it calls for. `columnTypes` gives
 * a field's Flink type where it is not the default of its type
 * (FLINK_FIELD_TYPES): a COUNT is BIGINT, a window bound TIMESTAMP(3).
 */
export function typedToSql(
  typed: Typed, type: FieldType, parenthesize: Parenthesize = 'minimal', columnTypes: ReadonlyMap<string, string> = new Map(),
): { sql: string; notes: NoteId[] } {
  const printer = new Printer(parenthesize, columnTypes);
  const root = printer.root(printer.visit(typed), type);
  // An operator at the top is parenthesised: the grammar check (dt-sql-parser 4.5.1) misreads
  // `x + f(y) AS v` and `x AND f(y)` in a select list, and the parentheses cost Flink nothing.
  const sql = root.precedence < ATOM ? `(${root.text})` : root.text;
  if (printer.readsField && printer.compares) printer.notes.add('missingComparison');
  return { sql, notes: [...printer.notes] };
}

class Printer {
  readonly notes = new Set<NoteId>();
  readsField = false;
  compares = false;

  constructor(
    private readonly mode: Parenthesize,
    private readonly columnTypes: ReadonlyMap<string, string>,
  ) {}

  /** Gives the root the Flink type of our result type, so a sink column is always DOUBLE, BIGINT, STRING or BOOLEAN. */
  root(sql: Sql, type: FieldType): Sql {
    const wanted = FLINK_FIELD_TYPES[type];
    if (sql.type === wanted) return sql;
    if (wanted === 'DOUBLE') return this.asDouble(sql);
    if (type === 'time' && !isInteger(sql.type)) this.notes.add('timeTruncated');
    return cast(sql, wanted);
  }

  visit(node: Typed): Sql {
    switch (node.kind) {
      case 'const':
        return this.constant(node.value, node.type === 'null' ? 'number' : node.type);
      case 'field':
        this.readsField = true;
        if (node.type === 'boolean') this.notes.add('missingBoolean');
        return { text: ident(node.name), type: this.fieldType(node.name, node.type), precedence: ATOM };
      case 'negate': {
        const argument = this.visit(node.argument);
        // `-` then an operand starting with `-` would be a `--` comment: a negation is wrapped.
        const operand = argument.precedence === NEGATE || argument.text.startsWith('-') ? parenthesised(argument) : this.operand(argument, ATOM);
        return { text: `-${operand.text}`, type: argument.type, precedence: NEGATE };
      }
      case 'not':
        // NOT binds looser than a comparison in SQL; the comparison is parenthesised anyway, for the reader.
        return { text: `NOT ${this.operand(this.visit(node.argument), COMPARE + 1).text}`, type: 'BOOLEAN', precedence: NOT };
      case 'binary':
        return this.binary(node);
      case 'conditional': {
        const test = this.visit(node.test);
        const consequent = this.branch(node.consequent, node.type);
        const alternate = this.branch(node.alternate, node.type);
        const text = `CASE WHEN ${test.text} THEN ${consequent.text} ELSE ${alternate.text} END`;
        return { text, type: common([consequent.type, alternate.type]), precedence: ATOM };
      }
      case 'call':
        return this.call(node.fn.name, node.args, node.type);
    }
  }

  /**
   * The Flink type a field is read as. A time must be epoch milliseconds
   * (BIGINT or another number): a TIMESTAMP or a STRING time has no exact
   * epoch-millisecond reading in Flink SQL, so the expression cannot map.
   */
  private fieldType(name: string, type: FieldType): SqlType {
    const given = this.columnTypes.get(name);
    if (given === undefined) return FLINK_FIELD_TYPES[type];
    const sqlType = sqlTypeOf(given);
    if (sqlType === undefined || ((type === 'number' || type === 'time') && (sqlType === 'STRING' || sqlType === 'BOOLEAN'))) {
      const what = type === 'time' ? 'a time, which our expressions read as epoch milliseconds' : `a ${type}`;
      throw new Untranslatable(`it reads '${name}', ${what}, but the field is ${given} in Flink`);
    }
    return sqlType;
  }

  /** A literal; null only where the checker allows it (a `?:` branch, a coalesce argument), typed by its context. */
  private constant(value: number | string | boolean | null, type: FieldType): Sql {
    if (value === null) return { text: `CAST(NULL AS ${FLINK_FIELD_TYPES[type]})`, type: FLINK_FIELD_TYPES[type], precedence: ATOM };
    if (typeof value === 'string') return { text: stringLiteral(value), type: 'STRING', precedence: ATOM };
    if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', type: 'BOOLEAN', precedence: ATOM };
    return numberLiteral(value);
  }

  private branch(node: Typed, type: FieldType): Sql {
    if (node.kind === 'const' && node.value === null) return this.constant(null, type);
    return this.visit(node);
  }

  private binary(node: Typed & { kind: 'binary' }): Sql {
    const left = this.visit(node.left);
    const right = this.visit(node.right);
    switch (node.operator) {
      case '&&':
        return this.infix(left, 'AND', right, AND, 'BOOLEAN');
      case '||':
        return this.infix(left, 'OR', right, OR, 'BOOLEAN');
      case '==':
      case '!=':
      case '<':
      case '<=':
      case '>':
      case '>=':
        this.compares = true;
        if (node.left.type === 'string' && node.operator !== '==' && node.operator !== '!=') this.notes.add('stringOrder');
        // Comparisons never nest without parentheses: SQL reads `a = b < c` as `(a = b) < c`, ours as `a = (b < c)`.
        return this.infix(left, COMPARISONS.get(node.operator) ?? '=', right, COMPARE, 'BOOLEAN', COMPARE + 1);
      case '+':
        if (node.type === 'string') return this.infix(left, '||', right, CONCAT, 'STRING');
        return this.arithmetic(left, '+', right, ADD, node.type);
      case '-':
        return this.arithmetic(left, '-', right, ADD, node.type);
      case '*':
        return this.arithmetic(left, '*', right, MULTIPLY, node.type);
      case '/':
        // 0 / 0 is NaN; a divisor that is a non-zero literal never makes one (a missing operand is NULL in Flink).
        if (!nonZeroLiteral(node.right)) this.notes.add('nan');
        return this.arithmetic(left, '/', right, MULTIPLY, node.type);
      case '%':
        if (!nonZeroLiteral(node.right)) this.notes.add('nan');
        return this.remainder(left, right);
    }
  }

  /**
   * `left op right` in DOUBLE, as ours computes. A time moved by a whole
   * number of milliseconds stays BIGINT (exact either way), so hour() and
   * minute() can read it without a cast.
   */
  private arithmetic(left: Sql, operator: '+' | '-' | '*' | '/', right: Sql, precedence: number, type: FieldType): Sql {
    const additive = operator === '+' || operator === '-';
    if (additive && type === 'time' && isInteger(left.type) && isInteger(right.type)) {
      return this.infix(left, operator, right, precedence, left.type === 'BIGINT' || right.type === 'BIGINT' ? 'BIGINT' : 'INT');
    }
    if (left.type === 'DOUBLE' || right.type === 'DOUBLE') return this.infix(left, operator, right, precedence, 'DOUBLE');
    // No note: with the DOUBLE operand the result is ours (a note is only for a difference that remains).
    return this.infix(this.asDouble(left), operator, right, precedence, 'DOUBLE');
  }

  /**
   * `%`. Flink's MOD takes exact numbers only, so it serves integers divided
   * by a non-zero integer literal (a zero divisor would fail the job); any
   * other remainder is spelled out with the truncated quotient, as ours
   * (JavaScript's `%`) defines it: a - b * (SIGN(a / b) * FLOOR(ABS(a / b))).
   */
  private remainder(left: Sql, right: Sql): Sql {
    if (isInteger(left.type) && isInteger(right.type) && right.literal !== undefined && right.literal !== 0) {
      return { text: `MOD(${left.text}, ${right.text})`, type: right.type, precedence: ATOM };
    }
    this.notes.add('remainder');
    const a = left.type === 'DOUBLE' || right.type === 'DOUBLE' ? left : this.asDouble(left);
    const quotient = this.infix(a, '/', right, MULTIPLY, 'DOUBLE');
    const truncated = this.infix(call('SIGN', [quotient], 'DOUBLE'), '*', call('FLOOR', [call('ABS', [quotient], 'DOUBLE')], 'DOUBLE'), MULTIPLY, 'DOUBLE');
    return this.infix(a, '-', this.infix(right, '*', truncated, MULTIPLY, 'DOUBLE'), ADD, 'DOUBLE');
  }

  private call(name: string, args: readonly Typed[], type: FieldType): Sql {
    const sql = (): Sql[] => args.map((arg) => this.visit(arg));
    switch (name) {
      case 'abs':
      case 'floor':
      case 'ceil': {
        const [x] = sql();
        return call(name.toUpperCase(), [need(x)], need(x).type);
      }
      case 'sqrt':
        this.notes.add('nan');
        return call('SQRT', sql(), 'DOUBLE');
      case 'log':
        this.notes.add('nan');
        return call('LN', sql(), 'DOUBLE');
      case 'hour':
      case 'minute': {
        this.notes.add('clock');
        const time = need(sql()[0]);
        // Ours truncates fractional milliseconds toward zero, as the cast does.
        const ms = time.type === 'BIGINT' ? time : cast(time, 'BIGINT');
        // HOUR of a TIMESTAMP_LTZ reads the session time zone, which the script sets to UTC, as ours always is.
        // Cast at once to our number's DOUBLE: the grammar check (dt-sql-parser) also refuses HOUR(...) as a function argument.
        return cast(call(name.toUpperCase(), [call('TO_TIMESTAMP_LTZ', [ms, numberLiteral(3)], 'BIGINT')], 'BIGINT'), 'DOUBLE');
      }
      case 'round': {
        this.notes.add('round');
        const [x, digits] = sql();
        const places = digits === undefined ? numberLiteral(0) : digits.type === 'INT' ? digits : cast(digits, 'INT');
        return call('ROUND', [need(x), places], need(x).type);
      }
      case 'min':
      case 'max': {
        const values = sql();
        return call(name === 'min' ? 'LEAST' : 'GREATEST', values, common(values.map((v) => v.type)));
      }
      case 'lower':
      case 'upper':
        this.notes.add('caseMapping');
        return call(name.toUpperCase(), sql(), 'STRING');
      case 'len':
        return call('CHAR_LENGTH', sql(), 'INT');
      case 'contains': {
        this.compares = true;
        const [text, part] = sql();
        const position: Sql = { text: `POSITION(${need(part).text} IN ${need(text).text})`, type: 'INT', precedence: ATOM };
        return this.infix(position, '>', numberLiteral(0), COMPARE, 'BOOLEAN', COMPARE + 1);
      }
      case 'startsWith':
        this.compares = true;
        return call('STARTSWITH', sql(), 'BOOLEAN');
      case 'coalesce': {
        const values = args.map((arg) => this.branch(arg, type));
        return call('COALESCE', values, common(values.map((v) => v.type)));
      }
      default:
        throw new Untranslatable(`the function ${name}() has no Flink SQL translation`);
    }
  }

  /**
   * `left op right`: the left operand may have the operator's own
   * precedence (SQL's binary operators group to the left, like ours), the
   * right must bind tighter, unless `rightMin` says otherwise.
   */
  private infix(left: Sql, operator: string, right: Sql, precedence: number, type: SqlType, leftMin = precedence): Sql {
    const l = this.operand(left, leftMin);
    const r = this.operand(right, Math.max(leftMin, precedence + 1));
    return { text: `${l.text} ${operator} ${r.text}`, type, precedence };
  }

  private operand(sql: Sql, min: number): Sql {
    const wrap = this.mode === 'all' ? sql.precedence < ATOM : sql.precedence < min;
    return wrap ? parenthesised(sql) : sql;
  }

  /** `sql` as DOUBLE: a number literal by its spelling (`7E0`), anything else by a CAST. */
  private asDouble(sql: Sql): Sql {
    if (sql.type === 'DOUBLE') return sql;
    if (sql.literal !== undefined) return { text: `${sql.text}E0`, type: 'DOUBLE', precedence: ATOM, literal: sql.literal };
    return cast(sql, 'DOUBLE');
  }
}

/**
 * A number literal typed the way Flink types it: whole numbers are INT or
 * BIGINT, decimals DECIMAL, exponents DOUBLE. Arithmetic makes exact ones
 * DOUBLE where it matters (see Printer.arithmetic).
 */
function numberLiteral(value: number): Sql {
  if (!Number.isFinite(value)) throw new Untranslatable('a number literal beyond ±1.8e308 is infinite in ours, and Flink SQL has no infinite literal');
  const text = String(value).replace('e', 'E');
  if (Number.isInteger(value) && !text.includes('E')) {
    if (value <= 2_147_483_647) return { text, type: 'INT', precedence: ATOM, literal: value };
    if (value < 2 ** 63) return { text, type: 'BIGINT', precedence: ATOM, literal: value };
    return { text: `${text}E0`, type: 'DOUBLE', precedence: ATOM };
  }
  if (text.includes('E')) return { text, type: 'DOUBLE', precedence: ATOM };
  return { text, type: 'DECIMAL', precedence: ATOM, literal: value };
}

/** The translator's type for a Flink column type, or undefined for one it cannot compute with (TIMESTAMP, ...). */
function sqlTypeOf(flinkType: string): SqlType | undefined {
  const type = flinkType.toUpperCase();
  if (type === 'DOUBLE' || type === 'FLOAT') return 'DOUBLE';
  if (type === 'BIGINT') return 'BIGINT';
  if (type === 'INT' || type === 'INTEGER' || type === 'SMALLINT' || type === 'TINYINT') return 'INT';
  if (type.startsWith('DECIMAL')) return 'DECIMAL';
  if (type === 'STRING' || type.startsWith('VARCHAR') || type.startsWith('CHAR')) return 'STRING';
  if (type === 'BOOLEAN') return 'BOOLEAN';
  return undefined;
}

function nonZeroLiteral(node: Typed): boolean {
  return node.kind === 'const' && typeof node.value === 'number' && node.value !== 0;
}

function call(name: string, args: readonly Sql[], type: SqlType): Sql {
  return { text: `${name}(${args.map((arg) => arg.text).join(', ')})`, type, precedence: ATOM };
}

function cast(sql: Sql, type: SqlType): Sql {
  return { text: `CAST(${sql.text} AS ${type})`, type, precedence: ATOM };
}

function parenthesised(sql: Sql): Sql {
  return { text: `(${sql.text})`, type: sql.type, precedence: ATOM };
}

/** The type Flink gives a CASE, COALESCE, LEAST or GREATEST of these types (as far as the translator needs it). */
function common(types: readonly SqlType[]): SqlType {
  const first = types[0] ?? 'DOUBLE';
  if (types.every((type) => type === first)) return first;
  if (types.includes('DOUBLE')) return 'DOUBLE';
  if (types.includes('DECIMAL')) return 'DECIMAL';
  return types.every(isExact) ? 'BIGINT' : first;
}

function need(sql: Sql | undefined): Sql {
  if (sql === undefined) throw new Error('the checker let a call through with too few arguments');
  return sql;
}
