/**
 * A source node as a CREATE TABLE: its columns as schema propagation knows
 * them, the event-time field kept under its own name and raw type (BIGINT
 * epoch ms or seconds, STRING for ISO text), a computed TIMESTAMP_LTZ(3)
 * rowtime column with the watermark of the source's out-of-orderness bound,
 * and a PROCTIME() column when a processing-time window reads it.
 */
import type { Field } from '../engine/batch';
import { parseDuration, type PipelineNode } from '../model';
import type { ScriptBuilder } from './builder';
import { defaultSourceConnector, fileFormatOf, kafkaTopic, sourceOptions, withClause } from './connectors';
import { FLINK_FIELD_TYPES } from './expressionTypes';
import { commentLines, ident, stringLiteral } from './identifiers';
import { interval } from './intervals';
import type { Column, Relation } from './relation';
import type { SourceConnector } from './types';

export type SourceNode = Extract<PipelineNode, { kind: `source.${string}` }>;

export interface TimeNames {
  readonly rowtime: string;
  readonly proctime: string;
}

/** How the event-time field is written, as Flink reads it. */
type RawTime = 'millis' | 'seconds' | 'iso';

function rawTimeOf(node: SourceNode): RawTime {
  if (node.kind === 'source.sample') return 'millis';
  const format = node.params.timeFormat;
  if (format === 'epochSeconds') return 'seconds';
  if (format === 'iso') return 'iso';
  // 'auto' guesses from the data in our engine; Flink must be told: epoch ms, the likeliest (a comment says so).
  return 'millis';
}

/** The rowtime column's expression over the raw event-time column. */
function rowtimeExpression(column: string, raw: RawTime): string {
  switch (raw) {
    case 'millis': return `TO_TIMESTAMP_LTZ(${column}, 3)`;
    case 'seconds': return `TO_TIMESTAMP_LTZ(${column}, 0)`;
    // ISO 8601 with a zone offset or Z; Flink 2.1 added TO_TIMESTAMP_LTZ(string, format).
    case 'iso': return `TO_TIMESTAMP_LTZ(${column}, ${stringLiteral("yyyy-MM-dd'T'HH:mm:ss[.SSS]XXX")})`;
  }
}

function describeSource(node: SourceNode): string {
  switch (node.kind) {
    case 'source.sample': return `sample stream '${node.params.stream}' (seed ${node.params.seed})`;
    case 'source.file': return `file${node.params.fileName === undefined ? '' : ` '${node.params.fileName}'`}`;
    case 'source.websocket': return `WebSocket ${node.params.url}`;
  }
}

function connectorComment(node: SourceNode, connector: SourceConnector): string[] {
  const lines: string[] = [];
  if (node.kind === 'source.websocket' && connector === 'kafka' && node.params.log !== undefined) {
    lines.push(`The partitioned log is Kafka's model: topic '${kafkaTopic(node)}' with its partitions and offsets, started where the source starts (from ${node.params.log.from}). Fill in BOOTSTRAP_SERVERS and GROUP_ID.`);
  } else if (node.kind === 'source.websocket' && connector === 'kafka') {
    lines.push('Flink has no WebSocket connector: this is a Kafka template (publish the WebSocket\'s events to the topic). Fill in TOPIC, BOOTSTRAP_SERVERS and GROUP_ID.');
  } else if (connector === 'kafka') {
    lines.push('Fill in TOPIC, BOOTSTRAP_SERVERS and GROUP_ID.');
  }
  if (connector === 'datagen') {
    lines.push('Flink\'s datagen connector makes random rows: it does not reproduce our seeded sample streams (their keys, values and late events).');
  }
  if (connector === 'filesystem') {
    const json = node.kind !== 'source.file' || fileFormatOf(node) === 'json';
    lines.push(`Replace /PATH/TO/ with where the file is${json ? '; Flink\'s json format reads one JSON object per line' : ''}.`);
  }
  if (node.kind !== 'source.sample' && node.params.timeFormat === 'auto') {
    lines.push(`The event-time field's format is 'auto' here: read as epoch milliseconds; change the rowtime column if it holds seconds or ISO text.`);
  }
  return lines;
}

export interface SourceTable {
  readonly relation: Relation;
  readonly text: string;
}

/** The CREATE TABLE of `node` with data fields `fields`. */
export function sourceTable(
  node: SourceNode, fields: readonly Field[], connector: SourceConnector | undefined, names: TimeNames, withProctime: boolean, builder: ScriptBuilder,
): SourceTable {
  const chosen = connector ?? defaultSourceConnector(node.kind);
  const eventTime = node.kind === 'source.sample' ? node.params.eventTime : node.params.eventTime;
  const raw = rawTimeOf(node);
  const columns: Column[] = fields.map((f) => {
    if (f.name !== eventTime) return { name: f.name, type: f.type, flinkType: FLINK_FIELD_TYPES[f.type] };
    return { name: f.name, type: f.type, flinkType: raw === 'iso' ? 'STRING' : 'BIGINT' };
  });
  if (raw !== 'millis' && fields.some((f) => f.name === eventTime)) {
    const held = raw === 'iso' ? 'the ISO 8601 text' : 'epoch seconds';
    builder.gap(node.id, 'params.timeFormat', 'differs', `the event-time field '${eventTime}' holds ${held} in Flink (our engine reads it as epoch milliseconds); the rowtime column holds the time itself`);
  }
  const bound = parseDuration(node.params.maxOutOfOrderness) ?? 0;
  const lines = columns.map((c) => `  ${ident(c.name)} ${c.flinkType}`);
  lines.push(`  ${ident(names.rowtime)} AS ${rowtimeExpression(ident(eventTime), raw)}`);
  if (withProctime) lines.push(`  ${ident(names.proctime)} AS PROCTIME()`);
  lines.push(`  WATERMARK FOR ${ident(names.rowtime)} AS ${ident(names.rowtime)} - ${interval(bound)}`);
  const comment = commentLines([`Source '${node.id}': ${describeSource(node)}.`, ...connectorComment(node, chosen)].join('\n'));
  const text = `${comment}\nCREATE TABLE ${ident(node.id)} (\n${lines.join(',\n')}\n) ${withClause(sourceOptions(node, chosen, eventTime))};`;
  const relation: Relation = {
    kind: 'relation', table: node.id, columns, rowtime: true, proctime: withProctime, keys: [], keyNodeIds: [], carriedIds: [], updating: false,
  };
  return { relation, text };
}
