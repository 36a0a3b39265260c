import type { Edge, Node } from '@xyflow/react';
import type { NodeFamily } from '../../model';

/** What a node on the canvas draws; derived from the document, never edited by React Flow. */
interface PipelineNodeData extends Record<string, unknown> {
  readonly kind: string;
  /** The node's name, or its id when it has none. */
  readonly title: string;
  readonly summary: string;
  /** The node's problems, as sentences; empty when it is valid. */
  readonly problems: readonly string[];
}

/** A canvas node: its React Flow type is its family, which picks colour, icon and handles. */
export type PipelineFlowNode = Node<PipelineNodeData, NodeFamily>;

interface PipelineEdgeData extends Record<string, unknown> {
  readonly late: boolean;
}

export type PipelineFlowEdge = Edge<PipelineEdgeData>;

/** The drag-and-drop type that carries a node kind from the palette to the canvas. */
export const KIND_MIME = 'application/x-windowpane-kind';
/** Beside KIND_MIME when a palette entry brings its own params (a live stream): their JSON. */
export const PARAMS_MIME = 'application/x-windowpane-params';

/** The canvas grid, which dropped and dragged nodes snap to. */
export const GRID = 16;

/** A new node's size before it is measured, to centre it where it is dropped. */
export const NODE_SIZE = { width: 176, height: 56 } as const;

/** How "fit view" frames the pipeline: a margin around it, and never closer than 125 %. */
export const FIT_VIEW = { padding: 0.15, maxZoom: 1.25 } as const;
