import { describe, expect, it } from 'vitest';
import { anomalyReader, describeAnomaly } from './anomalyMarks';
import { ChartBuffer } from './chartBuffer';
import { chunkOf } from './testing';
import type { ChartSpec } from './types';

const overTime: ChartSpec = { type: 'chart', chart: 'line', x: 'eventTime', y: 'value', series: ['machine'], topKeys: 2, timeRangeMs: 60_000 };
const reading = (ts: number, machine: string, value: number, flagged: boolean) =>
  ({ ts, machine, value, anomaly_score: flagged ? 0.97 : 0.1, is_anomaly: flagged, anomaly_reason: flagged ? `${value} is high` : '' });

describe('anomalyReader', () => {
  it('reads is_anomaly, anomaly_score and anomaly_reason of a row', () => {
    const read = anomalyReader(chunkOf([reading(1, 'm', 50, false), reading(2, 'm', 95, true)]));
    expect(read.at(0)).toBeUndefined();
    expect(read.at(1)).toEqual({ score: 0.97, reason: '95 is high' });
  });

  it('takes a 1/0 number as a flag and leaves out score and reason the rows lack', () => {
    const read = anomalyReader(chunkOf([{ ts: 1, value: 3, is_anomaly: 1 }, { ts: 2, value: 3, is_anomaly: 0 }]));
    expect(read.at(0)).toEqual({ score: null, reason: '' });
    expect(read.at(1)).toBeUndefined();
  });

  it('marks nothing when the rows have no is_anomaly', () => {
    expect(anomalyReader(chunkOf([{ ts: 1, value: 3 }])).at(0)).toBeUndefined();
  });

  it('says the reason and the score, or just "anomaly"', () => {
    expect(describeAnomaly({ score: 0.934, reason: '92.1 is 4.3 sigma above the rolling mean 70.2' })).toBe('92.1 is 4.3 sigma above the rolling mean 70.2 (score 0.93)');
    expect(describeAnomaly({ score: null, reason: '' })).toBe('anomaly');
  });
});

describe('ChartBuffer anomaly marks', () => {
  it('marks the drawn anomalous records of each series where they are drawn', () => {
    const buffer = new ChartBuffer(overTime);
    buffer.ingest(chunkOf([reading(1000, 'a', 50, false), reading(2000, 'a', 95, true), reading(2000, 'b', 40, false), reading(3000, 'b', 99, true)]));
    const snap = buffer.snapshot();
    expect(snap.marks).toEqual([
      { key: 'a', x: 2000, y: 95, score: 0.97, reason: '95 is high' },
      { key: 'b', x: 3000, y: 99, score: 0.97, reason: '99 is high' },
    ]);
    expect(buffer.anomalyCount()).toBe(2);
    expect(buffer.latestAnomaly()).toEqual({ score: 0.97, reason: '99 is high' });
  });

  it('drops marks that scrolled out of the range and forgets them all on clear', () => {
    const buffer = new ChartBuffer(overTime);
    // Ten readings after it, so the chart's least ten x values do not keep it in view either.
    buffer.ingest(chunkOf([reading(1000, 'a', 95, true), ...Array.from({ length: 10 }, (_, i) => reading(90_000 + i * 1000, 'a', 50, false))]));
    expect(buffer.snapshot().marks).toEqual([]);
    expect(buffer.anomalyCount()).toBe(1);
    buffer.clear();
    expect(buffer.anomalyCount()).toBe(0);
    expect(buffer.latestAnomaly()).toBeNull();
  });

  it('follows a window\'s revision: a later revision that is normal unmarks its point', () => {
    const windows: ChartSpec = { ...overTime, x: 'windowEnd', y: 'avg' };
    const result = (avg: number, revision: number, flagged: boolean) => ({ window_start: 0, window_end: 10_000, machine: 'a', avg, revision, is_anomaly: flagged, anomaly_score: flagged ? 1 : 0, anomaly_reason: flagged ? 'high' : '' });
    const buffer = new ChartBuffer(windows);
    buffer.ingest(chunkOf([result(95, 0, true)]));
    expect(buffer.snapshot().marks).toHaveLength(1);
    buffer.ingest(chunkOf([result(60, 1, false)]));
    expect(buffer.snapshot().marks).toEqual([]);
  });

  it('marks no point whose y is missing', () => {
    const buffer = new ChartBuffer(overTime);
    buffer.ingest(chunkOf([{ ts: 1000, machine: 'a', value: null, is_anomaly: true, anomaly_score: 1, anomaly_reason: 'gap' }, reading(2000, 'a', 1, false)]));
    expect(buffer.snapshot().marks).toEqual([]);
  });
});
