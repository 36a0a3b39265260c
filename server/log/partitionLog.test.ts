import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PartitionLog, type Retention } from './partitionLog';
import { decodeRecord, encodeRecord } from './recordFormat';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'wp-partition-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const UNBOUNDED: Retention = { maxRecords: null, maxAgeMs: null };
const open = (retention: Retention = UNBOUNDED, segmentRecords = 1000, log?: (line: string) => void): PartitionLog => PartitionLog.open(dir, { retention, segmentRecords, log });
/** Records with event times start, start + 10, ... */
const records = (n: number, start = 0): { ts: number; json: string }[] => Array.from({ length: n }, (_, i) => ({ ts: start + 10 * i, json: `{"i":${start / 10 + i},"text":"é\\n"}` }));
const offsets = (log: PartitionLog, from: number, n = 1_000_000): number[] => log.read(from, n, Infinity).map((r) => r.offset);

/** Every record from `from` on, following segments (what a consumer does). */
function readAll(log: PartitionLog, from: number): number[] {
  const out: number[] = [];
  for (let at = from; at < log.next;) {
    const batch = log.read(at, 50, 2000);
    out.push(...batch.map((r) => r.offset));
    at = Math.max(at, log.earliest, batch[batch.length - 1]!.offset + 1);
  }
  return out;
}

describe('record lines', () => {
  it('round-trip, and refuse a wrong offset, a changed byte or a cut line', () => {
    const line = encodeRecord(41, 1700, '{"a":"x y"}');
    expect(decodeRecord(line.slice(0, -1), 41)).toEqual({ offset: 41, ts: 1700, json: '{"a":"x y"}' });
    expect(decodeRecord(line.slice(0, -1), 42)).toBeNull();
    expect(decodeRecord(line.slice(0, -1).replace('x', 'z'), 41)).toBeNull();
    expect(decodeRecord(line.slice(0, 20), 41)).toBeNull();
  });
});

describe('PartitionLog', () => {
  it('numbers records from 0 across segment files and reads any range back', () => {
    const log = open(UNBOUNDED, 300);
    expect(log.append(records(250))).toBe(0);
    expect(log.append(records(500, 2500))).toBe(250);
    expect(log.next).toBe(750);
    expect(readdirSync(dir).filter((f) => f.endsWith('.log'))).toHaveLength(3);
    expect(readAll(log, 0)).toEqual(Array.from({ length: 750 }, (_, i) => i));
    expect(readAll(log, 299)).toEqual(Array.from({ length: 451 }, (_, i) => 299 + i));
    const [first] = log.read(600, 1, 100);
    expect(first).toEqual({ offset: 600, ts: 6000, json: '{"i":600,"text":"é\\n"}' });
    log.close();
  });

  it('keeps every record and continues the offsets after a restart', () => {
    const log = open(UNBOUNDED, 300);
    log.append(records(700));
    log.close();
    const again = open(UNBOUNDED, 300);
    expect(again.next).toBe(700);
    expect(again.append(records(5, 7000))).toBe(700);
    expect(readAll(again, 0)).toEqual(Array.from({ length: 705 }, (_, i) => i));
    expect(again.offsetForTime(6995)).toBe(700);
    again.close();
  });

  it('cuts a torn last record on open and continues after the last whole one', () => {
    const log = open();
    log.append(records(10));
    log.close();
    const file = join(dir, '00000000000000000000.log');
    const size = statSync(file).size;
    // A crash in the middle of a write: half a line, no newline.
    appendFileSync(file, encodeRecord(10, 100, '{"i":10}').slice(0, 12));
    const cuts: string[] = [];
    const again = open(UNBOUNDED, 1000, (line) => cuts.push(line));
    expect(statSync(file).size).toBe(size);
    expect(cuts).toEqual([expect.stringMatching(/cut 12 bytes of a torn or corrupt record after offset 9/)]);
    expect(again.next).toBe(10);
    expect(again.append(records(1, 100))).toBe(10);
    again.close();
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l, i) => decodeRecord(l, i)?.offset)).toEqual([...Array(11).keys()]);
  });

  it('cuts a record whose bytes a crash garbled (checksum), and the records after it', () => {
    const log = open();
    log.append(records(10));
    log.close();
    const file = join(dir, '00000000000000000000.log');
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [...lines.slice(0, 6), lines[6]!.replace('"i":6', '"i":7'), ...lines.slice(7)].join('\n'));
    const again = open();
    expect(again.next).toBe(6);
    expect(offsets(again, 0)).toEqual([0, 1, 2, 3, 4, 5]);
    again.close();
  });

  it('rebuilds a rolled segment whose index sidecar is missing, and drops segments after a corrupt one', () => {
    const log = open(UNBOUNDED, 100);
    log.append(records(350));
    log.close();
    rmSync(join(dir, '00000000000000000100.idx'));
    let again = open(UNBOUNDED, 100);
    expect(readAll(again, 0)).toHaveLength(350);
    again.close();
    // Cut the second segment in the middle: the third no longer continues it.
    rmSync(join(dir, '00000000000000000100.idx'));
    truncateSync(join(dir, '00000000000000000100.log'), statSync(join(dir, '00000000000000000100.log')).size - 30);
    again = open(UNBOUNDED, 100);
    expect(again.next).toBe(199);
    expect(readdirSync(dir).filter((f) => f.endsWith('.log'))).toEqual(['00000000000000000000.log', '00000000000000000100.log']);
    again.close();
  });

  it('keeps at most maxRecords, deleting whole segments below the earliest', () => {
    const log = open({ maxRecords: 250, maxAgeMs: null }, 100);
    log.append(records(1000));
    log.enforceRetention();
    expect(log.earliest).toBe(750);
    expect(readAll(log, 0)).toEqual(Array.from({ length: 250 }, (_, i) => 750 + i));
    expect(readdirSync(dir).filter((f) => f.endsWith('.log'))).toEqual(['00000000000000000700.log', '00000000000000000800.log', '00000000000000000900.log']);
    log.close();
    const again = open({ maxRecords: 250, maxAgeMs: null }, 100);
    expect([again.earliest, again.next]).toEqual([750, 1000]);
    again.close();
  });

  it('drops records more than maxAgeMs of event time behind the newest', () => {
    const log = open({ maxRecords: null, maxAgeMs: 1000 }, 100);
    log.append(records(500));
    log.enforceRetention();
    // Newest ts 4990: records at 3990 and later stay (offset 399 on).
    expect(log.earliest).toBe(399);
    expect(log.read(0, 1, 100)[0]!.offset).toBe(399);
    log.append(records(1, 10_000));
    log.enforceRetention();
    expect([log.earliest, log.next]).toEqual([500, 501]);
    log.close();
  });

  it('finds the first record at or after an event time, out of order too', () => {
    const log = open(UNBOUNDED, 100);
    const ts = [50, 10, 40, 30, 90, 20, 70, 60];
    log.append(Array.from({ length: 300 }, (_, i) => ({ ts: ts[i % 8]! + 100 * Math.floor(i / 8), json: '{}' })));
    for (const at of [0, 35, 55, 95, 1234, 3690, 99_999]) {
      const all = [0, 100, 200].flatMap((from) => log.read(from, 100, Infinity));
      const first = all.find((r) => r.ts >= at)?.offset ?? log.next;
      expect(log.offsetForTime(at), `at ${at}`).toBe(first);
    }
    log.close();
  });
});
