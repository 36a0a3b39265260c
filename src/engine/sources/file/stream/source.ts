/**
 * The runtime of a streamed file source (see ./types.ts): rows are parsed
 * as the run goes, a batch or so ahead of the steps, so memory stays bounded
 * by the batch size whatever the file's size. Batches, watermarks, bad rows
 * and metrics are those of the same file parsed whole (createBlockSource).
 *
 * Snapshots hold where the first row not yet taken starts (a byte offset
 * and line, a row index for Parquet), the watermark state, the counters and
 * the dictionaries; a restore drops what was read ahead and the next `fill`
 * starts a new read there.
 */
import { columnOf, copyColumns, createStringDict, internString, type Batch, type Column, type RowBlock, type StringColumn, type StringDict } from '../../../batch';
import type { FileSourceData } from '../../../plan/types';
import { emptyColumns, finalBatchFrom, reusedWatermarks } from '../../../run/sourceBatches';
import { withDicts } from '../../../run/sourceDicts';
import { heldBoolean, heldNumber, snapshotMethods, type Held } from '../../../snapshot/operatorState';
import type { DictsByName } from '../../../snapshot/types';
import { assignWatermarks, createWatermarkState } from '../../../watermark';
import { MAX_ROW_ERRORS, type RowErrorLog } from '../types';
import { concatRowBlocks } from './concat';
import { textFeed, type OpenFeed, type SupplyFeed } from './feed';
import { parquetFeed } from './parquetSupply';
import type { FilePosition, FileProgress, StreamedFileSource } from './types';

/** What a text parser says beyond the RowSupply contract: the bad-row log as it stood at its resume point. */
interface ResumeErrors {
  resumeErrors(): RowErrorLog;
}

/** A resume point read back from a snapshot. */
function heldPosition(get: () => FilePosition, set: (p: FilePosition) => void): Held {
  return {
    get: () => {
      const p = get();
      return { offset: p.offset, line: p.line };
    },
    set(value) {
      const p = value as Partial<FilePosition> | null;
      if (typeof p !== 'object' || p === null || typeof p.offset !== 'number' || typeof p.line !== 'number') throw new Error('snapshot: expected a file position');
      set({ offset: p.offset, line: p.line });
    },
  };
}

/** A supply's codes mapped into the source's dictionary (only after a restore, whose parser starts with empty dictionaries). */
interface CodeMap {
  readonly from: StringDict;
  map: Int32Array;
  mapped: number;
}

function remapped(column: StringColumn, own: StringDict, m: CodeMap, n: number): Int32Array {
  const values = m.from.values;
  if (m.mapped < values.length) {
    if (m.map.length < values.length) {
      const grown = new Int32Array(Math.max(values.length, m.map.length * 2, 16));
      grown.set(m.map.subarray(0, m.mapped));
      m.map = grown;
    }
    for (let i = m.mapped; i < values.length; i++) m.map[i] = internString(own, values[i]!);
    m.mapped = values.length;
  }
  const codes = column.codes;
  const map = m.map;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    out[i] = c < 0 ? c : map[c]!;
  }
  return out;
}

/**
 * Creates the source of a file read as the run goes; `boundMs` is the
 * watermark bound. `open` replaces how rows are read (tests).
 */
