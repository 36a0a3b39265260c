/**
 * The detector an alert sink's records pass through, for the sink's empty
 * state: with one upstream, "no alerts yet" means it has flagged nothing
 * (or is still warming up), not that a detector is missing.
 */
import {
  changepointParamsSchema, contextualParamsSchema, ewmaParamsSchema, madParamsSchema, thresholdParamsSchema, zscoreParamsSchema,
} from '../../model';
import type { EditorDocument } from '../store/types';

export interface UpstreamDetector {
  /** The detector's name as the canvas shows it. */
  readonly name: string;
  /** Records per key it learns from before it may flag one; null when its params cannot be read or it has no warm-up. */
  readonly warmup: number | null;
}

// Each kind's own schema fills in its default warm-up (the contextual detector's differs).
const PARAMS = new Map<string, { safeParse(value: unknown): { success: boolean; data?: unknown } }>([
  ['detect.zscore', zscoreParamsSchema], ['detect.ewma', ewmaParamsSchema], ['detect.mad', madParamsSchema],
  ['detect.threshold', thresholdParamsSchema], ['detect.changepoint', changepointParamsSchema], ['detect.contextual', contextualParamsSchema],
]);

function warmupOf(kind: string, params: unknown): number | null {
  const parsed = PARAMS.get(kind)?.safeParse(params);
  if (parsed?.success !== true || typeof parsed.data !== 'object' || parsed.data === null) return null;
  const warmup: unknown = Object.hasOwn(parsed.data, 'warmup') ? (parsed.data as Record<string, unknown>).warmup : undefined;
  return typeof warmup === 'number' ? warmup : null;
}

/** The nearest detector upstream of `sinkId` (breadth first against the edges), or null when there is none. */
export function upstreamDetector(doc: EditorDocument, sinkId: string): UpstreamDetector | null {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const seen = new Set([sinkId]);
  let frontier = [sinkId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const edge of doc.edges) {
      if (!frontier.includes(edge.to) || seen.has(edge.from)) continue;
      seen.add(edge.from);
      const node = byId.get(edge.from);
      if (node === undefined) continue;
      if (node.kind.startsWith('detect.')) return { name: node.name ?? node.id, warmup: warmupOf(node.kind, node.params) };
      next.push(edge.from);
    }
    frontier = next;
  }
  return null;
}
