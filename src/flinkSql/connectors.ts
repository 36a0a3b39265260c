/**
 * The WITH options of source and sink tables per connector. Everything the
 * user must fill in is an upper-case placeholder (TOPIC, BOOTSTRAP_SERVERS,
 * /PATH/TO/...), so it cannot pass for a real value.
 */
import { parseLogStart, type PipelineNode } from '../model';
import { stringLiteral } from './identifiers';
import type { SinkConnector, SourceConnector } from './types';

type SourceNode = Extract<PipelineNode, { kind: `source.${string}` }>;

export type WithOptions = readonly (readonly [string, string])[];

/** The connector a source of `kind` uses when the user chose none: its file's filesystem, Kafka for a WebSocket, datagen for a sample stream. */
export function defaultSourceConnector(kind: SourceNode['kind']): SourceConnector {
  switch (kind) {
    case 'source.file': return 'filesystem';
    case 'source.websocket': return 'kafka';
    case 'source.sample': return 'datagen';
  }
}

/** The connector every sink (charts and tables too) uses when the user chose none. */
export const DEFAULT_SINK_CONNECTOR: SinkConnector = 'print';

/** Flink's format for a file source: csv (tsv is csv with a tab), json for JSON lines, parquet. */
export function fileFormatOf(node: Extract<PipelineNode, { kind: 'source.file' }>): 'csv' | 'json' | 'parquet' {
  const format = node.params.format === 'auto' ? formatFromName(node.params.fileName ?? '') : node.params.format;
  if (format === 'parquet') return 'parquet';
  if (format === 'json' || format === 'ndjson') return 'json';
  return 'csv';
}

function formatFromName(name: string): string {
  const bare = name.toLowerCase().replace(/\.gz$/, '');
  if (bare.endsWith('.parquet')) return 'parquet';
  if (bare.endsWith('.json') || bare.endsWith('.ndjson') || bare.endsWith('.jsonl')) return 'json';
  if (bare.endsWith('.tsv')) return 'tsv';
  return 'csv';
}

function isTsv(node: Extract<PipelineNode, { kind: 'source.file' }>): boolean {
  return node.params.format === 'tsv' || (node.params.format === 'auto' && formatFromName(node.params.fileName ?? '') === 'tsv');
}

function pathOf(name: string): string {
  return `file:///PATH/TO/${name}`;
}

const KAFKA = [['connector', 'kafka'], ['topic', 'TOPIC'], ['properties.bootstrap.servers', 'BOOTSTRAP_SERVERS']] as const;

/** A datagen sequence for the event-time field ends this far after it starts when the stream has no limit (about 31 years of 1 ms steps). */
const UNBOUNDED_SEQUENCE_MS = 1e12;

/**
 * Where a Kafka source starts: a WebSocket source in log mode reads a
 * partitioned log, Kafka's own model, so its `from` maps one to one
 * (earliest, latest, the offsets per partition, an event time); any other
 * source's template starts at the earliest offset.
 */
export function kafkaStartup(node: SourceNode): [string, string][] {
  const from = node.kind === 'source.websocket' ? node.params.log?.from : undefined;
  const start = from === undefined ? null : parseLogStart(from);
  if (start === null || 'error' in start || start.kind === 'earliest') return [['scan.startup.mode', 'earliest-offset']];
  switch (start.kind) {
    case 'latest': return [['scan.startup.mode', 'latest-offset']];
    case 'time': return [['scan.startup.mode', 'timestamp'], ['scan.startup.timestamp-millis', String(start.at)]];
    case 'offsets': return [['scan.startup.mode', 'specific-offsets'],
      ['scan.startup.specific-offsets', [...start.next].sort((a, b) => a[0] - b[0]).map(([p, o]) => `partition:${p},offset:${o}`).join(';')]];
  }
}

/** The log's topic name of a log-mode WebSocket source (the last part after /topics/), else the TOPIC placeholder. */
export function kafkaTopic(node: SourceNode): string {
  if (node.kind !== 'source.websocket' || node.params.log === undefined) return 'TOPIC';
  const match = /\/topics\/([^/?#]+)/.exec(node.params.url);
  if (match === null) return 'TOPIC';
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1]!;
  }
}

/** The WITH options of a source's table. */
export function sourceOptions(node: SourceNode, connector: SourceConnector, eventTime: string): WithOptions {
  switch (connector) {
    case 'kafka':
      return [['connector', 'kafka'], ['topic', kafkaTopic(node)], ['properties.bootstrap.servers', 'BOOTSTRAP_SERVERS'], ['properties.group.id', 'GROUP_ID'], ...kafkaStartup(node), ['format', 'json']];
    case 'filesystem': {
      if (node.kind !== 'source.file') return [['connector', 'filesystem'], ['path', pathOf(`${node.id}.json`)], ['format', 'json']];
      const format = fileFormatOf(node);
      const options: [string, string][] = [['connector', 'filesystem'], ['path', pathOf(node.params.fileName ?? node.id)], ['format', format]];
      if (format === 'csv') {
        const delimiter = isTsv(node) ? '\\t' : node.params.delimiter;
        if (delimiter !== ',') options.push(['csv.field-delimiter', delimiter]);
        // Flink's csv format has no header option: the header line fails to parse and is skipped, as bad rows are counted and skipped by us.
        options.push(['csv.ignore-parse-errors', 'true']);
      }
      return options;
    }
    case 'datagen': {
      const options: [string, string][] = [['connector', 'datagen']];
      if (node.kind !== 'source.sample') return [...options, ['rows-per-second', '1000']];
      const p = node.params;
      options.push(['rows-per-second', String(Math.max(1, Math.round(p.rate)))]);
      // Event times rise 1 ms per row from the stream's start, so watermarks advance and windows fire.
      const end = p.limit === undefined ? p.startTime + UNBOUNDED_SEQUENCE_MS : p.startTime + Math.max(p.limit, 1) - 1;
      options.push([`fields.${eventTime}.kind`, 'sequence'], [`fields.${eventTime}.start`, String(p.startTime)], [`fields.${eventTime}.end`, String(end)]);
      return options;
    }
  }
}

/** The WITH options of a sink's table. */
export function sinkOptions(nodeId: string, connector: SinkConnector): WithOptions {
  switch (connector) {
    case 'print': return [['connector', 'print']];
    case 'blackhole': return [['connector', 'blackhole']];
    case 'filesystem': return [['connector', 'filesystem'], ['path', pathOf(nodeId)], ['format', 'json']];
    case 'kafka': return [...KAFKA, ['format', 'json']];
  }
}

/** Connectors whose tables take only appended rows, not the updates of a non-windowed aggregate. */
export const APPEND_ONLY_SINKS: ReadonlySet<SinkConnector> = new Set<SinkConnector>(['filesystem', 'kafka']);

/** `WITH (...)` of the options, one per line. */
export function withClause(options: WithOptions): string {
  return `WITH (\n${options.map(([key, value]) => `  ${stringLiteral(key)} = ${stringLiteral(value)}`).join(',\n')}\n)`;
}