export function createStreamedFileSource(
  nodeId: string, data: Extract<FileSourceData, { kind: 'stream' }>, boundMs: number, open?: OpenFeed,
): StreamedFileSource {
  const { file, limit, timeRange } = data;
  const { layout, bytes } = file;
  const fields = layout.fields;
  const stringFields = fields.filter((f) => f.type === 'string').map((f) => f.name);
  const openFeed = open ?? (layout.format === 'parquet' ? parquetFeed(bytes, layout, timeRange) : textFeed(bytes, layout, timeRange));
  const watermarks = createWatermarkState(boundMs);
  const reused = reusedWatermarks();

  // The source's dictionaries by field: the first supply's own (adopted), or those a restore filled.
  const dicts = new Map<string, StringDict>();
  let adoptable = true;
  const codeMaps = new Map<string, CodeMap>();

  let feed: SupplyFeed | null = null;
  /** Where the next feed starts reading. */
  let start: FilePosition = layout.dataStart;
  /** Rows handed to steps in all; good and bad rows before `start`. */
  let taken = 0;
  let rowsBefore = 0;
  let badBefore = 0;
  /** Bad rows reported with their line (at most MAX_ROW_ERRORS), and how many of the feed's were passed. */
  let reported = 0;
  let passedInFeed = 0;
  let summarised = false;
  let closed = false;
  /** The progress when the source was closed: it read no further. */
  let closedAt: FileProgress | null = null;
  /** The row peekTime took from the supply, and where it starts. */
  let pending: { readonly block: RowBlock; readonly at: FilePosition; readonly badBefore: number | null } | null = null;

  const limitReached = (): boolean => limit !== null && taken >= limit;
  const waiting = (): number => (pending === null ? 0 : pending.block.length) + (feed?.supply.buffered ?? 0);
  const readToEnd = (): boolean => feed !== null && feed.supply.ended && waiting() === 0;
  const exhausted = (): boolean => limitReached() || readToEnd();
  const resumePoint = (): FilePosition => pending?.at ?? feed?.supply.resumePoint() ?? start;

  function ownDict(name: string): StringDict {
    let dict = dicts.get(name);
    if (dict === undefined) dicts.set(name, (dict = createStringDict()));
    return dict;
  }

  /** The block with its strings coded in the source's dictionaries. */
  function codedIn(block: RowBlock): RowBlock {
    let columns: Record<string, Column> | null = null;
    for (const name of stringFields) {
      const column = columnOf(block.columns, name);
      if (column?.type !== 'string') continue;
      const own = dicts.get(name);
      if (own === column.dict) continue;
      // No batch coded in an empty dictionary went out yet: the supply's own may replace it.
      if (own === undefined || (adoptable && own.values.length === 0)) {
        dicts.set(name, column.dict);
        continue;
      }
      let m = codeMaps.get(name);
      if (m === undefined || m.from !== column.dict) codeMaps.set(name, (m = { from: column.dict, map: new Int32Array(0), mapped: 0 }));
      columns ??= copyColumns(block.columns);
      columns[name] = { type: 'string', codes: remapped(column, own, m, block.length), dict: own };
    }
    adoptable = false;
    return columns === null ? block : { length: block.length, time: block.time, columns };
  }

  /**
   * Bad rows of the current feed before the resume point (all of them once it
   * was read to the end): the text parsers say (resumeErrors); otherwise
   * exact while the feed kept every one's line.
   */
  function feedBadBefore(line: number): number {
    if (feed === null) return 0;
    const errors = feed.supply.errors;
    if (line === Infinity) return errors.count;
    if (pending !== null && pending.badBefore !== null) return pending.badBefore;
    const atResume = (feed.supply as Partial<ResumeErrors>).resumeErrors;
    if (pending === null && atResume !== undefined) return atResume.call(feed.supply).count;
    let n = 0;
    while (n < errors.first.length && errors.first[n]!.line < line) n++;
    // Past its first MAX_ROW_ERRORS a log keeps no lines: the rest count as before the point.
    return n === errors.first.length ? errors.count : n;
  }

  function dropFeed(): void {
    feed?.close();
    feed = null;
    pending = null;
    passedInFeed = 0;
    codeMaps.clear();
  }

  const methods = snapshotMethods({ watermarks }, [], {
    at: heldPosition(resumePoint, (p) => { start = p; }),
    taken: heldNumber(() => taken, (n) => { taken = n; }),
    badRows: heldNumber(() => badBefore + feedBadBefore(readToEnd() ? Infinity : resumePoint().line), (n) => { badBefore = n; }),
    reported: heldNumber(() => reported, (n) => { reported = n; }),
    summarised: heldBoolean(() => summarised, (s) => { summarised = s; }),
  });

  function emptyBatch(): Batch {
    const columns = withDicts(emptyColumns(fields), new Map(stringFields.map((name) => [name, ownDict(name)])));
    return assignWatermarks(watermarks, { length: 0, time: new Float64Array(0), columns });
  }

  return {
    nodeId,
    file,
    snapshot: methods.snapshot,
    restore(image: unknown, byName: DictsByName): void {
      dropFeed();
      methods.restore(image, byName);
      rowsBefore = taken;
      // The restored dictionaries hold codes the state downstream refers to: a new parser's are mapped into them.
      adoptable = false;
    },
    outputDicts(wanted?: readonly string[]): ReadonlyMap<string, StringDict> {
      if (wanted !== undefined) for (const name of wanted) if (stringFields.includes(name)) ownDict(name);
      return new Map(dicts);
    },
    async fill(rows: number): Promise<void> {
      if (closed || limitReached()) return;
      const want = limit === null ? rows : Math.min(rows, limit - taken);
      const current = (feed ??= openFeed(start, dicts));
      while (!closed && feed === current && waiting() < want && !current.supply.ended) await current.more();
    },
    get buffered(): number {
      return limit === null ? waiting() : Math.min(waiting(), Math.max(0, limit - taken));
    },
    peekTime(): number | null {
      if (pending !== null) return pending.block.time[0]!;
      if (exhausted() || feed === null || feed.supply.buffered === 0) return null;
      // A supply that peeks leaves the row in place, so the next batch can be recycled whole (no pending row to join).
      if (feed.supply.peekTime !== undefined) return feed.supply.peekTime();
      const at = feed.supply.resumePoint();
      const atResume = (feed.supply as Partial<ResumeErrors>).resumeErrors;
      const badBefore = atResume === undefined ? null : atResume.call(feed.supply).count;
      pending = { block: codedIn(feed.supply.take(1)), at, badBefore };
      return pending.block.time[0]!;
    },
    next(maxRows: number, recycle = false): Batch | null {
      if (exhausted()) return null;
      const n = limit === null ? maxRows : Math.min(maxRows, limit - taken);
      const supply = feed?.supply;
      let block: RowBlock;
      if (pending !== null) {
        const more = n > 1 && supply !== undefined && supply.buffered > 0 ? codedIn(supply.take(n - 1)) : null;
        block = more === null ? pending.block : concatRowBlocks(pending.block, more);
        pending = null;
      } else if (supply === undefined || supply.buffered === 0) {
        // The host stepped without awaiting fill: no rows yet, but the source goes on.
        return emptyBatch();
      } else block = codedIn(supply.take(n, recycle));
      taken += block.length;
      return assignWatermarks(watermarks, block, recycle ? reused(block.length) : null);
    },
    finalBatch(): Batch {
      return finalBatchFrom(withDicts(emptyColumns(fields), new Map(stringFields.map((name) => [name, ownDict(name)]))));
    },
    takeDiagnostics(): string[] {
      const out: string[] = [];
      if (feed !== null && passedInFeed < feed.supply.errors.first.length) {
        // Bad rows are told once the rows before and after them were taken, so a restore tells none twice.
        const before = readToEnd() ? Infinity : resumePoint().line;
        const first = feed.supply.errors.first;
        while (passedInFeed < first.length && first[passedInFeed]!.line < before) {
          const e = first[passedInFeed++]!;
          if (reported < MAX_ROW_ERRORS) {
            out.push(`line ${e.line}: ${e.message}`);
            reported++;
          }
        }
      }
      if (!summarised && exhausted()) {
        summarised = true;
        const total = badBefore + feedBadBefore(readToEnd() ? Infinity : resumePoint().line);
        if (total > reported) out.push(`${total} rows in all could not be read`);
      }
      return out;
    },
    get progress(): FileProgress {
      if (closedAt !== null) return closedAt;
      const supply = feed?.supply;
      return {
        bytesRead: feed?.bytesRead ?? (layout.format === 'parquet' ? 0 : start.offset),
        totalBytes: bytes.size,
        rows: rowsBefore + (supply?.progress.rows ?? 0),
        badRows: badBefore + (supply?.errors.count ?? 0),
        done: exhausted(),
      };
    },
    close(): void {
      if (closed) return;
      closedAt = this.progress;
      closed = true;
      dropFeed();
    },
  };
}
