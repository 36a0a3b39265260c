import type { SourceConnection } from '../../worker/protocol';
import { formatCount, formatExactCount } from '../../charts/format';

const STATE_LABEL: Record<SourceConnection['state'], string> = { connecting: 'connecting', live: 'live', reconnecting: 'reconnecting', closed: 'closed' };

/**
 * A WebSocket source's connection state, and its dead letters and dropped
 * events; hovering the dead letters lists the last few with their reasons.
 */
export function ConnectionBadge({ id, connection }: { id: string; connection: SourceConnection }) {
  const tipId = `wp-dead-letters-${id}`;
  return (
    <div className="wp-stat-line">
      <span className={`wp-connection is-${connection.state}`} data-testid="connection-state" data-state={connection.state} title={connection.detail || undefined}>
        <span className="wp-connection-dot" aria-hidden="true" />
        {STATE_LABEL[connection.state]}
      </span>
      {connection.deadLetters > 0 && (
        <span className="wp-dead-letters" tabIndex={-1} data-testid="dead-letters" data-count={connection.deadLetters} aria-describedby={tipId}>
          {formatCount(connection.deadLetters)} dead
          <span className="wp-node-tip wp-dead-letter-tip" role="tooltip" id={tipId}>
            <strong>{formatExactCount(connection.deadLetters)} messages could not be read. The last ones:</strong>
            <ul>
              {connection.lastDeadLetters.map((d, i) => (
                <li key={i}>message {d.message}: <code>{d.text}</code> {d.reason}</li>
              ))}
            </ul>
          </span>
        </span>
      )}
      {connection.dropped > 0 && (
        <span className="wp-stat-late" data-testid="dropped" data-count={connection.dropped} title={`${formatExactCount(connection.dropped)} events dropped (oldest first) because the pipeline fell behind`}>
          {formatCount(connection.dropped)} dropped
        </span>
      )}
    </div>
  );
}
