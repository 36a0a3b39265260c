import { describe, expect, it } from 'vitest';
import { chunkFromRows } from '../worker/chunks';
import { LogBuffer } from './logBuffer';

const lines = (log: LogBuffer) => Array.from({ length: log.size }, (_, i) => log.lineAt(i)!.text);

describe('LogBuffer', () => {
  it('writes each row as one line of field=value, times (as the document types them) in UTC', () => {
    const log = new LogBuffer(10, new Set(['ts']));
    log.ingest(chunkFromRows('log', [{ ts: 1_700_000_000_000, card: 'c-1', amount: 12.5, flagged: true }, { ts: 1_700_000_001_000, card: null, amount: 3, flagged: false }], 0));
    expect(lines(log)).toEqual([
      'ts=2023-11-14 22:13:20.000  card=c-1  amount=12.5  flagged=true',
      'ts=2023-11-14 22:13:21.000  card=—  amount=3  flagged=false',
    ]);
    expect(log.received).toBe(2);
  });

  it('writes numbers as the CLI prints them: every digit of a whole number, fractions to 15 digits', () => {
    const log = new LogBuffer(10, new Set());
    log.ingest(chunkFromRows('log', [{ ts_s: 1_700_000_000.404, ms: 1_700_000_000_404, avg: 2 / 3 }], 0));
    expect(lines(log)).toEqual(['ts_s=1700000000.404  ms=1700000000404  avg=0.666666666666667']);
  });

  it('keeps the newest maxLines lines, oldest first, and counts every row received', () => {
    const log = new LogBuffer(3, new Set());
    for (let i = 0; i < 10; i++) log.ingest(chunkFromRows('log', [{ n: i }], 0));
    log.ingest(chunkFromRows('log', [{ n: 10 }], 4));
    expect(lines(log)).toEqual(['n=8', 'n=9', 'n=10']);
    expect(log.lineAt(0)!.seq).toBe(12);
    expect(log.received).toBe(15);
  });

  it('clears for a new run', () => {
    const log = new LogBuffer(3, new Set());
    log.ingest(chunkFromRows('log', [{ n: 1 }], 0));
    const version = log.version;
    log.clear();
    expect(log.size).toBe(0);
    expect(log.received).toBe(0);
    expect(log.version).toBeGreaterThan(version);
  });
});
