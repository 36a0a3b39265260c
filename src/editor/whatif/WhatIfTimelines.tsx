import { useMemo } from 'react';
import type { NodeComparison } from '../../engine/compare/types';
import { useRunController } from '../run/RunProvider';
import { TimelineView } from '../timeline/TimelineView';
import { whatIfTimelineSource } from './whatIfTimelineSource';

/** The event time both runs' windows cover, or null when neither has one. */
export function sharedSpan(node: NodeComparison): { from: number; to: number } | null {
  const windows = node.all ?? node.differences;
  let from = Infinity;
  let to = -Infinity;
  for (const d of windows) {
    if (d.start < from) from = d.start;
    if (d.end > to) to = d.end;
  }
  return from < to ? { from, to } : null;
}

/**
 * Both runs' timelines of one window node, A above B over one shared stretch
 * of event time, so an event's mark stands at the same place in both and its
 * fate (on time, revision, late) can be read across.
 */
export function WhatIfTimelines({ node, before, after, param }: { readonly node: NodeComparison; readonly before: string; readonly after: string; readonly param: string }) {
  const controller = useRunController();
  const sourceA = useMemo(() => whatIfTimelineSource(controller, 'a'), [controller]);
  const sourceB = useMemo(() => whatIfTimelineSource(controller, 'b'), [controller]);
  const span = sharedSpan(node);
  if (span === null) return null;
  const waiting = `No timeline of ${node.nodeId}: the runs recorded the timeline of the changed window node only.`;
  return (
    <div className="wp-whatif-timelines" role="group" aria-label={`Timelines of ${node.nodeId}, A above B`}>
      <h4 className="wp-whatif-run-label">A: {param} {before}</h4>
      <TimelineView source={sourceA} nodeId={node.nodeId} title={`${node.nodeId} in A (${param} ${before})`} active span={span} waiting={waiting} />
      <h4 className="wp-whatif-run-label">B: {param} {after}</h4>
      <TimelineView source={sourceB} nodeId={node.nodeId} title={`${node.nodeId} in B (${param} ${after})`} active span={span} waiting={waiting} />
    </div>
  );
}
