import type { EdgeTypes } from '@xyflow/react';
import { RateEdge } from './RateEdge';

/** Defined once at module level, as NODE_TYPES: React Flow remounts every edge when this object changes identity. */
export const EDGE_TYPES: EdgeTypes = { default: RateEdge };
