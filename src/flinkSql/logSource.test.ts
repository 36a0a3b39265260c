import { describe, expect, it } from 'vitest';
import { exportFlinkSql } from './index';

function logDocument(log: { from: string } | undefined): unknown {
  return {
    format: 'windowpane.pipeline', version: 1, name: 'log',
    nodes: [
      { id: 'readings', kind: 'source.websocket', params: {
        url: 'ws://localhost:8787/topics/sensor-readings', eventTime: 'ts', timeFormat: 'epochMillis',
        fields: [{ name: 'ts', type: 'number' }, { name: 'v', type: 'number' }], ...(log === undefined ? {} : { log }),
      } },
      { id: 'out', kind: 'sink.collect' },
    ],
    edges: [{ id: 'e', from: 'readings', to: 'out' }],
  };
}

function script(log: { from: string } | undefined): string {
  const result = exportFlinkSql(logDocument(log));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.script;
}

describe('a log-mode WebSocket source in Flink SQL', () => {
  it('is a Kafka table of the log\'s topic, started where the source starts', () => {
    const earliest = script({ from: 'earliest' });
    expect(earliest).toContain("'topic' = 'sensor-readings'");
    expect(earliest).toContain("'scan.startup.mode' = 'earliest-offset'");
    expect(earliest).toMatch(/The partitioned log is Kafka's model: topic 'sensor-readings'/);
    expect(script({ from: 'latest' })).toContain("'scan.startup.mode' = 'latest-offset'");
    const offsets = script({ from: 'offsets:1=40,0=12' });
    expect(offsets).toContain("'scan.startup.mode' = 'specific-offsets'");
    expect(offsets).toContain("'scan.startup.specific-offsets' = 'partition:0,offset:12;partition:1,offset:40'");
    const time = script({ from: 'time:1700000000000' });
    expect(time).toContain("'scan.startup.mode' = 'timestamp'");
    expect(time).toContain("'scan.startup.timestamp-millis' = '1700000000000'");
  });

  it('keeps the template of a plain WebSocket source', () => {
    const plain = script(undefined);
    expect(plain).toContain("'topic' = 'TOPIC'");
    expect(plain).toContain("'scan.startup.mode' = 'earliest-offset'");
  });
});
