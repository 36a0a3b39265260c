/**
 * The aggregate node as a view. After a window, the window and its
 * aggregate make one view: the window query grouped by window_start,
 * window_end and the keys of the keyBy before it (whose node the view
 * names). Result columns are named as our results are: window_start,
 * window_end, the keys, the aggregations, revision.
 *
 * revision: our engine counts a window's firings (0 first, then one more
 * per late firing within allowedLateness). Flink's window aggregation fires
 * once, so the script writes a constant 0. Without a window the aggregate is
 * a non-windowed GROUP BY, an updating result (each row updates its key's
 * result); there our revision counts the key's rows so far less one, which
 * is COUNT(*) - 1, so the script computes it so.
 *
 * The rowtime attribute continues after an event-time window (window_time,
 * or SESSION_ROWTIME / HOP_ROWTIME for group windows: the window's last
 * millisecond, the event time our engine gives a result), so windows can
 * cascade; after a non-windowed aggregate there is no time attribute.
 */
import type { PipelineNode } from '../model';
import { aggregateSql, type AggregateSql } from './aggregateFunctions';
import type { ScriptBuilder } from './builder';
import { selectLines } from './columns';
import { commentLines, freshName, ident } from './identifiers';
import { configDuration } from './intervals';
import type { Blocked, Column, PendingWindow, Relation } from './relation';
import type { TimeNames } from './sources';
import { groupCall, isProcessingTime, latenessOf, tvfCall, windowForm, type WindowNode } from './windows';

type AggregateNode = Extract<PipelineNode, { kind: 'aggregate' }>;

/** Columns the window table functions add; an input holding one is narrowed to what the aggregate reads first. */
const TVF_COLUMNS: ReadonlySet<string> = new Set(['window_start', 'window_end', 'window_time']);

export interface AggregateContext {
  readonly names: TimeNames;
  readonly builder: ScriptBuilder;
  /** Names already taken by tables and views (lower-case), for helper views. */
  readonly taken: Set<string>;
}

function aggregations(node: AggregateNode, input: Relation, builder: ScriptBuilder): { items: AggregateSql[]; notes: string[] } {
  const items = node.params.aggregations.map((spec) => aggregateSql(spec, input.columns));
  const notes: string[] = [];
  items.forEach((item, i) => {
    if (item.differs === null) return;
    builder.gap(node.id, `params.aggregations[${i}].fn`, 'differs', item.differs);
    notes.push(`${item.column.name}: ${item.differs}`);
  });
  return { items, notes };
}

function keyColumns(input: Relation): Column[] {
  return input.keys.map((k) => input.columns.find((c) => c.name === k)!).filter((c) => c !== undefined);
}

function view(node: AggregateNode, comment: readonly string[], body: string): string {
  return `${commentLines(comment.join('\n'))}\nCREATE TEMPORARY VIEW ${ident(node.id)} AS\n${body};`;
}

/** An aggregate with no window before it: a non-windowed GROUP BY. */
export function runningAggregateView(node: AggregateNode, input: Relation, ctx: AggregateContext): Relation {
  const { items, notes } = aggregations(node, input, ctx.builder);
  const keys = keyColumns(input);
  const revision: Column = { name: 'revision', type: 'number', flinkType: 'BIGINT' };
  const select = [...keys.map((k) => ident(k.name)), ...items.map((i) => i.sql), `CAST(COUNT(*) - 1 AS BIGINT) AS ${ident('revision')}`];
  const groupBy = keys.length === 0 ? '' : `\nGROUP BY ${keys.map((k) => ident(k.name)).join(', ')}`;
  const comment = [`Aggregate '${node.id}' without a window: an updating result; revision counts the key's rows less one, as ours does.`, ...notes];
  ctx.builder.add('createView', view(node, comment, `SELECT\n${selectLines(select)}\nFROM ${ident(input.table)}${groupBy}`), [node.id, ...input.keyNodeIds, ...input.carriedIds]);
  return {
    kind: 'relation', table: node.id, columns: [...keys, ...items.map((i) => i.column), revision],
    rowtime: false, proctime: false, keys: [], keyNodeIds: [], carriedIds: [], updating: true,
  };
}

function latenessLines(window: WindowNode, builder: ScriptBuilder): string[] {
  const lateness = latenessOf(window);
  if (lateness <= 0 || window.kind === 'window.count') return [];
  builder.gap(window.id, 'params.allowedLateness', 'differs',
    `allowed lateness ${window.params.allowedLateness} has no supported Flink SQL form: Flink's window aggregation fires once at the watermark and drops later events (no revisions); its experimental emit options are commented out in the script`);
  return [
    `allowedLateness ${window.params.allowedLateness}: Flink's window aggregation fires once, at the watermark, and drops later events, so there are no revisions.`,
    'WARNING: Flink\'s experimental, undocumented emit options come closest; they apply to group-window aggregation only and may change or go:',
    `SET 'table.exec.emit.allow-lateness' = '${configDuration(lateness)}';`,
    `SET 'table.exec.emit.late-fire.enabled' = 'true';`,
    `SET 'table.exec.emit.late-fire.delay' = '0 ms';`,
  ];
}

