import { BaseEdge, getBezierPath, useStore, type EdgeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { formatRate } from '../../charts/format';
import { useRunSlice } from '../results/runAccess';
import { lowDetail } from './detail';
import type { PipelineFlowEdge } from './flowTypes';
import { edgeRateOf, strokeForRate } from './runSelectors';


/**
 * React Flow's bezier edge, labelled with its rate while a run exists and
 * thicker the more flows along it (log scale). It reads its own rate from
 * the run store, so metrics updates redraw the edges whose rate changed only.
 * The label is a plain SVG text with a halo: React Flow's own edge label
 * measures itself with getBBox on every change, a forced layout per edge that
 * took a third of the main thread with 240 live edges.
 */
export const RateEdge = memo(function RateEdge(props: EdgeProps<PipelineFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, style, markerEnd, markerStart, interactionWidth } = props;
  const rate = useRunSlice(useMemo(() => edgeRateOf(id), [id]));
  // Zoomed far out the label is unreadable: leave it out rather than hide it, so it is never laid out.
  const far = useStore(lowDetail);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const live = rate !== undefined;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        style={live ? { ...style, strokeWidth: strokeForRate(rate) } : style}
        {...(markerEnd === undefined ? {} : { markerEnd })}
        {...(markerStart === undefined ? {} : { markerStart })}
        {...(interactionWidth === undefined ? {} : { interactionWidth })}
      />
      {live && !far && (
        <text className="wp-edge-rate" x={labelX} y={labelY} textAnchor="middle" dominantBaseline="central" data-testid="edge-rate">
          {formatRate(rate)}
        </text>
      )}
    </>
  );
});
