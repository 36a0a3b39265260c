/**
 * The contract of the Flink SQL export (issue 16): a pipeline document in,
 * a Flink SQL script out, with every statement traced to the nodes it comes
 * from and every part that cannot map named with its node and reason.
 * Pure TypeScript (no DOM, no Node): the app's panel, the CLI's
 * `export --flink-sql` and the tests all call `exportFlinkSql`.
 */
import type { FieldType } from '../engine/batch';

/** The Flink release the script targets (2.2.0, released December 2025, the newest stable release we know of). */
export const FLINK_VERSION = '2.2';

/** Connectors a source table can use. */
export const SOURCE_CONNECTORS = ['kafka', 'filesystem', 'datagen'] as const;
export type SourceConnector = (typeof SOURCE_CONNECTORS)[number];

/** Connectors a sink table can use. */
export const SINK_CONNECTORS = ['print', 'blackhole', 'filesystem', 'kafka'] as const;
export type SinkConnector = (typeof SINK_CONNECTORS)[number];

/** What the user chose for the export; anything absent takes the default of its node's kind. */
export interface FlinkExportOptions {
  /** By source node id: the connector of its CREATE TABLE (default: file -> filesystem, websocket -> kafka, sample -> datagen). */
  readonly sourceConnectors?: ReadonlyMap<string, SourceConnector>;
  /** By sink node id: the connector of its sink table (default: print; charts and tables become print sinks with a comment). */
  readonly sinkConnectors?: ReadonlyMap<string, SinkConnector>;
  /**
   * Field types of file sources whose data is not at hand (the app's stored
   * file before it is read, a CLI export without --input): by node id.
   * Absent: the node's `params.fields`, else its inline data, else the source is unmappable.
   */
  readonly fileFields?: ReadonlyMap<string, readonly { readonly name: string; readonly type: FieldType }[]>;
}

/** The role a statement plays, for the panel's grouping and the tests. */
export type StatementKind = 'set' | 'createSource' | 'createView' | 'createSink' | 'insert' | 'statementSet' | 'comment';

/** One statement of the script (or a comment block), where it sits in `script`, and the nodes it comes from. */
export interface FlinkStatement {
  readonly kind: StatementKind;
  /** The statement's text, including its leading comment lines and its terminating `;`. */
  readonly text: string;
  /** Offsets into `FlinkExport.script`: `script.slice(from, to) === text`. */
  readonly from: number;
  readonly to: number;
  /** The pipeline nodes this statement expresses (for the panel's highlighting), in document order. */
  readonly nodeIds: readonly string[];
}

/** A part of the pipeline with no Flink SQL equivalent, or one whose meaning differs: never silently dropped. */
export interface FlinkGap {
  readonly nodeId: string;
  /** The JSON path of the parameter concerned under the node, like `params.allowedLateness`; '' for the node itself. */
  readonly path: string;
  /** `unmappable`: left out of the script (a comment says so); `differs`: mapped, but Flink's meaning differs (said in a comment). */
  readonly severity: 'unmappable' | 'differs';
  readonly reason: string;
}

/** A column of a sink table, as Flink types it. */
export interface FlinkColumn {
  readonly name: string;
  /** Flink SQL type, like `BIGINT`, `DOUBLE`, `STRING`, `BOOLEAN`, `TIMESTAMP(3)`, `TIMESTAMP_LTZ(3)`. */
  readonly flinkType: string;
}

/** The export of a valid pipeline. */
export interface FlinkExport {
  readonly ok: true;
  readonly flinkVersion: string;
  /** The whole script: the statements joined, ready for Flink's SQL client. */
  readonly script: string;
  readonly statements: readonly FlinkStatement[];
  readonly gaps: readonly FlinkGap[];
  /** By sink node id: the columns its INSERT writes (the same names as our results). */
  readonly sinkColumns: ReadonlyMap<string, readonly FlinkColumn[]>;
}

/** A document that does not validate or compile exports nothing: its problems, with their paths. */
export interface FlinkExportFailure {
  readonly ok: false;
  readonly problems: readonly { readonly path: string; readonly message: string }[];
}

export type FlinkExportResult = FlinkExport | FlinkExportFailure;

/** An expression of our language in Flink SQL, or why it cannot be. */
export type TranslatedExpression =
  | {
      readonly ok: true;
      readonly sql: string;
      /** Where Flink's meaning differs from ours (missing values, string semantics, time zones), in words. */
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly reason: string };
