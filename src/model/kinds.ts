/**
 * The node kinds of a version 1 document, their families and their ports.
 * Graph checks, the editor's palette and the engine's planner all read this
 * one table, so a new kind is added here first.
 */

export const SOURCE_SAMPLE = 'source.sample';
export const SOURCE_FILE = 'source.file';
export const SOURCE_WEBSOCKET = 'source.websocket';
export const TRANSFORM_FILTER = 'transform.filter';
export const TRANSFORM_MAP = 'transform.map';
export const TRANSFORM_KEY_BY = 'transform.keyBy';
export const TRANSFORM_UNION = 'transform.union';
export const TRANSFORM_CLEAN = 'transform.clean';
export const TRANSFORM_ROLLING = 'transform.rolling';
export const WINDOW_TUMBLING = 'window.tumbling';
export const WINDOW_HOPPING = 'window.hopping';
export const WINDOW_CUMULATE = 'window.cumulate';
export const WINDOW_SESSION = 'window.session';
export const WINDOW_COUNT = 'window.count';
export const AGGREGATE = 'aggregate';
export const DETECT_ZSCORE = 'detect.zscore';
export const DETECT_EWMA = 'detect.ewma';
export const DETECT_MAD = 'detect.mad';
export const DETECT_THRESHOLD = 'detect.threshold';
export const DETECT_CHANGEPOINT = 'detect.changepoint';
export const DETECT_CONTEXTUAL = 'detect.contextual';
export const SINK_COLLECT = 'sink.collect';
export const SINK_LOG = 'sink.log';
export const SINK_CHART = 'sink.chart';
export const SINK_TABLE = 'sink.table';
export const SINK_ALERT = 'sink.alert';

/** Every node kind, in palette order (sources first, sinks last). */
export const NODE_KINDS = [
  SOURCE_SAMPLE,
  SOURCE_FILE,
  SOURCE_WEBSOCKET,
  TRANSFORM_FILTER,
  TRANSFORM_MAP,
  TRANSFORM_KEY_BY,
  TRANSFORM_UNION,
  TRANSFORM_CLEAN,
  TRANSFORM_ROLLING,
  WINDOW_TUMBLING,
  WINDOW_HOPPING,
  WINDOW_CUMULATE,
  WINDOW_SESSION,
  WINDOW_COUNT,
  AGGREGATE,
  DETECT_ZSCORE,
  DETECT_EWMA,
  DETECT_MAD,
  DETECT_THRESHOLD,
  DETECT_CHANGEPOINT,
  DETECT_CONTEXTUAL,
  SINK_COLLECT,
  SINK_LOG,
  SINK_CHART,
  SINK_TABLE,
  SINK_ALERT,
] as const;

export type NodeKind = (typeof NODE_KINDS)[number];

/** `detect`: anomaly detectors, which pass every record on with its score (./detectorFields.ts). */
export type NodeFamily = 'source' | 'transform' | 'window' | 'aggregate' | 'detect' | 'sink';

export type PortName = 'in' | 'out' | 'late';

/**
 * How many edges a node's `in` port takes: `none` for sources, `one` for
 * single-input operators, `oneOrMore` for union and sinks.
 */
export type InputArity = 'none' | 'one' | 'oneOrMore';

export interface PortSpec {
  readonly inputs: readonly PortName[];
  readonly outputs: readonly PortName[];
  readonly inputArity: InputArity;
}

const SOURCE_PORTS: PortSpec = { inputs: [], outputs: ['out'], inputArity: 'none' };
const SINGLE_PORTS: PortSpec = { inputs: ['in'], outputs: ['out'], inputArity: 'one' };
const UNION_PORTS: PortSpec = { inputs: ['in'], outputs: ['out'], inputArity: 'oneOrMore' };
const WINDOW_PORTS: PortSpec = { inputs: ['in'], outputs: ['out', 'late'], inputArity: 'one' };
const SINK_PORTS: PortSpec = { inputs: ['in'], outputs: [], inputArity: 'oneOrMore' };

const FAMILY_PORTS: Record<NodeFamily, PortSpec> = {
  source: SOURCE_PORTS,
  transform: SINGLE_PORTS,
  window: WINDOW_PORTS,
  aggregate: SINGLE_PORTS,
  detect: SINGLE_PORTS,
  sink: SINK_PORTS,
};

const KIND_SET: ReadonlySet<string> = new Set(NODE_KINDS);

/** True when `value` is one of {@link NODE_KINDS}. */
export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && KIND_SET.has(value);
}

/** The family of a kind: the part before the dot, or `aggregate`. */
export function familyOf(kind: NodeKind): NodeFamily {
  if (kind === AGGREGATE) return 'aggregate';
  // Every other kind is `family.name`; the NODE_KINDS list guarantees it.
  return kind.slice(0, kind.indexOf('.')) as Exclude<NodeFamily, 'aggregate'>;
}

/** The input and output ports of a kind, and how many edges its input takes. */
export function portsOf(kind: NodeKind): PortSpec {
  // Union is the one transform that merges streams.
  if (kind === TRANSFORM_UNION) return UNION_PORTS;
  return FAMILY_PORTS[familyOf(kind)];
}
