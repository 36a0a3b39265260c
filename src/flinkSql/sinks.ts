/**
 * Sink nodes as sink tables and INSERT INTO. The table's columns are our
 * result's columns (same names; types as Flink's query gives them). A sink
 * fed by several inputs writes each through one SELECT of a UNION ALL; a
 * column an input lacks is NULL there. Charts and tables become print sinks
 * with a comment (Flink has no charts); so do collect and log sinks unless
 * the user chose another connector.
 */
import type { PipelineNode } from '../model';
import type { ScriptBuilder } from './builder';
import { APPEND_ONLY_SINKS, DEFAULT_SINK_CONNECTOR, sinkOptions, withClause } from './connectors';
import { selectLines } from './columns';
import { commentLines, ident } from './identifiers';
import type { Column, Relation } from './relation';
import type { FlinkColumn, SinkConnector } from './types';

type SinkNode = Extract<PipelineNode, { kind: `sink.${string}` }>;

function sinkComment(node: SinkNode, connector: SinkConnector): string {
  const as = `a ${connector} sink`;
  switch (node.kind) {
    case 'sink.chart': return `Sink '${node.id}': a ${node.params.chart} chart of ${node.params.y} in Windowpane; Flink has no charts, so here ${as} (point a dashboard at a real sink).`;
    case 'sink.table': return `Sink '${node.id}': a live table in Windowpane; here ${as}.`;
    case 'sink.log': return `Sink '${node.id}': a log of the first ${node.params.limit} rows in Windowpane; here ${as}, which writes every row.`;
    case 'sink.collect': return `Sink '${node.id}': collected results in Windowpane; here ${as}.`;
    case 'sink.alert': return `Sink '${node.id}': alerts (${node.params.when}) with cool-down and grouping in Windowpane; Flink SQL has no alerting, so here ${as} of the records it watches.`;
  }
}

export interface SinkStatements {
  readonly columns: readonly FlinkColumn[];
  /** The INSERT statement, for the statement set. */
  readonly insert: string;
  readonly insertIds: readonly string[];
}

/** The union of the inputs' columns by name, in order of first appearance. */
function sinkColumns(inputs: readonly Relation[]): Column[] {
  const columns: Column[] = [];
  for (const input of inputs) for (const c of input.columns) if (!columns.some((d) => d.name === c.name)) columns.push(c);
  return columns;
}

/** Adds the sink's CREATE TABLE; returns its INSERT and columns. */
export function sinkStatements(node: SinkNode, inputs: readonly Relation[], connector: SinkConnector | undefined, builder: ScriptBuilder): SinkStatements {
  const chosen = connector ?? DEFAULT_SINK_CONNECTOR;
  const columns = sinkColumns(inputs);
  const lines = [sinkComment(node, chosen)];
  if (inputs.some((r) => r.updating) && APPEND_ONLY_SINKS.has(chosen)) {
    const reason = `Flink's ${chosen} sink takes appended rows only, but this result updates (a non-windowed aggregate): use print, blackhole or an upsert connector`;
    builder.gap(node.id, '', 'differs', reason);
    lines.push(reason);
  }
  if (chosen === 'kafka') lines.push('Fill in TOPIC and BOOTSTRAP_SERVERS.');
  if (chosen === 'filesystem') lines.push('Replace /PATH/TO/ with where the files go.');
  const body = columns.map((c) => `  ${ident(c.name)} ${c.flinkType}`).join(',\n');
  builder.add('createSink', `${commentLines(lines.join('\n'))}\nCREATE TABLE ${ident(node.id)} (\n${body}\n) ${withClause(sinkOptions(node.id, chosen))};`, [node.id]);
  const selects = inputs.map((input) => {
    const items = columns.map((c) => {
      const own = input.columns.find((d) => d.name === c.name);
      if (own === undefined) return `CAST(NULL AS ${c.flinkType}) AS ${ident(c.name)}`;
      return own.flinkType === c.flinkType ? ident(c.name) : `CAST(${ident(c.name)} AS ${c.flinkType}) AS ${ident(c.name)}`;
    });
    return `SELECT\n${selectLines(items)}\nFROM ${ident(input.table)}`;
  });
  const insert = `INSERT INTO ${ident(node.id)}\n${selects.join('\nUNION ALL\n')};`;
  return {
    columns: columns.map((c) => ({ name: c.name, flinkType: c.flinkType })),
    insert,
    insertIds: [node.id, ...inputs.flatMap((r) => r.carriedIds)],
  };
}
