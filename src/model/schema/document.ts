/**
 * The whole pipeline document (FORMAT.md, version 1): nodes as a union
 * discriminated on `kind`, edges, and the envelope around them.
 */
import * as z from 'zod';
import {
  AGGREGATE,
  SINK_COLLECT,
  SINK_CHART,
  SINK_LOG,
  SINK_TABLE,
  SINK_ALERT,
  DETECT_CHANGEPOINT,
  DETECT_CONTEXTUAL,
  DETECT_EWMA,
  DETECT_MAD,
  DETECT_THRESHOLD,
  DETECT_ZSCORE,
  TRANSFORM_CLEAN,
  TRANSFORM_ROLLING,
  SOURCE_FILE,
  SOURCE_SAMPLE,
  SOURCE_WEBSOCKET,
  TRANSFORM_FILTER,
  TRANSFORM_KEY_BY,
  TRANSFORM_MAP,
  TRANSFORM_UNION,
  WINDOW_COUNT,
  WINDOW_CUMULATE,
  WINDOW_HOPPING,
  WINDOW_SESSION,
  WINDOW_TUMBLING,
  type NodeKind,
} from '../kinds';
import { aggregateParamsSchema } from './aggregate';
import { alertSinkParamsSchema } from './alert';
import { contextualParamsSchema } from './detectorContextual';
import { changepointParamsSchema, thresholdParamsSchema } from './detectorsRules';
import { ewmaParamsSchema, madParamsSchema, zscoreParamsSchema } from './detectorsStatistical';
import { cleanParamsSchema, rollingParamsSchema } from './features';
import { idSchema, positionSchema, strict } from './common';
import { chartSinkParamsSchema, collectSinkParamsSchema, logSinkParamsSchema, tableSinkParamsSchema } from './sinks';
import { fileSourceParamsSchema, sampleSourceParamsSchema, websocketSourceParamsSchema } from './sources';
import { filterParamsSchema, keyByParamsSchema, mapParamsSchema, unionParamsSchema } from './transforms';
import { countWindowParamsSchema, cumulateParamsSchema, hoppingParamsSchema, sessionParamsSchema, tumblingParamsSchema } from './windows';

export const DOCUMENT_FORMAT = 'windowpane.pipeline';
export const CURRENT_VERSION = 1;

// One object for every kind's node: zod builds several objects per schema and per method call.
const nodeIdSchema = idSchema.describe('Unique within the document; edges refer to it.');
const nodeNameSchema = z.string().optional().describe('A label for the editor.');

/**
 * The node of one kind. `params` is the kind's lazy params schema
 * (./onDemand.ts): the union picks a node's option by its `kind` alone, so
 * only the kinds a document holds build their params.
 */
function nodeOf<Kind extends NodeKind, Params extends z.ZodType>(kind: Kind, params: Params) {
  return strict({
    id: nodeIdSchema,
    kind: z.literal(kind),
    name: nodeNameSchema,
    position: positionSchema,
    params,
  });
}

export const nodeSchema = z.discriminatedUnion('kind', [
  nodeOf(SOURCE_SAMPLE, sampleSourceParamsSchema),
  nodeOf(SOURCE_FILE, fileSourceParamsSchema),
  nodeOf(SOURCE_WEBSOCKET, websocketSourceParamsSchema),
  nodeOf(TRANSFORM_FILTER, filterParamsSchema),
  nodeOf(TRANSFORM_MAP, mapParamsSchema),
  nodeOf(TRANSFORM_KEY_BY, keyByParamsSchema),
  // Kinds whose params are all optional may leave `params` out.
  nodeOf(TRANSFORM_UNION, unionParamsSchema.prefault({})),
  nodeOf(TRANSFORM_CLEAN, cleanParamsSchema),
  nodeOf(TRANSFORM_ROLLING, rollingParamsSchema),
  nodeOf(WINDOW_TUMBLING, tumblingParamsSchema),
  nodeOf(WINDOW_HOPPING, hoppingParamsSchema),
  nodeOf(WINDOW_CUMULATE, cumulateParamsSchema),
  nodeOf(WINDOW_SESSION, sessionParamsSchema),
  nodeOf(WINDOW_COUNT, countWindowParamsSchema),
  nodeOf(AGGREGATE, aggregateParamsSchema),
  nodeOf(DETECT_ZSCORE, zscoreParamsSchema),
  nodeOf(DETECT_EWMA, ewmaParamsSchema),
  nodeOf(DETECT_MAD, madParamsSchema),
  nodeOf(DETECT_THRESHOLD, thresholdParamsSchema),
  nodeOf(DETECT_CHANGEPOINT, changepointParamsSchema),
  nodeOf(DETECT_CONTEXTUAL, contextualParamsSchema),
  nodeOf(SINK_COLLECT, collectSinkParamsSchema.prefault({})),
  nodeOf(SINK_LOG, logSinkParamsSchema.prefault({})),
  nodeOf(SINK_CHART, chartSinkParamsSchema),
  nodeOf(SINK_TABLE, tableSinkParamsSchema.prefault({})),
  nodeOf(SINK_ALERT, alertSinkParamsSchema.prefault({})),
]);

export const OUTPUT_PORTS = ['out', 'late'] as const;
export const INPUT_PORTS = ['in'] as const;

export const edgeSchema = strict({
  id: idSchema.describe('Unique within the document.'),
  from: z.string().min(1).describe('The id of the node the edge leaves.'),
  to: z.string().min(1).describe('The id of the node the edge enters.'),
  fromPort: z.enum(OUTPUT_PORTS).default('out').describe('The output port it leaves: out, or late for windows.'),
  toPort: z.enum(INPUT_PORTS).default('in').describe('The input port it enters.'),
});

export const documentSchema = strict({
  format: z.literal(DOCUMENT_FORMAT),
  version: z.literal(CURRENT_VERSION),
  name: z.string().describe('The pipeline\'s title.'),
  description: z.string().optional().describe('A sentence about what the pipeline does.'),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
}).meta({
  title: 'Windowpane pipeline',
  description: 'A streaming pipeline for Windowpane (format version 1): nodes, and edges between their ports.',
});

/** A valid document after parsing: every default filled in. */
export type PipelineDocument = z.output<typeof documentSchema>;
/** A document as a person may write it: defaulted fields are optional. */
export type PipelineDocumentInput = z.input<typeof documentSchema>;
export type PipelineNode = z.output<typeof nodeSchema>;
export type PipelineNodeInput = z.input<typeof nodeSchema>;
export type PipelineEdge = z.output<typeof edgeSchema>;
export type PipelineEdgeInput = z.input<typeof edgeSchema>;
/** The node of one kind: `NodeOfKind<'window.tumbling'>['params']` is `TumblingParams`. */
export type NodeOfKind<Kind extends NodeKind> = Extract<PipelineNode, { kind: Kind }>;
export type ParamsOf<Kind extends NodeKind> = NodeOfKind<Kind>['params'];
export type OutputPort = (typeof OUTPUT_PORTS)[number];
export type InputPort = (typeof INPUT_PORTS)[number];
export type Position = z.output<typeof positionSchema>;
