/**
 * One record of a partition's segment file: a line
 *   OFFSET TS CRC VALUE\n
 * with CRC the CRC-32 (hex, 8 digits) of `OFFSET TS VALUE`. VALUE is the
 * record's JSON text, which has no raw newline (JSON escapes them). A line is
 * valid only when it ends in a newline, its CRC matches and its offset is the
 * one expected: a write cut short by a crash (a torn tail) or a block of
 * garbage a power loss left behind fails one of the three.
 */
import { crc32 } from 'node:zlib';

/** A record as stored: its place, event time and value text. */
export interface StoredRecord {
  readonly offset: number;
  readonly ts: number;
  /** The value's JSON text, sent on as it is (no parse on the replay path). */
  readonly json: string;
}

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/** The line of one record, newline included. */
export function encodeRecord(offset: number, ts: number, json: string): string {
  const head = `${offset} ${ts}`;
  return `${head} ${hex8(crc32(`${head} ${json}`))} ${json}\n`;
}

/**
 * Reads one line (without its newline); null when it is not a whole, valid
 * record at `expected` (the offset the partition holds next).
 */
export function decodeRecord(line: string, expected: number): StoredRecord | null {
  const a = line.indexOf(' ');
  const b = a < 0 ? -1 : line.indexOf(' ', a + 1);
  const c = b < 0 ? -1 : line.indexOf(' ', b + 1);
  if (c < 0 || c - b !== 9) return null;
  const offset = Number(line.slice(0, a));
  const ts = Number(line.slice(a + 1, b));
  if (offset !== expected || !Number.isFinite(ts)) return null;
  const json = line.slice(c + 1);
  if (line.slice(b + 1, c) !== hex8(crc32(`${line.slice(0, b)} ${json}`))) return null;
  return { offset, ts, json };
}

/** Reads a line this server wrote and already checked (the replay path): no CRC. */
export function readTrustedRecord(line: string): StoredRecord {
  const a = line.indexOf(' ');
  const b = line.indexOf(' ', a + 1);
  return { offset: Number(line.slice(0, a)), ts: Number(line.slice(a + 1, b)), json: line.slice(b + 10) };
}
