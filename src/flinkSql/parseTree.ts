/**
 * Reads a view statement back from dt-sql-parser's FlinkSQL parse tree, for
 * the structural tests: its window function and intervals (in ms, read
 * from the literals independently of intervals.ts), its GROUP BY columns
 * and its aggregate calls. Test-only (dt-sql-parser is a dev dependency).
 */
import type { ParseTree } from 'antlr4ng';
import { FlinkSQL } from 'dt-sql-parser';

const parser = new FlinkSQL();

export interface ViewStructure {
  /** TUMBLE, HOP, CUMULATE (table functions) or SESSION, HOP (group windows); null without a window. */
  readonly window: { readonly fn: string; readonly form: 'tvf' | 'group'; readonly intervalsMs: readonly number[] } | null;
  /** GROUP BY columns (the group window itself left out), unquoted. */
  readonly groupBy: readonly string[];
  /** Aggregate calls of the select list by their alias: `COUNT`, `COUNT DISTINCT`, `SUM`..., and the column they read (`*` for none). */
  readonly aggregates: ReadonlyMap<string, { readonly fn: string; readonly column: string }>;
}

const AGGREGATE_NAMES = new Set(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'VAR_SAMP', 'STDDEV_SAMP', 'PERCENTILE', 'FIRST_VALUE', 'LAST_VALUE', 'APPROX_COUNT_DISTINCT']);

function name(tree: ParseTree): string {
  return tree.constructor.name.replace(/Context$/, '');
}

function children(tree: ParseTree): ParseTree[] {
  const list: ParseTree[] = [];
  for (let i = 0; i < tree.getChildCount(); i++) list.push(tree.getChild(i)!);
  return list;
}

function all(tree: ParseTree, kind: string, out: ParseTree[] = []): ParseTree[] {
  if (name(tree) === kind) out.push(tree);
  for (const child of children(tree)) all(child, kind, out);
  return out;
}

function first(tree: ParseTree, kind: string): ParseTree | null {
  return all(tree, kind)[0] ?? null;
}

/** An identifier's text without its backticks (a doubled backtick is one). */
export function unquote(text: string): string {
  return text.startsWith('`') ? text.slice(1, -1).replaceAll('``', '`') : text;
}

const UNIT_MS: Readonly<Record<string, number>> = { DAY: 86_400_000, HOUR: 3_600_000, MINUTE: 60_000, SECOND: 1000 };

/** An interval literal's length in ms: `INTERVAL '1:40' MINUTE TO SECOND` is 100000. */
export function intervalMs(tree: ParseTree): number {
  const value = first(tree, 'IntervalValue')?.getText() ?? '';
  const units = all(tree, 'TimeIntervalUnit').map((u) => u.getText().toUpperCase());
  const text = value.replace(/^'|'$/g, '');
  const negative = text.startsWith('-');
  const fields = text.replace(/^-/, '').split(/[ :]/).map(Number);
  const order = ['DAY', 'HOUR', 'MINUTE', 'SECOND'];
  const start = order.indexOf(units[0] ?? 'SECOND');
  const ms = fields.reduce((sum, v, i) => sum + v * (UNIT_MS[order[start + i] ?? 'SECOND'] ?? 0), 0);
  return Math.round(negative ? -ms : ms);
}

/** The structure of the first statement of `sql`. */
export function viewStructure(sql: string): ViewStructure {
  const tree = parser.parse(sql);
  const tvf = first(tree, 'WindowTVFExpression');
  // The grammar reads SESSION(...) in GROUP BY as its group window rule and HOP(...) as a function call: both are group windows.
  const isGroupWindow = (g: ParseTree) => first(g, 'GroupWindowFunction') !== null || /^(TUMBLE|HOP|SESSION)\(/i.test(g.getText());
  const items = all(tree, 'GroupItemDefinition');
  const group = items.find(isGroupWindow) ?? null;
  let window: ViewStructure['window'] = null;
  if (tvf !== null) {
    const fn = first(tvf, 'WindowTVFName')?.getText().toUpperCase() ?? '';
    window = { fn, form: 'tvf', intervalsMs: all(tvf, 'TimeIntervalExpression').map(intervalMs) };
  } else if (group !== null) {
    const fn = /^[A-Za-z]+/.exec(group.getText())?.[0]?.toUpperCase() ?? '';
    window = { fn, form: 'group', intervalsMs: all(group, 'TimeIntervalExpression').map(intervalMs) };
  }
  const groupBy = items.filter((g) => !isGroupWindow(g)).map((g) => unquote(g.getText()));
  const aggregates = new Map<string, { fn: string; column: string }>();
  for (const item of all(tree, 'ColumnProjectItem')) {
    const alias = first(item, 'ColumnAlias');
    const call = first(item, 'FunctionCallExpression');
    // Only items that are a call themselves (CAST(COUNT(*) - 1 AS BIGINT) AS revision is not an aggregate column).
    if (alias === null || call === null || first(item, 'Expression')?.getText() !== call.getText()) continue;
    const fn = (first(call, 'FunctionNameWithParams')?.getText() ?? '').toUpperCase();
    if (!AGGREGATE_NAMES.has(fn)) continue;
    const distinct = first(call, 'SetQuantifier') !== null;
    const param = first(call, 'FunctionParam');
    // The column read, also inside CAST(... AS DOUBLE), where the grammar reads a backticked name as a string literal.
    const reference = param === null ? null : ['ColumnReference', 'ColumnNamePath', 'Uid', 'QuotedIdentifier', 'UnquotedIdentifier', 'StringLiteral'].map((k) => first(param, k)).find((t) => t !== null) ?? null;
    const column = param === null ? '*' : (reference?.getText() ?? param.getText());
    const aliasName = children(alias).at(-1)?.getText() ?? '';
    aggregates.set(unquote(aliasName), { fn: distinct ? `${fn} DISTINCT` : fn, column: unquote(column) });
  }
  return { window, groupBy, aggregates };
}
