/**
 * `windowpane export --flink-sql`: the pipeline as a Flink SQL script on
 * standard output (or --out), what cannot map as `-- ` comments and a
 * one-line summary on standard error. The export itself is the app's
 * (src/flinkSql); this file binds the command line to it.
 */
import { familyOf, type NodeKind, type PipelineDocument } from '../src/model';
import type { Field } from '../src/engine/batch';
import {
  exportFlinkSql, SINK_CONNECTORS, SOURCE_CONNECTORS,
  type FlinkGap, type SinkConnector, type SourceConnector,
} from '../src/flinkSql';
import type { CliCommand, ConnectorArg } from './args';
import type { CliIo } from './io';
import { prepareDocument, reportProblems } from './load';
import { openStreamedInputs } from './inputs/openInputs';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './exitCodes';

type ExportCmd = Extract<CliCommand, { command: 'export' }>;

const isSourceKind = (kind: NodeKind): boolean => familyOf(kind) === 'source';
const isSinkKind = (kind: NodeKind): boolean => familyOf(kind) === 'sink';

/** The connectors chosen on the command line, by node, or the usage error of the first that does not fit. */
export function bindConnectors(
  doc: PipelineDocument, given: readonly ConnectorArg[],
): { ok: true; sources: Map<string, SourceConnector>; sinks: Map<string, SinkConnector> } | { ok: false; message: string } {
  const sources = new Map<string, SourceConnector>();
  const sinks = new Map<string, SinkConnector>();
  for (const { nodeId, connector } of given) {
    const node = doc.nodes.find((n) => n.id === nodeId);
    const flag = `--connector ${nodeId}=${connector}`;
    if (node === undefined) {
      const ends = doc.nodes.filter((n) => isSourceKind(n.kind) || isSinkKind(n.kind)).map((n) => n.id);
      return { ok: false, message: `${flag}: the pipeline has no node '${nodeId}' (its sources and sinks: ${ends.join(', ')})` };
    }
    if (isSourceKind(node.kind)) {
      const fits = SOURCE_CONNECTORS.find((c) => c === connector);
      if (fits === undefined) return { ok: false, message: `${flag}: '${nodeId}' is a source (${node.kind}); a source's connector is ${SOURCE_CONNECTORS.join(', ')}` };
      sources.set(nodeId, fits);
    } else if (isSinkKind(node.kind)) {
      const fits = SINK_CONNECTORS.find((c) => c === connector);
      if (fits === undefined) return { ok: false, message: `${flag}: '${nodeId}' is a sink (${node.kind}); a sink's connector is ${SINK_CONNECTORS.join(', ')}` };
      sinks.set(nodeId, fits);
    } else {
      return { ok: false, message: `${flag}: '${nodeId}' is a ${node.kind}, not a source or a sink, so it has no connector` };
    }
  }
  return { ok: true, sources, sinks };
}

/** `windowpane export --flink-sql PIPELINE.json`. */
export async function exportCommand(io: CliIo, cmd: ExportCmd): Promise<number> {
  const prepared = await prepareDocument(io, cmd.pipeline, cmd.inputs, openStreamedInputs, { needsData: false });
  if (!prepared.ok) return prepared.exitCode;
  const { doc, fileInputs } = prepared;
  const connectors = bindConnectors(doc, cmd.connectors);
  if (!connectors.ok) {
    io.stderr(`windowpane: ${connectors.message}\n`);
    return EXIT_USAGE;
  }
  // A file source read with --input has the fields sniffed from its head.
  const fileFields = new Map<string, readonly Field[]>(Object.entries(fileInputs).map(([id, file]) => [id, file.layout.fields]));
  const result = exportFlinkSql(doc, { sourceConnectors: connectors.sources, sinkConnectors: connectors.sinks, fileFields });
  if (!result.ok) {
    reportProblems(io, cmd.pipeline, result.problems);
    io.stderr(`${cmd.pipeline}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; nothing was exported\n`);
    return EXIT_INVALID;
  }
  if (cmd.out === undefined) io.stdout(result.script);
  else await io.writeText(cmd.out, result.script);
  for (const gap of result.gaps) io.stderr(`${gapComment(gap)}\n`);
  io.stderr(`${cmd.pipeline}: ${summary(result.gaps)}\n`);
  return EXIT_OK;
}

/** A gap as an SQL comment line, so standard error can be pasted beside the script. */
export function gapComment(gap: FlinkGap): string {
  const where = `node '${gap.nodeId}'${gap.path === '' ? '' : ` (${gap.path})`}`;
  const what = gap.severity === 'unmappable' ? 'could not map' : 'maps with another meaning';
  return `-- ${where} ${what}: ${gap.reason.replaceAll('\n', ' ')}`;
}

/** One line: how many parts could not map, and which; how many map with another meaning. */
export function summary(gaps: readonly FlinkGap[]): string {
  const unmapped = gaps.filter((g) => g.severity === 'unmappable');
  const differ = gaps.length - unmapped.length;
  const differs = differ === 0 ? '' : `${differ} part${differ === 1 ? '' : 's'} map${differ === 1 ? 's' : ''} with another meaning (see the comments above)`;
  if (unmapped.length === 0) return differs === '' ? 'every part maps to Flink SQL' : `every part maps to Flink SQL; ${differs}`;
  const names = unmapped.map((g) => `'${g.nodeId}'${g.path === '' ? '' : ` ${g.path}`}`).join(', ');
  const head = `${unmapped.length} part${unmapped.length === 1 ? '' : 's'} could not map: ${names}`;
  return differs === '' ? head : `${head}; ${differs}`;
}
