import { memo } from 'react';
import { Sparkline } from '../../charts/Sparkline';
import { useSinkBuffer } from '../results/SinkBuffers';

/** The chart node's own small live chart: its sink's series as sparklines. */
export const NodeChartPreview = memo(function NodeChartPreview({ id }: { id: string }) {
  const sink = useSinkBuffer(id);
  return (
    <div className="wp-node-chart" data-testid="node-chart">
      {sink?.kind === 'chart' ? <Sparkline buffer={sink.buffer} className="wp-node-sparkline" /> : <div className="wp-node-sparkline" />}
    </div>
  );
});
