import type { NodeStats, SourceConnection } from '../../worker/protocol';
import type { RunState } from '../run/types';
import { ownValue } from '../ownValue';

/**
 * Selectors of one node's or edge's live figures, made once per id (with
 * useMemo) so that a metrics update re-renders only the badges whose figures
 * changed, never the canvas or the nodes themselves. An idle run (never
 * started, or stopped) shows nothing; a paused or finished one its last figures.
 */
export function statsOf(nodeId: string): (s: RunState) => NodeStats | undefined {
  return (s) => (s.phase === 'idle' ? undefined : ownValue(s.metrics?.nodes, nodeId));
}

export function connectionOf(nodeId: string): (s: RunState) => SourceConnection | undefined {
  return (s) => (s.phase === 'idle' ? undefined : ownValue(s.metrics?.connections, nodeId));
}

/** An edge's rate to two significant digits: a rate that wobbles in its third digit does not redraw the edge. */
export function edgeRateOf(edgeId: string): (s: RunState) => number | undefined {
  return (s) => {
    const rate = s.phase === 'idle' ? undefined : ownValue(s.metrics?.edges, edgeId);
    return rate === undefined ? undefined : Number(rate.toPrecision(2));
  };
}

/**
 * An edge's width for a rate: thicker on a log scale, from the idle 1.6 px to
 * at most 7 px, in quarter pixels, so a rate that drifts does not repaint it.
 */
export function strokeForRate(perSecond: number): number {
  const width = Math.min(7, 1.6 + 1.1 * Math.log10(1 + Math.max(0, perSecond)));
  return Math.round(width * 4) / 4;
}
