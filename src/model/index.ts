/**
 * The pipeline document: its format (version 1), validation, migration and
 * JSON Schema. No DOM, no engine: the editor, the worker, the server and the
 * CLI all read documents through here.
 */
export { DURATION_PATTERN, formatDuration, parseDuration } from './duration';
export {
  AGGREGATE,
  DETECT_CHANGEPOINT,
  DETECT_CONTEXTUAL,
  DETECT_EWMA,
  DETECT_MAD,
  DETECT_THRESHOLD,
  DETECT_ZSCORE,
  NODE_KINDS,
  SINK_ALERT,
  SINK_CHART,
  SINK_COLLECT,
  SINK_LOG,
  SINK_TABLE,
  SOURCE_FILE,
  SOURCE_SAMPLE,
  SOURCE_WEBSOCKET,
  TRANSFORM_CLEAN,
  TRANSFORM_FILTER,
  TRANSFORM_KEY_BY,
  TRANSFORM_MAP,
  TRANSFORM_ROLLING,
  TRANSFORM_UNION,
  WINDOW_COUNT,
  WINDOW_CUMULATE,
  WINDOW_HOPPING,
  WINDOW_SESSION,
  WINDOW_TUMBLING,
  familyOf,
  isNodeKind,
  portsOf,
  type InputArity,
  type NodeFamily,
  type NodeKind,
  type PortName,
  type PortSpec,
} from './kinds';
export {
  CURRENT_VERSION,
  DOCUMENT_FORMAT,
  INPUT_PORTS,
  OUTPUT_PORTS,
  documentSchema,
  edgeSchema,
  nodeSchema,
  type InputPort,
  type NodeOfKind,
  type OutputPort,
  type ParamsOf,
  type PipelineDocument,
  type PipelineDocumentInput,
  type PipelineEdge,
  type PipelineEdgeInput,
  type PipelineNode,
  type PipelineNodeInput,
  type Position,
} from './schema/document';
export {
  CONTENT_HASH,
  DECLARED_FIELD_TYPES,
  FILE_FORMATS,
  MESSAGE_FORMATS,
  SAMPLE_STREAMS,
  TIME_FORMATS,
  fileSourceParamsSchema,
  sampleSourceParamsSchema,
  storedFileSchema,
  websocketSourceParamsSchema,
  type DeclaredFieldType,
  type FileFormat,
  type FileSourceParams,
  type MessageFormat,
  type WebsocketSourceParams,
  type SampleSourceParams,
  type SampleStream,
  type StoredFile,
  type TimeFormat,
} from './schema/sources';
export {
  filterParamsSchema,
  keyByParamsSchema,
  mapParamsSchema,
  unionParamsSchema,
  type FilterParams,
  type KeyByParams,
  type MapField,
  type MapParams,
  type UnionParams,
} from './schema/transforms';
export {
  countWindowParamsSchema,
  cumulateParamsSchema,
  hoppingParamsSchema,
  sessionParamsSchema,
  tumblingParamsSchema,
  type CountWindowParams,
  type CumulateParams,
  type HoppingParams,
  type SessionParams,
  type TimeDomain,
  type TumblingParams,
} from './schema/windows';
export {
  AGGREGATE_FNS,
  NUMBER_FNS,
  ORDERED_FNS,
  RESERVED_OUTPUT_FIELDS,
  aggregateParamsSchema,
  aggregationSpecSchema,
  type AggregateFn,
  type AggregateParams,
  type AggregationSpec,
} from './schema/aggregate';
export {
  CHART_TYPES,
  CHART_X_AXES,
  chartSinkParamsSchema,
  collectSinkParamsSchema,
  logSinkParamsSchema,
  tableSinkParamsSchema,
  type ChartSinkParams,
  type ChartType,
  type ChartXAxis,
  type CollectSinkParams,
  type LogSinkParams,
  type TableSinkParams,
} from './schema/sinks';
export { formatPath, type Problem, type ValidationResult } from './problems';
export { ownArrayLength } from './rawAccess';
export {
  DEFAULT_EARLIEST_YEAR,
  DEFAULT_EVENT_TIME_RANGE,
  DEFAULT_LATEST_YEAR,
  describeYears,
  eventTimeRange,
  inEventTimeRange,
  yearStartMs,
  type EventTimeRange,
} from './eventTimeRange';
export {
  MAX_COUNT_WINDOW_SIZE,
  MAX_DURATION_MS,
  MAX_EDGES,
  MAX_LIST_ENTRIES,
  MAX_LOG_LINES,
  MAX_NODES,
  MAX_QUEUED_VALUES,
  MAX_REORDER_EVENTS,
  MAX_SAMPLE_KEYS,
  MAX_SAMPLE_RATE,
  MAX_WINDOWS_PER_EVENT,
  MIN_SAMPLE_RATE,
} from './limits';
export { validate } from './validate';
export { MIGRATIONS, migrate, type MigrationResult, type MigrationStep } from './migrate';
export { loadPipeline, parsePipelineJson, type JsonParseResult } from './json';
export { pipelineJsonSchema, renderPipelineJsonSchema } from './jsonSchema';
export { pipelineVersion } from './pipelineVersion';
export { retryPolicySchema, retryDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from './schema/retryPolicy';
export { parseLogStart, formatLogStart, partitionOf, type LogStart, type LogMessage, type TopicInfo, type PartitionInfo } from './logProtocol';
export { ANOMALY_REASON_FIELD, ANOMALY_SCORE_FIELD, DETECTOR_OUTPUT_FIELDS, IS_ANOMALY_FIELD } from './detectorFields';
export { ALERT_ROW_FIELDS, ALERT_STATUSES, type AlertRow, type AlertStatus } from './alerts';
export { ALERT_SEVERITIES, alertSinkParamsSchema, type AlertSeverity, type AlertSinkParams } from './schema/alert';
export { detectorBaseShape } from './schema/detectorCommon';
export { contextualParamsSchema, type ContextualParams } from './schema/detectorContextual';
export { changepointParamsSchema, thresholdParamsSchema, type ChangepointParams, type ThresholdParams } from './schema/detectorsRules';
export { ewmaParamsSchema, madParamsSchema, zscoreParamsSchema, type EwmaParams, type MadParams, type ZscoreParams } from './schema/detectorsStatistical';
export { MISSING_VALUE_RULES, ROLLING_FNS, cleanParamsSchema, rollingParamsSchema, type CleanParams, type MissingValueRule, type RollingFeature, type RollingParams } from './schema/features';
