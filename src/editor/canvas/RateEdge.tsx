import { BaseEdge, getBezierPath, useStore, type EdgeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { formatRate } from '../../charts/format';
import { useRun } from '../run/RunProvider';
import { EdgeBreakpointMarker } from '../breakpoints/BreakpointMarker';
import { lowDetail } from './detail';
import type { PipelineFlowEdge } from './flowTypes';
import { edgeRateOf, strokeForRate } from './runSelectors';
import { usePacedMount } from './usePacedMount';


/** Width of one character of the label's 10 px monospace font, so the box needs no measuring. */
const CHAR_WIDTH = 6.1;

function RateLabel({ x, y, text }: { x: number; y: number; text: string }) {
  const width = text.length * CHAR_WIDTH + 8;
  return (
    <g className="wp-edge-rate" data-testid="edge-rate" transform={`translate(${x} ${y})`}>
      <rect x={-width / 2} y={-7.5} width={width} height={15} rx={4} />
      <text textAnchor="middle" dominantBaseline="central">{text}</text>
    </g>
  );
}

/**
 * React Flow's bezier edge, labelled with its rate while a run exists and
 * thicker the more flows along it (log scale). It reads its own rate from
 * the run store, so metrics updates redraw the edges whose rate changed only.
 * The label is drawn in a box sized from its length: React Flow's own edge label
 * measures itself with getBBox on every change, a forced layout per edge that
 * took a third of the main thread with 240 live edges.
 */
export const RateEdge = memo(function RateEdge(props: EdgeProps<PipelineFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, style, markerEnd, markerStart, interactionWidth } = props;
  const rate = useRun(useMemo(() => edgeRateOf(id), [id]));
  // Zoomed far out the label is unreadable: leave it out rather than hide it, so it is never laid out.
  const far = useStore(lowDetail);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const live = rate !== undefined;
  // Mounted with the badges' pace, so a run's first frame does not create every label at once.
  const labelled = usePacedMount(live && !far);
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
      {labelled && rate !== undefined && <RateLabel x={labelX} y={labelY} text={formatRate(rate)} />}
      <EdgeBreakpointMarker edgeId={id} x={labelX} y={labelY} />
    </>
  );
});
