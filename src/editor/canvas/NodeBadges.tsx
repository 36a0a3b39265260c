import { useStore } from '@xyflow/react';
import { memo, useMemo } from 'react';
import './live.css';
import { formatCount, formatExactCount, formatRate, formatWatermark } from '../../charts/format';
import { useRun } from '../run/RunProvider';
import { ConnectionBadge } from './ConnectionBadge';
import { IdleBadge } from './IdleBadge';
import { WebhookBadge } from './WebhookBadge';
import { badgesShown } from './detail';
import { NodeStateBadge } from '../runs/NodeStateBadge';
import { connectionOf, statsOf } from './runSelectors';
import { usePacedMount } from './usePacedMount';

/** A node's run state and live badges, mounted only while they are readable and on screen (see {@link badgesShown}). */
export const NodeBadges = memo(function NodeBadges(props: { id: string; hasInput: boolean; hasOutput: boolean }) {
  const shown = useStore(useMemo(() => badgesShown(props.id), [props.id]));
  if (!shown) return null;
  return (
    <>
      <NodeStateBadge id={props.id} isSource={!props.hasInput} />
      <LiveBadges {...props} />
    </>
  );
});

/**
 * A node's live figures under it while a run exists: events in and out per
 * second with totals, its watermark, state size and late events. Subscribes
 * to its own node's figures only, so ten metrics updates a second redraw
 * these badges and nothing else of the canvas.
 */
const LiveBadges = memo(function LiveBadges({ id, hasInput, hasOutput }: { id: string; hasInput: boolean; hasOutput: boolean }) {
  const stats = useRun(useMemo(() => statsOf(id), [id]));
  const connection = useRun(useMemo(() => connectionOf(id), [id]));
  // A run's first figures reach every node in the same frame: the badges mount a few a frame (see usePacedMount).
  const mounted = usePacedMount(stats !== undefined || connection !== undefined);
  if (!mounted) return null;
  const stateful = stats !== undefined && (stats.keys > 0 || stats.openWindows > 0);
  return (
    <div className="wp-node-stats" data-testid="node-stats" data-rows-in={stats?.rowsIn ?? 0} data-rows-out={stats?.rowsOut ?? 0} data-late={stats?.lateEvents ?? 0} data-watermark={stats?.watermark ?? -Infinity} data-idle={stats?.idle === true} data-held-back-by={stats?.heldBackBy?.sourceId ?? ''}>
      {stats !== undefined && (
        <>
          <div className="wp-stat-line">
            {hasInput && <span title={`${formatExactCount(stats.rowsIn)} events in`}>in {formatRate(stats.inPerSecond)} <em>{formatCount(stats.rowsIn)}</em></span>}
            {hasOutput && <span title={`${formatExactCount(stats.rowsOut)} events out`}>out {formatRate(stats.outPerSecond)} <em>{formatCount(stats.rowsOut)}</em></span>}
          </div>
          <div className="wp-stat-line">
            <span className="wp-stat-watermark" title="Watermark (UTC): every event before it has arrived">wm {formatWatermark(stats.watermark)}</span>
            {stats.lateEvents > 0 && <span className="wp-stat-late" title={`${formatExactCount(stats.lateEvents)} late events`}>{formatCount(stats.lateEvents)} late</span>}
          </div>
          <IdleBadge stats={stats} />
          <WebhookBadge stats={stats} />
          {stateful && (
            <div className="wp-stat-line" title="State held: keys and open windows">
              <span>{formatCount(stats.keys)} {stats.keys === 1 ? 'key' : 'keys'} · {formatCount(stats.openWindows)} {stats.openWindows === 1 ? 'window' : 'windows'}</span>
            </div>
          )}
        </>
      )}
      {connection !== undefined && <ConnectionBadge id={id} connection={connection} />}
    </div>
  );
});
