import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { formatRate } from '../../charts/format';
import { useRunSlice } from '../results/runAccess';
import type { PipelineFlowEdge } from './flowTypes';
import { edgeRateOf, strokeForRate } from './runSelectors';

const LABEL_STYLE = { fill: 'var(--ink-soft)' };
const LABEL_PADDING: [number, number] = [4, 2];

/**
 * React Flow's bezier edge, labelled with its rate while a run exists and
 * thicker the more flows along it (log scale). It reads its own rate from
 * the run store, so metrics updates redraw the edges whose rate changed only.
 */
export const RateEdge = memo(function RateEdge(props: EdgeProps<PipelineFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, style, markerEnd, markerStart, interactionWidth } = props;
  const rate = useRunSlice(useMemo(() => edgeRateOf(id), [id]));
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const live = rate !== undefined;
  return (
    <BaseEdge
      id={id}
      path={path}
      style={live ? { ...style, strokeWidth: strokeForRate(rate) } : style}
      {...(markerEnd === undefined ? {} : { markerEnd })}
      {...(markerStart === undefined ? {} : { markerStart })}
      {...(interactionWidth === undefined ? {} : { interactionWidth })}
      {...(live ? { label: formatRate(rate), labelX, labelY, labelStyle: LABEL_STYLE, labelShowBg: true, labelBgPadding: LABEL_PADDING, labelBgBorderRadius: 4 } : {})}
    />
  );
});
