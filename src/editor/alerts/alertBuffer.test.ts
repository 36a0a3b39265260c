import { describe, expect, it } from 'vitest';
import { chunkOf } from '../../charts/testing';
import type { AlertRow } from '../../model';
import { AlertBuffer, MAX_ALERTS } from './alertBuffer';
import { alertRow } from './testing';

type Plain = Record<string, string | number | boolean | null>;


const chunk = (rows: readonly AlertRow[]) => chunkOf(rows.map((r) => ({ ...r }) as Plain));

describe('AlertBuffer', () => {
  it('keeps the newest row of each alert as its state', () => {
    const buffer = new AlertBuffer();
    buffer.ingest(chunk([alertRow(), alertRow({ alert_id: 'alerts:m2:1', key: 'm2' })]));
    buffer.ingest(chunk([alertRow({ last_time: 5000, count: 4, max_score: 0.99 })]));
    expect(buffer.alerts()).toEqual([alertRow({ alert_id: 'alerts:m2:1', key: 'm2' }), alertRow({ last_time: 5000, count: 4, max_score: 0.99 })]);
    expect(buffer.open()).toBe(2);
    buffer.ingest(chunk([alertRow({ status: 'resolved', resolved_time: 9000, last_time: 5000, count: 4 })]));
    expect(buffer.open()).toBe(1);
    expect(buffer.alerts().find((a) => a.alert_id === 'alerts:m1:1')).toMatchObject({ status: 'resolved', resolved_time: 9000 });
  });

  it('reads missing scores and resolution times as null, and skips rows that are not alerts', () => {
    const buffer = new AlertBuffer();
    buffer.ingest(chunkOf([
      { alert_id: 'a:1', sink: 'a', key: '', severity: 'critical', status: 'open', first_time: 1, last_time: 2, count: 2, resolved_time: null, max_score: null, reason: 'x > 3' },
      { alert_id: 'a:2', sink: 'a', key: '', severity: 'dire', status: 'open', first_time: 1, last_time: 2, count: 1, resolved_time: null, max_score: null, reason: '' },
      { alert_id: '', sink: 'a', key: '', severity: 'info', status: 'open', first_time: 1, last_time: 2, count: 1, resolved_time: null, max_score: null, reason: '' },
    ]));
    expect(buffer.alerts()).toEqual([{ alert_id: 'a:1', sink: 'a', key: '', severity: 'critical', status: 'open', first_time: 1, last_time: 2, count: 2, resolved_time: null, max_score: null, reason: 'x > 3' }]);
  });

  it('tells its listeners and empties on clear', () => {
    const buffer = new AlertBuffer();
    let heard = 0;
    buffer.subscribe(() => heard++);
    buffer.ingest(chunk([alertRow()]));
    buffer.clear();
    expect(heard).toBe(2);
    expect(buffer.size).toBe(0);
    expect(buffer.open()).toBe(0);
  });

  it('past MAX_ALERTS drops the alert resolved longest ago, and keeps open ones while any resolved is left', () => {
    const buffer = new AlertBuffer();
    const rows = Array.from({ length: MAX_ALERTS }, (_, i) => alertRow({ alert_id: `a:${i}`, status: i % 2 === 0 ? 'open' : 'resolved' }));
    buffer.ingest(chunk(rows));
    buffer.ingest(chunk([alertRow({ alert_id: 'a:new' })]));
    expect(buffer.size).toBe(MAX_ALERTS);
    const ids = new Set(buffer.alerts().map((a) => a.alert_id));
    expect(ids.has('a:1')).toBe(false);
    expect(ids.has('a:0')).toBe(true);
    expect(buffer.open()).toBe(MAX_ALERTS / 2 + 1);
  });
});
