import { formatCount, formatExactCount } from '../../charts/format';
import type { NodeStats } from '../../worker/protocol';

/** An alert sink's webhook line: alerts posted, and those it failed to deliver (in the late-events colour, with the last error). */
export function WebhookBadge({ stats }: { stats: NodeStats }) {
  const hook = stats.webhook;
  if (hook === undefined) return null;
  const title = `Webhook: ${formatExactCount(hook.sent)} alert rows posted, ${formatExactCount(hook.failed)} not delivered after retries${hook.pending > 0 ? `, ${hook.pending} waiting` : ''}${hook.lastError === '' ? '' : `; last error: ${hook.lastError}`}`;
  return (
    <div className="wp-stat-line" data-testid="webhook-badge" data-sent={hook.sent} data-failed={hook.failed} title={title}>
      <span>webhook {formatCount(hook.sent)} sent</span>
      {hook.failed > 0 && <span className="wp-stat-late">{formatCount(hook.failed)} failed</span>}
    </div>
  );
}