/** The window and its aggregate as one view, or why they cannot be. */
export function windowAggregateView(node: AggregateNode, pending: PendingWindow, ctx: AggregateContext): Relation | Blocked {
  const { node: window } = pending;
  let input = pending.input;
  const form = windowForm(window);
  const ids = [window.id, node.id, ...input.keyNodeIds, ...input.carriedIds];
  const block = (reason: string): Blocked => {
    ctx.builder.gap(window.id, '', 'unmappable', reason);
    ctx.builder.gap(node.id, '', 'unmappable', `it aggregates the windows of '${window.id}', which cannot be expressed in Flink SQL`);
    return { kind: 'blocked', nodeId: window.id, reason };
  };
  if (form.form === 'none') return block(form.reason);
  const processing = isProcessingTime(window);
  if (input.updating) return block('a window over an updating result (a non-windowed aggregate before it) has no Flink SQL form: window aggregation reads appended rows only');
  if (!processing && !input.rowtime) return block('no event-time attribute reaches this window in Flink SQL (a non-windowed aggregate or a processing-time window before it drops it)');
  if (processing && !input.proctime) return block('no processing-time attribute reaches this window in Flink SQL');
  const time = processing ? ctx.names.proctime : ctx.names.rowtime;
  const { items, notes } = aggregations(node, input, ctx.builder);
  const keys = keyColumns(input);
  const comment = [
    `Window '${window.id}' and aggregate '${node.id}'${keys.length === 0 ? '' : `, keyed by ${keys.map((k) => k.name).join(', ')}`}.`,
    'revision is 0: Flink\'s window results are final (no late firing).',
    ...latenessLines(window, ctx.builder),
    ...notes,
  ];
  const revision = `CAST(0 AS BIGINT) AS ${ident('revision')}`;
  const bounds: Column[] = [
    { name: 'window_start', type: 'time', flinkType: 'TIMESTAMP(3)' },
    { name: 'window_end', type: 'time', flinkType: 'TIMESTAMP(3)' },
  ];
  const groupKeys = keys.map((k) => ident(k.name));
  let body: string;
  if (form.form === 'tvf') {
    if (input.columns.some((c) => TVF_COLUMNS.has(c.name.toLowerCase()))) input = narrowed(node, input, keys, ctx, ids);
    const carry = processing ? [] : [`${ident('window_time')} AS ${ident(ctx.names.rowtime)}`];
    const select = [ident('window_start'), ident('window_end'), ...groupKeys, ...items.map((i) => i.sql), revision, ...carry];
    const group = [ident('window_start'), ident('window_end'), ...(processing ? [] : [ident('window_time')]), ...groupKeys];
    body = `SELECT\n${selectLines(select)}\nFROM ${tvfCall(form, input.table, time)}\nGROUP BY ${group.join(', ')}`;
  } else {
    const carry = processing ? [] : [`${groupCall(form, time, '_ROWTIME')} AS ${ident(ctx.names.rowtime)}`];
    const select = [
      `CAST(${groupCall(form, time, '_START')} AS TIMESTAMP(3)) AS ${ident('window_start')}`,
      `CAST(${groupCall(form, time, '_END')} AS TIMESTAMP(3)) AS ${ident('window_end')}`,
      ...groupKeys, ...items.map((i) => i.sql), revision, ...carry,
    ];
    body = `SELECT\n${selectLines(select)}\nFROM ${ident(input.table)}\nGROUP BY ${[groupCall(form, time), ...groupKeys].join(', ')}`;
  }
  ctx.builder.add('createView', view(node, comment, body), ids);
  return {
    kind: 'relation', table: node.id, columns: [...bounds, ...keys, ...items.map((i) => i.column), { name: 'revision', type: 'number', flinkType: 'BIGINT' }],
    rowtime: !processing, proctime: false, keys: [], keyNodeIds: [], carriedIds: [], updating: false,
  };
}

/**
 * A view of only what the aggregate reads (keys, measured fields, time
 * attributes), for an input that holds a column the window table function
 * adds itself (window_start after an earlier window): Flink refuses the
 * duplicate.
 */
function narrowed(node: AggregateNode, input: Relation, keys: readonly Column[], ctx: AggregateContext, ids: readonly string[]): Relation {
  const read = new Set([...keys.map((k) => k.name), ...node.params.aggregations.flatMap((a) => (a.field === undefined ? [] : [a.field]))]);
  const columns = input.columns.filter((c) => read.has(c.name));
  const name = freshName(`${node.id}_input`, ctx.taken);
  ctx.taken.add(name.toLowerCase());
  const items = [...columns.map((c) => ident(c.name)), ...(input.rowtime ? [ident(ctx.names.rowtime)] : []), ...(input.proctime ? [ident(ctx.names.proctime)] : [])];
  const text = `${commentLines(`The columns aggregate '${node.id}' reads: its input holds a column the window function adds itself.`)}\nCREATE TEMPORARY VIEW ${ident(name)} AS\nSELECT\n${selectLines(items)}\nFROM ${ident(input.table)};`;
  ctx.builder.add('createView', text, ids);
  return { ...input, table: name, columns };
}
