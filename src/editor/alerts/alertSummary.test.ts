import { describe, expect, it } from 'vitest';
import { alertRow } from './testing';
import { listAlerts, summarise } from './alertSummary';

const alerts = [
  alertRow({ alert_id: 'a:m1:1', key: 'm1', severity: 'critical', status: 'resolved', first_time: 1000, last_time: 3000, count: 3, max_score: 0.95, resolved_time: 9000 }),
  alertRow({ alert_id: 'a:m2:1', key: 'm2', severity: 'warning', status: 'open', first_time: 2000, last_time: 2500, count: 2, max_score: 0.8 }),
  alertRow({ alert_id: 'a:m1:2', key: 'm1', severity: 'critical', status: 'open', first_time: 10_000, last_time: 10_000, count: 1, max_score: 0.99 }),
  alertRow({ alert_id: 'a:__proto__:1', key: '__proto__', severity: 'info', status: 'resolved', first_time: 500, last_time: 600, count: 1, max_score: null }),
];

describe('summarise', () => {
  it('counts open and resolved alerts overall, per severity (most serious first) and per key', () => {
    const s = summarise(alerts);
    expect(s.total).toEqual({ open: 2, resolved: 2 });
    expect(s.bySeverity).toEqual([
      { severity: 'critical', open: 1, resolved: 1 },
      { severity: 'warning', open: 1, resolved: 0 },
      { severity: 'info', open: 0, resolved: 1 },
    ]);
    expect(s.byKey).toEqual([
      { key: 'm1', open: 1, resolved: 1, records: 4, maxScore: 0.99, lastTime: 10_000 },
      { key: 'm2', open: 1, resolved: 0, records: 2, maxScore: 0.8, lastTime: 2500 },
      { key: '__proto__', open: 0, resolved: 1, records: 1, maxScore: null, lastTime: 600 },
    ]);
  });

  it('shows every severity at zero when there are no alerts', () => {
    expect(summarise([])).toEqual({ total: { open: 0, resolved: 0 }, bySeverity: [{ severity: 'critical', open: 0, resolved: 0 }, { severity: 'warning', open: 0, resolved: 0 }, { severity: 'info', open: 0, resolved: 0 }], byKey: [] });
  });
});

describe('listAlerts', () => {
  const ids = (rows: readonly { alert_id: string }[]) => rows.map((r) => r.alert_id);

  it('sorts by last or first time, newest or oldest first', () => {
    expect(ids(listAlerts(alerts, 'all', { field: 'last_time', newestFirst: true }))).toEqual(['a:m1:2', 'a:m1:1', 'a:m2:1', 'a:__proto__:1']);
    expect(ids(listAlerts(alerts, 'all', { field: 'first_time', newestFirst: false }))).toEqual(['a:__proto__:1', 'a:m1:1', 'a:m2:1', 'a:m1:2']);
  });

  it('shows open or resolved alerts only, and breaks ties by id', () => {
    expect(ids(listAlerts(alerts, 'open', { field: 'last_time', newestFirst: true }))).toEqual(['a:m1:2', 'a:m2:1']);
    expect(ids(listAlerts(alerts, 'resolved', { field: 'last_time', newestFirst: true }))).toEqual(['a:m1:1', 'a:__proto__:1']);
    const tied = [alertRow({ alert_id: 'b' }), alertRow({ alert_id: 'a' })];
    expect(ids(listAlerts(tied, 'all', { field: 'last_time', newestFirst: true }))).toEqual(['a', 'b']);
  });
});
