/**
 * The files of one partition: append-only segment files named by the offset
 * of their first record (Kafka's naming, 20 digits so they sort), each with a
 * sparse in-memory index. A segment that is rolled (closed) gets a sidecar
 * `.idx` with that index, written atomically (temporary file, rename), so a
 * restart reads only the active segment's records; a sidecar that is missing
 * or does not match its segment's size is rebuilt by a scan.
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Every this many records a segment's index has an entry. */
export const INDEX_EVERY = 128;

/** One entry of a segment's index: where record `offset` starts, and the newest event time of its block. */
export interface IndexEntry {
  readonly offset: number;
  readonly position: number;
  maxTs: number;
}

export interface Segment {
  readonly base: number;
  /** One past its last offset. */
  next: number;
  /** Bytes of whole records (what readers may read). */
  size: number;
  readonly entries: IndexEntry[];
}

export const segmentFile = (dir: string, base: number): string => join(dir, `${String(base).padStart(20, '0')}.log`);
export const indexFile = (dir: string, base: number): string => join(dir, `${String(base).padStart(20, '0')}.idx`);

/** The bases of the segment files in `dir`, ascending. */
export function listSegmentBases(dir: string): number[] {
  return readdirSync(dir)
    .flatMap((name) => (/^\d{20}\.log$/.test(name) ? [Number(name.slice(0, 20))] : []))
    .sort((a, b) => a - b);
}

/** Writes a rolled segment's index beside it (temporary file, fsync, rename: never half a sidecar). */
export function writeSegmentIndex(dir: string, segment: Segment): void {
  const path = indexFile(dir, segment.base);
  const body = JSON.stringify({ base: segment.base, next: segment.next, size: segment.size, entries: segment.entries.map((e) => [e.offset, e.position, e.maxTs]) });
  const fd = openSync(`${path}.tmp`, 'w');
  try {
    writeAll(fd, Buffer.from(body));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(`${path}.tmp`, path);
}

/** A rolled segment's index from its sidecar, or null when there is none or it does not fit the file. */
export function readSegmentIndex(dir: string, base: number): Segment | null {
  const path = indexFile(dir, base);
  if (!existsSync(path)) return null;
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as { base?: unknown; next?: unknown; size?: unknown; entries?: unknown };
    if (raw.base !== base || typeof raw.next !== 'number' || typeof raw.size !== 'number' || !Array.isArray(raw.entries)) return null;
    if (statSync(segmentFile(dir, base)).size !== raw.size) return null;
    const entries = (raw.entries as unknown[]).map((e) => {
      if (!Array.isArray(e) || e.length !== 3 || !e.every((n) => typeof n === 'number')) throw new Error('bad entry');
      return { offset: e[0] as number, position: e[1] as number, maxTs: e[2] as number };
    });
    return { base, next: raw.next, size: raw.size, entries };
  } catch {
    return null;
  }
}

/** Writes every byte of `data` (writeSync may write less than asked). */
export function writeAll(fd: number, data: Buffer): void {
  for (let done = 0; done < data.length;) done += writeSync(fd, data, done);
}

/** Up to `length` bytes of the file at `path` from `position`. */
export function readRange(path: string, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  const fd = openSync(path, 'r');
  try {
    let got = 0;
    while (got < length) {
      const n = readSync(fd, buffer, got, length - got, position + got);
      if (n === 0) break;
      got += n;
    }
    return got === length ? buffer : buffer.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}
