/**
 * Record-at-a-time nodes as views: filter becomes WHERE, map becomes SELECT
 * expressions (a computed field replaces a kept one of its name, as in our
 * engine), union becomes UNION ALL. Every view lists its columns and
 * carries the rowtime (and proctime) attribute, so a window downstream can
 * still use it: even a map with keep: false keeps the time attributes.
 * keyBy has no statement: it folds into the GROUP BY of the aggregate after
 * it (see aggregates.ts), and the statement reading it names its node.
 */
import { compileExpression } from '../engine/expr';
import type { PipelineNode } from '../model';
import type { ScriptBuilder } from './builder';
import { allColumns, fieldsOf, selectLines, timeColumns } from './columns';
import { isNumeric } from './flinkTypes';
import { FLINK_FIELD_TYPES } from './expressionTypes';
import { translateExpression } from './expression';
import { commentLines, ident } from './identifiers';
import type { Blocked, Column, Relation } from './relation';
import type { TimeNames } from './sources';

type NodeOf<K extends PipelineNode['kind']> = Extract<PipelineNode, { kind: K }>;

export interface Translated {
  readonly relation: Relation;
}

/** Notes of a translated expression, as 'differs' gaps and comment lines. */
function noteLines(builder: ScriptBuilder, nodeId: string, path: string, notes: readonly string[]): readonly string[] {
  for (const note of notes) builder.gap(nodeId, path, 'differs', note);
  return notes;
}

function header(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${commentLines(lines.join('\n'))}\n`;
}

/** Each input column's Flink type, so the translator divides a COUNT (BIGINT) as a DOUBLE and refuses a TIMESTAMP window bound read as a time. */
function columnTypesOf(input: Relation): ReadonlyMap<string, string> {
  return new Map(input.columns.map((c) => [c.name, c.flinkType]));
}

export function filterView(node: NodeOf<'transform.filter'>, input: Relation, names: TimeNames, builder: ScriptBuilder): Relation | Blocked {
  const translated = translateExpression(node.params.expr, fieldsOf(input), columnTypesOf(input));
  if (!translated.ok) {
    builder.gap(node.id, 'params.expr', 'unmappable', `the filter expression cannot be expressed in Flink SQL: ${translated.reason}`);
    return { kind: 'blocked', nodeId: node.id, reason: `its filter expression: ${translated.reason}` };
  }
  const notes = noteLines(builder, node.id, 'params.expr', translated.notes);
  const text = `${header([`Filter '${node.id}': ${node.params.expr}`, ...notes])}CREATE TEMPORARY VIEW ${ident(node.id)} AS\nSELECT\n${selectLines(allColumns(input, names))}\nFROM ${ident(input.table)}\nWHERE ${translated.sql};`;
  builder.add('createView', text, [node.id, ...input.carriedIds]);
  return { ...input, table: node.id, carriedIds: [] };
}

export function mapView(node: NodeOf<'transform.map'>, input: Relation, names: TimeNames, builder: ScriptBuilder): Relation | Blocked {
  const fields = fieldsOf(input);
  const computed: { column: Column; sql: string }[] = [];
  const notes: string[] = [];
  let failed: string | null = null;
  node.params.fields.forEach((f, i) => {
    const path = `params.fields[${i}].expr`;
    const translated = translateExpression(f.expr, fields, columnTypesOf(input));
    const compiled = compileExpression(f.expr, fields);
    if (!translated.ok || !compiled.ok) {
      const reason = translated.ok ? 'its type is unknown' : translated.reason;
      builder.gap(node.id, path, 'unmappable', `field '${f.name}' cannot be expressed in Flink SQL: ${reason}`);
      failed ??= `field '${f.name}': ${reason}`;
      return;
    }
    notes.push(...noteLines(builder, node.id, path, translated.notes).map((n) => `${f.name}: ${n}`));
    const flinkType = FLINK_FIELD_TYPES[compiled.expr.type];
    // The cast pins the column's Flink type (an integer literal would be INT, a string literal CHAR(n)).
    computed.push({ column: { name: f.name, type: compiled.expr.type, flinkType }, sql: `CAST(${translated.sql} AS ${flinkType}) AS ${ident(f.name)}` });
  });
  if (failed !== null) return { kind: 'blocked', nodeId: node.id, reason: failed };
  const replaced = new Set(computed.map((c) => c.column.name));
  const kept = node.params.keep ? input.columns.filter((c) => !replaced.has(c.name)) : [];
  const items = [...kept.map((c) => ident(c.name)), ...computed.map((c) => c.sql), ...timeColumns(input, names)];
  const lines = [`Map '${node.id}'${node.params.keep ? '' : ' (keep: false: only the computed fields, and the time attributes for windows downstream)'}.`, ...notes];
  const text = `${header(lines)}CREATE TEMPORARY VIEW ${ident(node.id)} AS\nSELECT\n${selectLines(items)}\nFROM ${ident(input.table)};`;
  builder.add('createView', text, [node.id, ...input.carriedIds]);
  // As in the engine: the keys survive when every key field is kept as it was.
  const keepsKeys = node.params.keep && input.keys.every((k) => !replaced.has(k));
  return {
    ...input, table: node.id, columns: [...kept, ...computed.map((c) => c.column)], carriedIds: [],
    keys: keepsKeys ? input.keys : [], keyNodeIds: keepsKeys ? input.keyNodeIds : [],
  };
}

export function keyByRelation(node: NodeOf<'transform.keyBy'>, input: Relation): Relation {
  return { ...input, keys: node.params.fields, keyNodeIds: [node.id], carriedIds: [...input.carriedIds, node.id] };
}

/**
 * UNION ALL of the inputs, each listing the first input's columns in its
 * order. The time attributes go through only when every input has them. A
 * column whose Flink type differs between inputs (BIGINT from a count here,
 * DOUBLE there) is cast to DOUBLE when all are numbers, else to the first
 * input's type.
 */
export function unionView(node: NodeOf<'transform.union'>, inputs: readonly Relation[], names: TimeNames, builder: ScriptBuilder): Relation {
  const first = inputs[0]!;
  const rowtime = inputs.every((r) => r.rowtime);
  const proctime = inputs.every((r) => r.proctime);
  const columns: Column[] = first.columns.map((c) => {
    const types = new Set(inputs.map((r) => r.columns.find((d) => d.name === c.name)?.flinkType ?? c.flinkType));
    if (types.size === 1) return c;
    return { ...c, flinkType: [...types].every(isNumeric) ? 'DOUBLE' : c.flinkType };
  });
  const shape: Relation = { ...first, rowtime, proctime };
  const selects = inputs.map((r) => {
    const items = columns.map((c) => {
      const own = r.columns.find((d) => d.name === c.name)?.flinkType ?? c.flinkType;
      return own === c.flinkType ? ident(c.name) : `CAST(${ident(c.name)} AS ${c.flinkType}) AS ${ident(c.name)}`;
    });
    return `SELECT\n${selectLines([...items, ...timeColumns(shape, names)])}\nFROM ${ident(r.table)}`;
  });
  const text = `${header([`Union '${node.id}' of ${inputs.length} inputs.`])}CREATE TEMPORARY VIEW ${ident(node.id)} AS\n${selects.join('\nUNION ALL\n')};`;
  builder.add('createView', text, [node.id, ...inputs.flatMap((r) => r.carriedIds)]);
  return {
    kind: 'relation', table: node.id, columns, rowtime, proctime, keys: [], keyNodeIds: [], carriedIds: [],
    updating: inputs.some((r) => r.updating),
  };
}
