/**
 * The connector choices of the Flink SQL panel: one select per source and per
 * sink of the open pipeline, with the default the export takes when the user
 * chose nothing. Choices are the editor's, never the pipeline document's: a
 * Flink deployment detail, not part of the design.
 */
import { SINK_CONNECTORS, SOURCE_CONNECTORS, type FlinkExportOptions, type SinkConnector, type SourceConnector } from '../../flinkSql/types';
import { SOURCE_FILE, SOURCE_SAMPLE, SOURCE_WEBSOCKET } from '../../model';
import { DEFAULT_SINK_CONNECTOR, defaultSourceConnector as exporterDefault } from '../../flinkSql/connectors';
import type { EditorDocument, EditorNode } from '../store/types';

/** What the user chose for one pipeline, by node id. */
export interface ConnectorChoices {
  readonly sources: ReadonlyMap<string, SourceConnector>;
  readonly sinks: ReadonlyMap<string, SinkConnector>;
}

export const NO_CHOICES: ConnectorChoices = { sources: new Map(), sinks: new Map() };

/** One select of the panel: a source or sink node, its choice and its default. */
export type ConnectorRow =
  | { readonly role: 'source'; readonly node: EditorNode; readonly chosen: SourceConnector | undefined; readonly fallback: SourceConnector; readonly options: readonly SourceConnector[] }
  | { readonly role: 'sink'; readonly node: EditorNode; readonly chosen: SinkConnector | undefined; readonly fallback: SinkConnector; readonly options: readonly SinkConnector[] };

type SourceKind = Parameters<typeof exporterDefault>[0];
const SOURCE_KINDS: ReadonlySet<string> = new Set<SourceKind>([SOURCE_FILE, SOURCE_WEBSOCKET, SOURCE_SAMPLE]);
const isSourceKind = (kind: string): kind is SourceKind => SOURCE_KINDS.has(kind);

/** The exporter's default for a source of `kind` (an editor node's kind is any string; an unknown source kind shows datagen). */
export function defaultSourceConnector(kind: string): SourceConnector {
  return isSourceKind(kind) ? exporterDefault(kind) : 'datagen';
}

const isSource = (n: EditorNode) => n.kind.startsWith('source.');
const isSink = (n: EditorNode) => n.kind.startsWith('sink.');

/** The rows of the panel's connector list: sources, then sinks, each in document order. */
export function connectorRows(doc: EditorDocument, choices: ConnectorChoices): ConnectorRow[] {
  const sources = doc.nodes.filter(isSource).map((node): ConnectorRow => ({
    role: 'source', node, chosen: choices.sources.get(node.id), fallback: defaultSourceConnector(node.kind), options: SOURCE_CONNECTORS,
  }));
  const sinks = doc.nodes.filter(isSink).map((node): ConnectorRow => ({
    role: 'sink', node, chosen: choices.sinks.get(node.id), fallback: DEFAULT_SINK_CONNECTOR, options: SINK_CONNECTORS,
  }));
  return [...sources, ...sinks];
}

/** The export's options from the choices, keeping only nodes the document still has (a deleted node's choice is not sent). */
export function exportOptions(doc: EditorDocument, choices: ConnectorChoices): FlinkExportOptions {
  const ids = new Set(doc.nodes.map((n) => n.id));
  return {
    sourceConnectors: new Map([...choices.sources].filter(([id]) => ids.has(id))),
    sinkConnectors: new Map([...choices.sinks].filter(([id]) => ids.has(id))),
  };
}

/** `choices` with `nodeId`'s connector set, or cleared back to the default when `connector` is null. */
export function withChoice(choices: ConnectorChoices, role: 'source' | 'sink', nodeId: string, connector: string | null): ConnectorChoices {
  if (role === 'source') {
    const sources = new Map(choices.sources);
    if (connector !== null && isSourceConnector(connector)) sources.set(nodeId, connector);
    else sources.delete(nodeId);
    return { ...choices, sources };
  }
  const sinks = new Map(choices.sinks);
  if (connector !== null && isSinkConnector(connector)) sinks.set(nodeId, connector);
  else sinks.delete(nodeId);
  return { ...choices, sinks };
}

const SOURCE_SET: ReadonlySet<string> = new Set(SOURCE_CONNECTORS);
const SINK_SET: ReadonlySet<string> = new Set(SINK_CONNECTORS);
export const isSourceConnector = (value: string): value is SourceConnector => SOURCE_SET.has(value);
export const isSinkConnector = (value: string): value is SinkConnector => SINK_SET.has(value);
