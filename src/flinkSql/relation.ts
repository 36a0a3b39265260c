/**
 * What the translation knows about each node's output: the table or view
 * that holds it in the script, its columns with our and Flink's types, the
 * time attributes it carries and the keys a keyBy left pending. A node whose
 * output cannot be expressed leaves a `Blocked` instead, naming why, so
 * everything after it becomes a gap rather than a broken statement.
 */
import type { FieldType } from '../engine/batch';
import type { PipelineNode } from '../model';

export interface Column {
  readonly name: string;
  readonly type: FieldType;
  readonly flinkType: string;
}

export interface Relation {
  readonly kind: 'relation';
  /** The (unquoted) name of the table or view to read. */
  readonly table: string;
  /** The data columns, in our order (the rowtime and proctime columns are not among them). */
  readonly columns: readonly Column[];
  /** Carries the script's rowtime attribute (event time, TIMESTAMP_LTZ(3) with a watermark). */
  readonly rowtime: boolean;
  /** Carries the script's PROCTIME() attribute. */
  readonly proctime: boolean;
  /** Fields a keyBy made the key, in its order; empty when unkeyed. */
  readonly keys: readonly string[];
  /** The keyBy nodes behind `keys`: the aggregate that groups by them names them among its nodes. */
  readonly keyNodeIds: readonly string[];
  /** Nodes folded into this relation with no statement of their own (keyBy): the next statement reading it names them. */
  readonly carriedIds: readonly string[];
  /** The output of a non-windowed aggregate: an updating (changelog) result. */
  readonly updating: boolean;
}

/** The `out` of a window: it has no statement of its own; its aggregate writes the window query. */
export interface PendingWindow {
  readonly kind: 'window';
  readonly node: Extract<PipelineNode, { kind: `window.${string}` }>;
  readonly input: Relation;
}

/** An output that cannot be expressed: the node at fault and why. */
export interface Blocked {
  readonly kind: 'blocked';
  readonly nodeId: string;
  readonly reason: string;
  /** The late port of window `nodeId`, rather than a node that cannot be expressed. */
  readonly late?: true;
}

/** Why a node fed by `blocked` cannot be expressed either, for its gap. */
export function dependsOn(blocked: Blocked): string {
  if (blocked.late === true) return `it is fed by the late port of window '${blocked.nodeId}', which has no Flink SQL equivalent (Flink drops events behind the watermark; the script offers a query for them in a comment)`;
  return `it depends on '${blocked.nodeId}', which cannot be expressed in Flink SQL: ${blocked.reason}`;
}

export type Output = Relation | PendingWindow | Blocked;
