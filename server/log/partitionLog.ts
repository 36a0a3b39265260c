/**
 * One partition of a topic: an append-only log of records numbered by offsets
 * 0, 1, 2, ... kept in segment files (see segments.ts, recordFormat.ts).
 *
 * Durability: every append is one write(2) of whole lines, so a killed
 * process loses nothing it appended (the OS holds it); `sync()` fsyncs, and
 * the store calls it once a second and on close, so a power loss loses at
 * most about the last second. On open, the active segment is scanned and a
 * torn or corrupt tail is cut (the file truncated to its last whole, valid
 * record), so offsets continue where the valid records end.
 *
 * Retention moves `earliest` forward (by count and by age of event time);
 * whole segments below it are deleted, and reads never return a record below it.
 */
import { closeSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { decodeRecord, encodeRecord, readTrustedRecord, type StoredRecord } from './recordFormat';
import { INDEX_EVERY, indexFile, listSegmentBases, readRange, readSegmentIndex, segmentFile, writeAll, writeSegmentIndex, type Segment } from './segments';

export interface Retention {
  /** Records kept per partition at most (null: no limit). */
  readonly maxRecords: number | null;
  /** Records whose event time is more than this behind the partition's newest are dropped (null: no limit). */
  readonly maxAgeMs: number | null;
}

export interface PartitionOptions {
  readonly retention: Retention;
  /** Records per segment file before a new one starts. */
  readonly segmentRecords: number;
  /** Told what recovery did (a cut tail), in a sentence. */
  readonly log?: ((line: string) => void) | undefined;
}

/** A record to append: its event time and value text. */
export interface NewRecord {
  readonly ts: number;
  readonly json: string;
}

/** Bytes read ahead of a record's index entry for reads (a block of records). */
const MIN_READ_BYTES = 64 * 1024;
/** The most read at once for one call (a larger record still gets read whole, by doubling). */
const MAX_READ_BYTES = 4 * 1024 * 1024;

export class PartitionLog {
  private readonly segments: Segment[] = [];
  private fd = -1;
  private dirty = false;
  private earliestOffset = 0;
  private newest = -Infinity;

  private constructor(private readonly dir: string, private readonly options: PartitionOptions) {}

  /** Opens (or creates) the partition in `dir`, cutting a torn tail. */
  static open(dir: string, options: PartitionOptions): PartitionLog {
    mkdirSync(dir, { recursive: true });
    const log = new PartitionLog(dir, options);
    log.recover();
    log.enforceRetention();
    return log;
  }

  /** The oldest offset still retained. */
  get earliest(): number {
    return this.earliestOffset;
  }

  /** The offset the next record will get. */
  get next(): number {
    return this.active.next;
  }

  /** The newest event time appended (-Infinity while empty). */
  get newestTs(): number {
    return this.newest;
  }

  private get active(): Segment {
    return this.segments[this.segments.length - 1]!;
  }

  private recover(): void {
    const bases = listSegmentBases(this.dir);
    let expected: number | null = null;
    for (let i = 0; i < bases.length; i++) {
      const base = bases[i]!;
      const last = i === bases.length - 1;
      if (expected !== null && base !== expected) {
        // A gap (a segment lost, or a later one written after a cut): nothing after it can be trusted.
        this.dropFrom(bases.slice(i), `segment ${base} does not continue at offset ${expected}`);
        break;
      }
      const trusted: Segment | null = last ? null : readSegmentIndex(this.dir, base);
      const scanned = trusted === null ? this.scan(base) : null;
      const segment: Segment = trusted ?? scanned!.segment;
      this.segments.push(segment);
      expected = segment.next;
      if (scanned?.cut === true && !last) {
        this.dropFrom(bases.slice(i + 1), `segment ${base} had a corrupt record`);
        break;
      }
      if (scanned !== null && !last) writeSegmentIndex(this.dir, segment);
    }
    if (this.segments.length === 0) this.segments.push({ base: 0, next: 0, size: 0, entries: [] });
    this.earliestOffset = this.segments[0]!.base;
    for (const segment of this.segments) for (const entry of segment.entries) this.newest = Math.max(this.newest, entry.maxTs);
    this.fd = openSync(segmentFile(this.dir, this.active.base), 'a');
  }

  /** Reads a segment record by record; truncates it after its last valid record. */
  private scan(base: number): { segment: Segment; cut: boolean } {
    const path = segmentFile(this.dir, base);
    const bytes = readFileSync(path, { flag: 'a+' });
    const segment: Segment = { base, next: base, size: 0, entries: [] };
    let position = 0;
    while (position < bytes.length) {
      const end = bytes.indexOf(10, position);
      const record = end < 0 ? null : decodeRecord(bytes.toString('utf8', position, end), segment.next);
      if (record === null) break;
      this.indexRecord(segment, record.offset, position, record.ts);
      segment.next++;
      position = end + 1;
    }
    segment.size = position;
    if (position < bytes.length) {
      const fd = openSync(path, 'r+');
      try {
        ftruncateSync(fd, position);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      this.options.log?.(`${this.dir}: cut ${bytes.length - position} bytes of a torn or corrupt record after offset ${segment.next - 1} (segment ${base})`);
    }
    return { segment, cut: position < bytes.length };
  }

  private dropFrom(bases: readonly number[], why: string): void {
    for (const base of bases) {
      rmSync(segmentFile(this.dir, base), { force: true });
      rmSync(indexFile(this.dir, base), { force: true });
    }
    if (bases.length > 0) this.options.log?.(`${this.dir}: dropped ${bases.length} segment(s) from ${bases[0]}: ${why}`);
  }

  private indexRecord(segment: Segment, offset: number, position: number, ts: number): void {
    if ((offset - segment.base) % INDEX_EVERY === 0) segment.entries.push({ offset, position, maxTs: ts });
    const entry = segment.entries[segment.entries.length - 1]!;
    if (ts > entry.maxTs) entry.maxTs = ts;
    if (ts > this.newest) this.newest = ts;
  }

  /** Appends `records` in order; returns the offset of the first. */
  append(records: readonly NewRecord[]): number {
    const first = this.next;
    let i = 0;
    while (i < records.length) {
      if (this.active.next - this.active.base >= this.options.segmentRecords) this.roll();
      const segment = this.active;
      const room = this.options.segmentRecords - (segment.next - segment.base);
      const end = Math.min(records.length, i + room);
      let text = '';
      let position = segment.size;
      for (; i < end; i++) {
        const record = records[i]!;
        const line = encodeRecord(segment.next, record.ts, record.json);
        this.indexRecord(segment, segment.next, position, record.ts);
        position += Buffer.byteLength(line);
        segment.next++;
        text += line;
      }
      writeAll(this.fd, Buffer.from(text));
      segment.size = position;
      this.dirty = true;
    }
    return first;
  }

  private roll(): void {
    const closed = this.active;
    fsyncSync(this.fd);
    closeSync(this.fd);
    writeSegmentIndex(this.dir, closed);
    this.segments.push({ base: closed.next, next: closed.next, size: 0, entries: [] });
    this.fd = openSync(segmentFile(this.dir, closed.next), 'a');
    this.dirty = false;
  }

  /** Up to `maxRecords` records from offset `from` (at least `earliest`), about `maxBytes` of text at most (at least one record). */
  read(from: number, maxRecords: number, maxBytes: number): StoredRecord[] {
    const start = Math.max(from, this.earliestOffset);
    if (start >= this.next) return [];
    const segment = this.segmentOf(start);
    const entry = lastAtOrBefore(segment.entries, start, (e) => e.offset) ?? { offset: segment.base, position: 0 };
    const path = segmentFile(this.dir, segment.base);
    const out: StoredRecord[] = [];
    for (let length = Math.min(Math.max(maxBytes, MIN_READ_BYTES), MAX_READ_BYTES); out.length === 0; length *= 2) {
      const bytes = readRange(path, entry.position, Math.min(length, segment.size - entry.position));
      let position = 0;
      let taken = 0;
      for (let offset = entry.offset; out.length < maxRecords && (out.length === 0 || taken < maxBytes); offset++) {
        const end = bytes.indexOf(10, position);
        if (end < 0) break;
        if (offset >= start) {
          out.push(readTrustedRecord(bytes.toString('utf8', position, end)));
          taken += end - position;
        }
        position = end + 1;
      }
      if (entry.position + bytes.length >= segment.size) break;
    }
    return out;
  }

  private segmentOf(offset: number): Segment {
    return lastAtOrBefore(this.segments, offset, (s) => s.base) ?? this.segments[0]!;
  }

  /** The first retained offset whose record's event time is at least `at`; `next` when there is none yet. */
  offsetForTime(at: number): number {
    for (let s = this.segments.indexOf(this.segmentOf(this.earliestOffset)); s < this.segments.length; s++) {
      const segment = this.segments[s]!;
      for (const entry of segment.entries) {
        const blockEnd = Math.min(entry.offset + INDEX_EVERY, segment.next);
        if (entry.maxTs < at || blockEnd <= this.earliestOffset) continue;
        for (let offset = Math.max(entry.offset, this.earliestOffset); offset < blockEnd;) {
          const records = this.read(offset, blockEnd - offset, MIN_READ_BYTES);
          const found = records.find((r) => r.ts >= at);
          if (found !== undefined) return found.offset;
          if (records.length === 0) break;
          offset = records[records.length - 1]!.offset + 1;
        }
      }
    }
    return this.next;
  }

  /** Moves `earliest` by the retention and deletes the segments wholly below it (never the active one). */
  enforceRetention(): void {
    const { maxRecords, maxAgeMs } = this.options.retention;
    let earliest = this.earliestOffset;
    if (maxRecords !== null) earliest = Math.max(earliest, this.next - maxRecords);
    if (maxAgeMs !== null && this.newest > -Infinity) earliest = Math.max(earliest, this.offsetForTime(this.newest - maxAgeMs));
    this.earliestOffset = earliest;
    while (this.segments.length > 1 && this.segments[0]!.next <= earliest) {
      const gone = this.segments.shift()!;
      rmSync(indexFile(this.dir, gone.base), { force: true });
      rmSync(segmentFile(this.dir, gone.base), { force: true });
    }
  }

  /** fsyncs what was appended since the last sync. */
  sync(): void {
    if (!this.dirty) return;
    fsyncSync(this.fd);
    this.dirty = false;
  }

  close(): void {
    if (this.fd < 0) return;
    this.sync();
    closeSync(this.fd);
    this.fd = -1;
  }
}

/** The last item whose key is at most `key`, by binary search over ascending keys. */
function lastAtOrBefore<T>(items: readonly T[], key: number, keyOf: (item: T) => number): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keyOf(items[mid]!) <= key) {
      found = items[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
