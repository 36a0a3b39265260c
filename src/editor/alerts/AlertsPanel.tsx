import { useMemo, useState } from 'react';
import { formatDateTime } from '../../charts/format';
import { useFrameVersion } from '../../charts/useFrameVersion';
import type { AlertRow } from '../../model';
import type { AlertBuffer } from './alertBuffer';
import { listAlerts, summarise, type SortField, type SortOrder, type StatusFilter } from './alertSummary';
import type { UpstreamDetector } from './upstreamDetector';
import './alerts.css';

/** Alerts are read, not watched: four refreshes a second keep the list live and leave the frames to the charts. */
const REFRESH_MS = 250;
/** The most rows the list draws; the counts above it cover every alert the buffer holds. */
export const SHOWN_ALERTS = 300;
const SHOWN_KEYS = 12;

const FILTERS: readonly { readonly value: StatusFilter; readonly label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
];

const score = (s: number | null): string => (s === null ? '—' : s.toFixed(2));
const keyText = (key: string): string => (key === '' ? '(all records)' : key);

/**
 * An alert sink's alerts (its results): counts per status, severity and key
 * above a list of alerts, newest first (or by first time, or oldest first:
 * the time headers sort). An empty sink says what makes it raise one.
 */
export function AlertsPanel({ buffer, title, rule, detector = null }: {
  buffer: AlertBuffer;
  title: string;
  /** The sink's `when` expression, for the empty state; null when its params cannot be read. */
  rule: string | null;
  /** The detector upstream of the sink, for the empty state; null when there is none. */
  detector?: UpstreamDetector | null;
}) {
  const version = useFrameVersion(buffer, REFRESH_MS);
  const [filter, setFilter] = useState<StatusFilter>('all');
  const [order, setOrder] = useState<SortOrder>({ field: 'last_time', newestFirst: true });
  // `version` stands for the buffer's contents, which change in place.
  const alerts = useMemo(() => buffer.alerts(), [buffer, version]);
  const summary = useMemo(() => summarise(alerts), [alerts]);
  const listed = useMemo(() => listAlerts(alerts, filter, order), [alerts, filter, order]);

  if (alerts.length === 0) return <EmptyAlerts rule={rule} detector={detector} />;

  const sortBy = (field: SortField) => setOrder((o) => (o.field === field ? { field, newestFirst: !o.newestFirst } : { field, newestFirst: true }));
  const counts = new Map<StatusFilter, number>([['all', alerts.length], ['open', summary.total.open], ['resolved', summary.total.resolved]]);
  return (
    <div className="wp-alerts" data-testid="alerts-panel">
      <aside className="wp-alerts-summary" aria-label={`Alert counts of ${title}`}>
        <div className="wp-segmented" role="group" aria-label="Show alerts">
          {FILTERS.map((f) => (
            <button key={f.value} type="button" aria-pressed={filter === f.value} onClick={() => setFilter(f.value)}>
              {f.label} <span className="wp-segmented-count">{counts.get(f.value)}</span>
            </button>
          ))}
        </div>
        <ul className="wp-alerts-severities" aria-label="By severity">
          {summary.bySeverity.map((s) => (
            <li key={s.severity} className={`wp-severity is-${s.severity}`} data-testid={`severity-${s.severity}`}>
              <span className="wp-severity-name">{s.severity}</span>
              <span><strong>{s.open}</strong> open</span>
              <span>{s.resolved} resolved</span>
            </li>
          ))}
        </ul>
        <table className="wp-alerts-keys" aria-label="By key">
          <thead>
            <tr><th scope="col">Key</th><th scope="col">Open</th><th scope="col">Resolved</th><th scope="col">Records</th><th scope="col">Max score</th></tr>
          </thead>
          <tbody>
            {summary.byKey.slice(0, SHOWN_KEYS).map((k) => (
              <tr key={k.key}>
                <th scope="row" title={keyText(k.key)}>{keyText(k.key)}</th>
                <td>{k.open}</td>
                <td>{k.resolved}</td>
                <td>{k.records}</td>
                <td>{score(k.maxScore)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {summary.byKey.length > SHOWN_KEYS && <p className="wp-alerts-more">and {summary.byKey.length - SHOWN_KEYS} more keys</p>}
      </aside>
      <div className="wp-alerts-list">
        <table aria-label={`Alerts of ${title}`} data-testid="alerts-table">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Severity</th>
              <th scope="col">Key</th>
              <SortHeader field="first_time" label="First" order={order} onSort={sortBy} />
              <SortHeader field="last_time" label="Last" order={order} onSort={sortBy} />
              <th scope="col">Count</th>
              <th scope="col">Max score</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {listed.slice(0, SHOWN_ALERTS).map((a) => <AlertLine key={a.alert_id} alert={a} />)}
          </tbody>
        </table>
        {listed.length === 0 && <p className="wp-preview-empty">No {filter} alerts.</p>}
        {listed.length > SHOWN_ALERTS && <p className="wp-alerts-more">Showing {SHOWN_ALERTS} of {listed.length} alerts; the counts cover them all.</p>}
      </div>
    </div>
  );
}

function SortHeader({ field, label, order, onSort }: { field: SortField; label: string; order: SortOrder; onSort: (field: SortField) => void }) {
  const sorted = order.field === field;
  const sort = sorted ? (order.newestFirst ? 'descending' : 'ascending') : 'none';
  return (
    <th scope="col" aria-sort={sort}>
      <button type="button" className="wp-alerts-sort" onClick={() => onSort(field)} title={`Sort by ${label.toLowerCase()} time`}>
        {label}
        <span aria-hidden="true">{sorted ? (order.newestFirst ? ' ↓' : ' ↑') : ''}</span>
      </button>
    </th>
  );
}

function AlertLine({ alert: a }: { alert: AlertRow }) {
  const resolved = a.resolved_time === null ? '' : `, resolved at ${formatDateTime(a.resolved_time)}`;
  return (
    <tr className={`wp-alert is-${a.status}`} data-testid="alert-row" data-status={a.status} title={`${a.alert_id}${resolved}`}>
      <td><span className={`wp-alert-status is-${a.status}`}>{a.status}</span></td>
      <td><span className={`wp-severity-pill is-${a.severity}`}>{a.severity}</span></td>
      <td className="wp-alert-key">{keyText(a.key)}</td>
      <td className="wp-alert-time">{formatDateTime(a.first_time)}</td>
      <td className="wp-alert-time">{formatDateTime(a.last_time)}</td>
      <td className="wp-alert-number">{a.count}</td>
      <td className="wp-alert-number">{score(a.max_score)}</td>
      <td className="wp-alert-reason" title={a.reason}>{a.reason}</td>
    </tr>
  );
}

/** No alerts (yet): what raises one, and, without a detector upstream, what to put before the sink. */
function EmptyAlerts({ rule, detector }: { rule: string | null; detector: UpstreamDetector | null }) {
  const warms = detector?.warmup === null || detector?.warmup === undefined || detector.warmup === 0
    ? ''
    : ` (it warms up over its first ${detector.warmup.toLocaleString('en')} records per key)`;
  return (
    <div className="wp-alerts-empty" data-testid="alerts-empty">
      <p><strong>No alerts yet.</strong> This sink raises an alert when a record matches {rule === null ? 'its rule' : <code>{rule}</code>}.</p>
      {detector !== null
        ? <p>The detector <strong>{detector.name}</strong> upstream has flagged nothing so far{warms}; run the pipeline, and open and resolved alerts are listed here.</p>
        : <p>Put a detector from the palette&apos;s <strong>Detect</strong> family (Z-score, EWMA, MAD / IQR, threshold, change-point, contextual) before it, then run the pipeline; open and resolved alerts are listed here.</p>}
    </div>
  );
}
